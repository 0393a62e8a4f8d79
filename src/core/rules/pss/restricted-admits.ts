import type { PodTemplate } from '../../model/pod-templates.js';
import type { Workload } from '../../model/workload.js';
import type { RawFinding } from '../../report/types.js';
import { capabilitiesBaselineCheck } from './capabilities-baseline.js';
import { PSS_CHECKS } from './evaluate.js';
import { hostPathVolumesCheck } from './host-path-volumes.js';
import { procMountCheck } from './proc-mount.js';
import { checkVersionAt, evaluateCheck, violationsOf, type PssCheck } from './pss-check.js';
import { seccompBaselineCheck } from './seccomp-baseline.js';
import type { PssVersion } from './version.js';

/** The baseline checks some restricted check overrides, with the id of the rule reporting each. */
const OVERRIDABLE: readonly { ruleId: string; check: PssCheck }[] = [
  { ruleId: 'capabilities-baseline', check: capabilitiesBaselineCheck },
  { ruleId: 'host-path-volumes', check: hostPathVolumesCheck },
  { ruleId: 'proc-mount', check: procMountCheck },
  { ruleId: 'seccomp-baseline', check: seccompBaselineCheck },
];

const OVERRIDABLE_RULES = new Set(OVERRIDABLE.map((entry) => entry.ruleId));

/**
 * The baseline findings that upstream's Restricted evaluation admits. At the restricted level a
 * restricted check replaces the baseline check it overrides, so where the restricted check lets
 * a pod through, the baseline check's violations no longer count: from 1.25 a Windows pod with
 * `seccompProfile.type: Unconfined` or an added capability fails Baseline but meets Restricted.
 * The restricted profile and restricted namespaces leave these findings out; Baseline keeps them.
 *
 * `versionOf` gives the version each workload was checked at; `keysOf` may give keys computed
 * ahead (in the CLI's worker threads), by default `admittedKeys`.
 */
export function findRestrictedAdmits(
  findings: readonly RawFinding[],
  workloads: readonly Workload[],
  versionOf: (workload: Workload) => PssVersion,
  keysOf: (workload: Workload, version: PssVersion) => readonly string[] = admittedKeys,
): Set<RawFinding> {
  const candidates = findings.filter(
    (finding) => finding.pss === 'baseline' && OVERRIDABLE_RULES.has(finding.ruleId),
  );
  const admitted = new Set<RawFinding>();
  if (candidates.length === 0) return admitted;

  const keys = new Set<string>();
  for (const workload of workloads) {
    for (const key of keysOf(workload, versionOf(workload))) keys.add(key);
  }
  for (const finding of candidates) {
    if (keys.has(keyOf(finding.ruleId, finding.workload, finding.path, finding.span))) {
      admitted.add(finding);
    }
  }
  return admitted;
}

/** Keys of the baseline violations in a workload's pods that Restricted admits at `version`. */
export function admittedKeys(workload: Workload, version: PssVersion): string[] {
  return workload.pods.flatMap((pod) => admittedViolations(workload, pod, version));
}

/** Keys of the baseline violations in `pod` that no applicable overriding check confirms. */
function admittedViolations(workload: Workload, pod: PodTemplate, version: PssVersion): string[] {
  const keys: string[] = [];
  for (const { ruleId, check } of OVERRIDABLE) {
    const overriding = PSS_CHECKS.filter((candidate) =>
      checkVersionAt(candidate, version)?.overrides?.includes(check.id),
    );
    if (overriding.length === 0) continue;
    const confirmed = overriding.some((candidate) => {
      const applied = checkVersionAt(candidate, version);
      return applied !== undefined && violationsOf(applied, pod).length > 0;
    });
    if (confirmed) continue;
    for (const violation of evaluateCheck(check, pod, version)) {
      keys.push(keyOf(ruleId, workload.id, workload.path, violation.span));
    }
  }
  return keys;
}

function keyOf(
  ruleId: string,
  workload: string | null,
  path: string,
  span: { start: number; end: number },
): string {
  return JSON.stringify([ruleId, workload, path, span.start, span.end]);
}
