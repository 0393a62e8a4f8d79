import type { KubeObject } from '../model/kubernetes-object.js';
import type { Workload } from '../model/workload.js';
import type { RawFinding, Span } from '../report/types.js';
import { internalError } from './general/internal-error.js';
import { formatMessage, type ReportDescriptor, type Rule, type RuleOptions } from './rule.js';

/** Turns what a rule reports into a raw finding with the rule's metadata. */
export function makeFinding(
  rule: Rule,
  descriptor: ReportDescriptor,
  path: string,
  workload: Workload | undefined,
): RawFinding {
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new Error(`Rule ${rule.meta.id} has no message "${descriptor.messageId}"`);
  }
  const about = descriptor.workload ?? workload;
  const stricter = descriptor.pss !== undefined && descriptor.pss !== rule.meta.pss;
  return {
    ruleId: rule.meta.id,
    severity: stricter && rule.meta.severity === 'error' ? 'warning' : rule.meta.severity,
    message: formatMessage(template, descriptor.data),
    path: descriptor.path ?? path,
    span: descriptor.span,
    pss: descriptor.pss ?? rule.meta.pss,
    workload: about?.id ?? null,
    related: descriptor.related ?? [],
    fixes: rule.meta.fixable ? (descriptor.fixes ?? []) : [],
  };
}

/** The `internal-error` finding that says `rule` threw at `span`; the run goes on without it. */
export function crashFinding(
  rule: Rule,
  error: unknown,
  path: string,
  span: Span,
  workload?: Workload,
): RawFinding {
  const message = error instanceof Error ? error.message : String(error);
  const data = { rule: rule.meta.id, message };
  const finding = makeFinding(internalError, { messageId: 'crashed', data, span }, path, workload);
  return { ...finding, crashedRule: rule.meta.id };
}

/** Runs the per-pod and per-workload checks of `rules` over the workloads of one document. */
export function runWorkloadRules(
  rules: readonly Rule[],
  workloads: readonly Workload[],
  options: RuleOptions,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const workload of workloads) {
    // One context per workload and pod for all rules: this loop runs for every rule of every
    // workload, and closures made inside it were a measurable part of an analysis.
    let current: Rule | undefined;
    const report = (descriptor: ReportDescriptor) => {
      if (current) findings.push(makeFinding(current, descriptor, workload.path, workload));
    };
    const context = { workload, options, report };
    const podContexts = workload.pods.map((pod) => ({ workload, pod, options, report }));
    for (const rule of rules) {
      current = rule;
      try {
        if (rule.checkWorkload) rule.checkWorkload(context);
        if (rule.checkPod) {
          for (const podContext of podContexts) rule.checkPod(podContext);
        }
      } catch (error) {
        findings.push(crashFinding(rule, error, workload.path, workload.span));
      }
    }
  }
  return findings;
}

/** Runs the set checks of `rules` over everything analysed together. */
export function runSetRules(
  rules: readonly Rule[],
  workloads: readonly Workload[],
  objects: readonly KubeObject[],
  options: RuleOptions,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of rules) {
    if (!rule.checkSet) continue;
    const fallbackPath = workloads[0]?.path ?? objects[0]?.path ?? '';
    const report = (descriptor: ReportDescriptor) =>
      findings.push(
        makeFinding(rule, descriptor, descriptor.workload?.path ?? fallbackPath, undefined),
      );
    try {
      rule.checkSet({ workloads, objects, options, report });
    } catch (error) {
      findings.push(crashFinding(rule, error, fallbackPath, { start: 0, end: 0 }));
    }
  }
  return findings;
}
