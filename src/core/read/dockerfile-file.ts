import type { Dockerfile } from '../model/dockerfile.js';
import type { RawFinding, Span } from '../report/types.js';
import { internalError } from '../rules/general/internal-error.js';
import { makeFinding } from '../rules/run-rules.js';
import type { ReportDescriptor, Rule, RuleOptions } from '../rules/rule.js';
import { parseDockerfile } from './dockerfile-parse.js';
import type { FileModel } from './read-file.js';

/** A `# layerwise ignore=` pragma: rule ids, and where findings they cover start. */
export interface DockerfilePragma {
  rules: string[];
  /** The comment itself. */
  span: Span;
  /** The instruction the pragma covers; undefined for a file-wide pragma. */
  covers: Span | undefined;
}

const PRAGMA = /^layerwise\s+(global\s+)?ignore\s*=\s*(.*)$/;

/**
 * Parses a Dockerfile and adds the findings of the Dockerfile checks of `rules` to `model`.
 * Findings that a
 * hadolint-style pragma covers are left out: `# layerwise ignore=<rule>[,<rule>]` for the next
 * instruction, `# layerwise global ignore=<rule>` for the whole file.
 */
export function readDockerfile(
  model: FileModel,
  rules: readonly Rule[],
  options: RuleOptions,
): FileModel {
  const { path, text } = model;
  const dockerfile = parseDockerfile(path, text);
  const pragmas = readDockerfilePragmas(dockerfile);
  const findings: RawFinding[] = [];

  for (const rule of rules) {
    if (!rule.checkDockerfile) continue;
    const report = (descriptor: ReportDescriptor) =>
      findings.push(makeFinding(rule, descriptor, path, undefined));
    try {
      rule.checkDockerfile({ dockerfile, options, report });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const span = dockerfile.instructions[0]?.span ?? { start: 0, end: 0 };
      findings.push(
        makeFinding(
          internalError,
          { messageId: 'crashed', data: { rule: rule.meta.id, message }, span },
          path,
          undefined,
        ),
      );
    }
  }
  model.findings.push(...findings.filter((finding) => !isIgnored(finding, pragmas)));
  return model;
}

/** The ignore pragmas of a Dockerfile, each with the instruction it covers. */
export function readDockerfilePragmas(dockerfile: Dockerfile): DockerfilePragma[] {
  const pragmas: DockerfilePragma[] = [];
  for (const comment of dockerfile.comments) {
    const match = PRAGMA.exec(comment.text);
    if (!match) continue;
    const list = (match[2] ?? '').split(/\s--(?:\s|$)/)[0] ?? '';
    const rules = list
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const next = dockerfile.instructions.find(
      (instruction) => instruction.span.start > comment.span.start,
    );
    const isGlobal = match[1] !== undefined;
    if (!isGlobal && next === undefined) continue;
    pragmas.push({ rules, span: comment.span, covers: isGlobal ? undefined : next?.span });
  }
  return pragmas;
}

function isIgnored(finding: RawFinding, pragmas: readonly DockerfilePragma[]): boolean {
  return pragmas.some(
    (pragma) =>
      pragma.rules.includes(finding.ruleId) &&
      (pragma.covers === undefined ||
        (pragma.covers.start <= finding.span.start && finding.span.start < pragma.covers.end)),
  );
}
