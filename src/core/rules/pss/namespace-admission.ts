import type { KubeObject } from '../../model/kubernetes-object.js';
import type { Workload } from '../../model/workload.js';
import type { PssLevel, RawFinding, RelatedSpan, Span } from '../../report/types.js';
import { runWorkloadRules } from '../run-rules.js';
import type { Rule, RuleOptions } from '../rule.js';
import { findRestrictedAdmits } from './restricted-admits.js';
import {
  formatPssVersion,
  LATEST_PSS_VERSION,
  parsePssVersion,
  type PssVersion,
} from './version.js';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

type EnforcedLevel = 'privileged' | PssLevel;

const LEVEL_RANK: Record<EnforcedLevel, number> = { privileged: 0, baseline: 1, restricted: 2 };

/** What a Namespace of the analysed set enforces on the pods created in it. */
export interface NamespacePolicy {
  namespace: string;
  level: EnforcedLevel;
  version: PssVersion;
  /** The `enforce` label entry, for the finding's related location. */
  path: string;
  span: Span;
}

/** The findings after namespace enforcement, and those a namespace's admission would reject. */
export interface AdmissionResult {
  findings: RawFinding[];
  /** Findings that stay whatever the profile says, because admission would reject them. */
  enforced: ReadonlySet<RawFinding>;
  /**
   * Baseline findings that upstream's Restricted evaluation admits (an overriding restricted
   * check exempts the pod), which the restricted profile leaves out; see `findRestrictedAdmits`.
   */
  restrictedAdmits: ReadonlySet<RawFinding>;
}

/**
 * Reads the `enforce` labels of the Namespace objects in the set. As the admission
 * controller does, an unknown level is read as `restricted` and an unknown version as
 * `latest`, so a mistyped label fails closed.
 */
export function readNamespacePolicies(
  objects: readonly KubeObject[],
): Map<string, NamespacePolicy> {
  const policies = new Map<string, NamespacePolicy>();
  for (const object of objects) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name) continue;
    const label = object.metadata?.get('labels')?.get(ENFORCE_LABEL);
    const levelText = object.labels[ENFORCE_LABEL];
    if (!label || levelText === undefined) continue;
    const versionText = object.labels[ENFORCE_VERSION_LABEL];
    policies.set(object.name, {
      namespace: object.name,
      level: isLevel(levelText) ? levelText : 'restricted',
      version: (versionText && parsePssVersion(versionText)) || LATEST_PSS_VERSION,
      path: object.path,
      span: label.entrySpan,
    });
  }
  return policies;
}

/** What the admission stage can be given instead of reading it from the set's fields. */
export interface AdmissionInputs {
  /** The set's policies, as `readNamespacePolicies` reads them from its objects. */
  policies?: ReadonlyMap<string, NamespacePolicy>;
  /** The keys `admittedKeys` gives for a workload, e.g. computed in another thread. */
  admittedKeys?: (workload: Workload, version: PssVersion) => readonly string[];
}

/**
 * The set stage for namespaces: a workload in a Namespace that enforces a level is checked at
 * the namespace's version (the PSS rules run again when it differs from the configured one),
 * and each of its findings of a control at or below the enforced level becomes an error that
 * says admission would reject the workload, pointing at the label.
 */
export function applyNamespaceAdmission(
  findings: readonly RawFinding[],
  workloads: readonly Workload[],
  objects: readonly KubeObject[],
  rules: readonly Rule[],
  options: RuleOptions,
  given: AdmissionInputs = {},
): AdmissionResult {
  const policies = given.policies ?? readNamespacePolicies(objects);
  const enforced = new Set<RawFinding>();
  if (policies.size === 0) {
    const restrictedAdmits = findRestrictedAdmits(
      findings,
      workloads,
      () => options.pssVersion,
      given.admittedKeys,
    );
    return { findings: [...findings], enforced, restrictedAdmits };
  }

  const pssRules = rules.filter((rule) => rule.meta.family === 'pss');
  const reevaluated = new Set<string>();
  const extra: RawFinding[] = [];
  for (const workload of workloads) {
    const policy = policies.get(workload.namespace);
    if (!policy || policy.level === 'privileged') continue;
    if (policy.version.minor === options.pssVersion.minor) continue;
    reevaluated.add(workload.id);
    extra.push(
      ...runWorkloadRules(pssRules, [workload], { ...options, pssVersion: policy.version }),
    );
  }

  const checked = [...findings.filter((f) => !isReplaced(f, reevaluated)), ...extra];
  const versionOf = (workload: Workload) => {
    const policy = policies.get(workload.namespace);
    return policy && reevaluated.has(workload.id) ? policy.version : options.pssVersion;
  };
  const restrictedAdmits = findRestrictedAdmits(checked, workloads, versionOf, given.admittedKeys);
  const namespaceOf = namespacesById(workloads);
  const result: RawFinding[] = [];
  for (const finding of checked) {
    const namespace = finding.workload === null ? undefined : namespaceOf.get(finding.workload);
    const policy = namespace === undefined ? undefined : policies.get(namespace);
    const admitted = policy?.level === 'restricted' && restrictedAdmits.has(finding);
    if (!policy || admitted || finding.pss === null || outranks(finding.pss, policy.level)) {
      result.push(finding);
      continue;
    }
    restrictedAdmits.delete(finding);
    const rejected = reject(finding, policy);
    enforced.add(rejected);
    result.push(rejected);
  }
  return { findings: result, enforced, restrictedAdmits };
}

function isReplaced(finding: RawFinding, reevaluated: ReadonlySet<string>): boolean {
  return finding.pss !== null && finding.workload !== null && reevaluated.has(finding.workload);
}

/** Each workload id's namespace; where ids repeat (overlays), the first workload's. */
function namespacesById(workloads: readonly Workload[]): Map<string, string> {
  const namespaces = new Map<string, string>();
  for (const workload of workloads) {
    if (!namespaces.has(workload.id)) namespaces.set(workload.id, workload.namespace);
  }
  return namespaces;
}

function reject(finding: RawFinding, policy: NamespacePolicy): RawFinding {
  const version = formatPssVersion(policy.version);
  const related: RelatedSpan = {
    path: policy.path,
    span: policy.span,
    message: `Namespace "${policy.namespace}" enforces Pod Security ${policy.level} (${version}).`,
  };
  return {
    ...finding,
    severity: 'error',
    message:
      `${finding.message} Namespace "${policy.namespace}" enforces ${policy.level} ` +
      `(${version}), so admission would reject this workload.`,
    related: [...finding.related, related],
  };
}

/** Whether a control of `level` is stricter than what the namespace enforces. */
function outranks(level: PssLevel, enforced: EnforcedLevel): boolean {
  return LEVEL_RANK[level] > LEVEL_RANK[enforced];
}

function isLevel(text: string): text is EnforcedLevel {
  return text === 'privileged' || text === 'baseline' || text === 'restricted';
}
