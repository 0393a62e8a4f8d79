import type { FileFormat } from '../read/detect-format.js';
import { readDockerfileSuppressions } from '../read/dockerfile-pragmas.js';
import type { FileModel } from '../read/read-file.js';
import type { RawFinding } from '../report/types.js';
import { suppressionReason } from '../rules/general/suppression-reason.js';
import { suppressionUnknownRule } from '../rules/general/suppression-unknown-rule.js';
import { unusedSuppression } from '../rules/general/unused-suppression.js';
import { findRule, RULES } from '../rules/registry.js';
import type { Rule } from '../rules/rule.js';
import { makeFinding } from '../rules/run-rules.js';
import { readAnnotationSuppressions } from './annotations.js';
import { lineRemoval, type RuleReference, type Suppression } from './suppression.js';
import { findUnusedSuppressions } from './unused-suppressions.js';
import { readYamlCommentSuppressions } from './yaml-comments.js';

/** Reads the suppressions written in one file of a format. */
export type SuppressionReader = (model: FileModel) => Suppression[];

/** Comments and annotations of Kubernetes YAML, plain or in a Helm template. */
function readKubernetesSuppressions(model: FileModel): Suppression[] {
  return [
    ...readYamlCommentSuppressions(model.path, model.text, model.documents),
    ...readAnnotationSuppressions(model.path, model.objects, model.workloads),
  ];
}

/** Comments of a compose file: the same `# layerwise-disable-*` forms as in manifests. */
function readComposeSuppressions(model: FileModel): Suppression[] {
  return readYamlCommentSuppressions(model.path, model.text, model.documents);
}

/** Hadolint-style pragmas of a Dockerfile: `# layerwise ignore=<rule> -- <reason>`. */
function readDockerfilePragmas(model: FileModel): Suppression[] {
  return model.dockerfile ? readDockerfileSuppressions(model.dockerfile) : [];
}

/** Each format's suppression syntax; a format without an entry has none. */
const READERS: Partial<Record<FileFormat, SuppressionReader>> = {
  kubernetes: readKubernetesSuppressions,
  helm: readKubernetesSuppressions,
  compose: readComposeSuppressions,
  dockerfile: readDockerfilePragmas,
};

/** The suppressions written in the files, read by each file's format. */
export function readSuppressions(models: readonly FileModel[]): Suppression[] {
  return models.flatMap((model) => {
    const judged = judgesUsage(model);
    return (READERS[model.format]?.(model) ?? []).map((suppression) => ({
      ...suppression,
      removal: suppression.removal ?? lineRemoval(model.text, suppression.span),
      judged,
    }));
  });
}

/** Findings that say a file was analysed in part or not at all. */
const PARTIAL_ANALYSIS_RULES: ReadonlySet<string> = new Set(['yaml-syntax', 'file-too-large']);

/**
 * Whether a file's findings are complete, so a suppression in it that covers none is unused: a
 * Helm template's findings are only those its literal text decides, a file with syntax errors
 * is analysed only where the parser recovered, and a file over the size limit not at all.
 */
function judgesUsage(model: FileModel): boolean {
  if (model.format === 'helm') return false;
  return !model.findings.some((finding) => PARTIAL_ANALYSIS_RULES.has(finding.ruleId));
}

/**
 * Drops the findings that a suppression covers, and adds findings about suppressions that give
 * no reason, name rules that do not exist, or suppress nothing. `ran` are the rules that ran,
 * every rule by default: a suppression of a rule turned off is not reported as unused.
 */
export function suppressFindings(
  findings: readonly RawFinding[],
  suppressions: readonly Suppression[],
  ran: readonly Rule[] = RULES,
): RawFinding[] {
  if (suppressions.length === 0) return [...findings];
  const used = new Set<RuleReference>();
  const kept = findings.filter((finding) => {
    let covered = false;
    for (const suppression of suppressions) {
      const rule = coveringRule(suppression, finding);
      if (!rule) continue;
      used.add(rule);
      covered = true;
    }
    return !covered;
  });

  const about = suppressions.flatMap(checkSuppression);
  // A rule that threw reported only part of what it finds: its suppressions are not judged.
  const crashed = new Set(findings.flatMap((finding) => finding.crashedRule ?? []));
  const ranIds = new Set(ran.map((rule) => rule.meta.id).filter((id) => !crashed.has(id)));
  if (ranIds.has(unusedSuppression.meta.id)) {
    const unused = findUnusedSuppressions(suppressions, used, ranIds).filter(
      (finding) => !suppressions.some((suppression) => coveringRule(suppression, finding)),
    );
    about.push(...unused);
  }
  return [...kept, ...about];
}

/** The reference of `suppression` that covers `finding`, if it does. */
function coveringRule(suppression: Suppression, finding: RawFinding): RuleReference | undefined {
  const rule = suppression.rules.find((candidate) => candidate.id === finding.ruleId);
  return rule && inScope(suppression, finding) ? rule : undefined;
}

function inScope(suppression: Suppression, finding: RawFinding): boolean {
  const scope = suppression.scope;
  if (finding.path !== suppression.path) {
    // Workload ids repeat across overlays, so inside the file the object's span decides.
    return scope.kind === 'workload' && finding.workload === scope.workload;
  }
  if (scope.kind === 'file') return true;
  const start = finding.span.start;
  return scope.span.start <= start && (start < scope.span.end || start === scope.span.start);
}

function checkSuppression(suppression: Suppression): RawFinding[] {
  const { path, span } = suppression;
  const findings: RawFinding[] = [];
  if (suppression.rules.length === 0) {
    findings.push(
      makeFinding(suppressionUnknownRule, { messageId: 'missing', span }, path, undefined),
    );
  }
  for (const rule of suppression.rules) {
    if (findRule(rule.id)) continue;
    const descriptor = { messageId: 'unknown', data: { rule: rule.id }, span: rule.span };
    findings.push(makeFinding(suppressionUnknownRule, descriptor, path, undefined));
  }
  if (suppression.reason === undefined && suppression.rules.length > 0) {
    const messageId = suppression.writtenAs;
    const rules = suppression.rules.map((rule) => rule.id).join(', ');
    const descriptor = { messageId, data: { rules }, span };
    findings.push(makeFinding(suppressionReason, descriptor, path, undefined));
  }
  return findings;
}
