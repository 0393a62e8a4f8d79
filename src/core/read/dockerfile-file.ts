import type { RawFinding } from '../report/types.js';
import { crashFinding, makeFinding } from '../rules/run-rules.js';
import type { ReportDescriptor, Rule, RuleOptions } from '../rules/rule.js';
import { parseDockerfile } from './dockerfile-parse.js';
import type { FileModel } from './read-file.js';

/**
 * Parses a Dockerfile and adds the findings of the Dockerfile checks of `rules` to `model`.
 * Its ignore pragmas are applied later with every other suppression (src/core/suppress).
 */
export function readDockerfile(
  model: FileModel,
  rules: readonly Rule[],
  options: RuleOptions,
): FileModel {
  const { path, text } = model;
  const dockerfile = parseDockerfile(path, text);
  const findings: RawFinding[] = [];

  for (const rule of rules) {
    if (!rule.checkDockerfile) continue;
    const report = (descriptor: ReportDescriptor) =>
      findings.push(makeFinding(rule, descriptor, path, undefined));
    try {
      rule.checkDockerfile({ dockerfile, options, report });
    } catch (error) {
      const span = dockerfile.instructions[0]?.span ?? { start: 0, end: 0 };
      findings.push(crashFinding(rule, error, path, span));
    }
  }
  model.dockerfile = dockerfile;
  model.findings.push(...findings);
  return model;
}
