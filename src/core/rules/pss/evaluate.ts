import type { PodTemplate } from '../../model/pod-templates.js';
import type { PssLevel } from '../../report/types.js';
import { allowPrivilegeEscalationCheck } from './allow-privilege-escalation.js';
import { apparmorCheck } from './apparmor.js';
import { capabilitiesBaselineCheck } from './capabilities-baseline.js';
import { capabilitiesRestrictedCheck } from './capabilities-restricted.js';
import { hostNamespacesCheck } from './host-namespaces.js';
import { hostPathVolumesCheck } from './host-path-volumes.js';
import { hostPortsCheck } from './host-ports.js';
import { hostProcessCheck } from './host-process.js';
import { privilegedCheck } from './privileged.js';
import { probeHostCheck } from './probe-host.js';
import { procMountCheck, procMountRestrictedCheck } from './proc-mount.js';
import { checkVersionAt, violationsOf, type PssCheck, type Violation } from './pss-check.js';
import { runAsNonRootCheck } from './run-as-non-root.js';
import { runAsUserCheck } from './run-as-user.js';
import { seccompBaselineCheck } from './seccomp-baseline.js';
import { seccompRestrictedCheck } from './seccomp-restricted.js';
import { selinuxCheck } from './selinux.js';
import { sysctlsCheck } from './sysctls.js';
import type { PssVersion } from './version.js';
import { volumeTypesCheck } from './volume-types.js';

/** Every upstream Pod Security check, as the admission controller registers them. */
export const PSS_CHECKS: readonly PssCheck[] = [
  allowPrivilegeEscalationCheck,
  apparmorCheck,
  capabilitiesBaselineCheck,
  capabilitiesRestrictedCheck,
  hostNamespacesCheck,
  hostPathVolumesCheck,
  hostPortsCheck,
  hostProcessCheck,
  privilegedCheck,
  probeHostCheck,
  procMountCheck,
  procMountRestrictedCheck,
  runAsNonRootCheck,
  runAsUserCheck,
  seccompBaselineCheck,
  seccompRestrictedCheck,
  selinuxCheck,
  sysctlsCheck,
  volumeTypesCheck,
];

/** What one check found in a pod. */
export interface CheckResult {
  check: PssCheck;
  violations: Violation[];
}

/**
 * Evaluates a pod against a level as upstream does: Baseline runs the baseline checks that
 * exist at `version`; Restricted runs the restricted checks plus the baseline checks that no
 * applicable restricted check overrides. Privileged runs nothing.
 */
export function evaluatePod(
  pod: PodTemplate,
  level: 'privileged' | PssLevel,
  version: PssVersion,
): CheckResult[] {
  if (level === 'privileged') return [];
  const active = PSS_CHECKS.flatMap((check) => {
    const applied = checkVersionAt(check, version);
    return applied ? [{ check, applied }] : [];
  });
  const overridden = new Set(
    level === 'restricted' ? active.flatMap(({ applied }) => applied.overrides ?? []) : [],
  );
  return active
    .filter(({ check }) => level === 'restricted' || check.level === 'baseline')
    .filter(({ check }) => !overridden.has(check.id))
    .map(({ check, applied }) => ({ check, violations: violationsOf(applied, pod) }));
}

/** Whether a pod meets a level at a version. */
export function meetsLevel(pod: PodTemplate, level: PssLevel, version: PssVersion): boolean {
  return evaluatePod(pod, level, version).every((result) => result.violations.length === 0);
}

/** The highest Pod Security level the pod meets at `version`, per the same checks as upstream. */
export function podSecurityLevel(
  pod: PodTemplate,
  version: PssVersion,
): 'privileged' | 'baseline' | 'restricted' {
  if (meetsLevel(pod, 'restricted', version)) return 'restricted';
  if (meetsLevel(pod, 'baseline', version)) return 'baseline';
  return 'privileged';
}
