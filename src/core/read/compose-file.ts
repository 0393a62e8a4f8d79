import {
  readComposeServices,
  toComposeWorkload,
  type ComposeService,
} from '../model/compose-service.js';
import type { Workload } from '../model/workload.js';
import type { RawFinding } from '../report/types.js';
import { yamlSyntax } from '../rules/general/yaml-syntax.js';
import { crashFinding, makeFinding } from '../rules/run-rules.js';
import type { ReportDescriptor, Rule, RuleOptions } from '../rules/rule.js';
import { parseChunk } from './parse-yaml.js';
import type { FileModel } from './read-file.js';

const COMPOSE_FILE_NAME = /(?:^|[\\/])(?:docker-)?compose(?:\.[\w-]+)*\.ya?ml$/i;

/**
 * Reads a file that looks like a compose file into `model`: its services become workloads, and
 * the compose checks of `rules` run on each. A file that turns out not to be one yields nothing;
 * syntax problems are reported only when the content or the file name says it is one.
 */
export function readComposeFile(
  model: FileModel,
  rules: readonly Rule[],
  options: RuleOptions,
): FileModel {
  const { path, text } = model;
  const document = parseChunk({ text, offset: 0, index: 0 });
  const services = readComposeServices(path, document);
  if (services === undefined && !COMPOSE_FILE_NAME.test(path)) return model;

  model.documents.push(document);
  const findings: RawFinding[] = document.problems.map((problem) =>
    makeFinding(
      yamlSyntax,
      { messageId: problem.severity, data: { message: problem.message }, span: problem.span },
      path,
      undefined,
    ),
  );
  for (const service of services ?? []) {
    const workload = toComposeWorkload(service, 0);
    model.workloads.push(workload);
    findings.push(...checkService(rules, service, workload, options));
  }
  model.findings.push(...findings);
  return model;
}

function checkService(
  rules: readonly Rule[],
  service: ComposeService,
  workload: Workload,
  options: RuleOptions,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.checkCompose) continue;
    const report = (descriptor: ReportDescriptor) =>
      findings.push(makeFinding(rule, descriptor, service.path, workload));
    try {
      rule.checkCompose({ workload, service, options, report });
    } catch (error) {
      findings.push(crashFinding(rule, error, service.path, service.span, workload));
    }
  }
  return findings;
}
