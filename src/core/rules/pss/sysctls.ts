import type { EvaluatePod, PssCheck, Violation } from './pss-check.js';
import { pssRule } from './pss-check.js';
import { entrySpan, podSecurityContext } from './pod-security-context.js';

/** The sysctls Baseline allows, by the policy version that first allowed them. */
const SAFE_SYSCTLS_BY_VERSION: readonly { minor: number; names: readonly string[] }[] = [
  {
    minor: 0,
    names: [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
    ],
  },
  { minor: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
  {
    minor: 29,
    names: [
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ],
  },
  { minor: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { minor: 37, names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

/** The safe sysctl names at a policy version. */
export function safeSysctls(minor: number): ReadonlySet<string> {
  return new Set(
    SAFE_SYSCTLS_BY_VERSION.filter((group) => group.minor <= minor).flatMap((group) => group.names),
  );
}

function sysctlsAt(minor: number): EvaluatePod {
  const allowed = safeSysctls(minor);
  return (pod) => {
    const violations: Violation[] = [];
    for (const sysctl of podSecurityContext(pod)?.get('sysctls')?.items() ?? []) {
      const name = sysctl.get('name');
      const value = name?.string();
      if (!name || value === undefined || allowed.has(value)) continue;
      violations.push({ messageId: 'sysctl', data: { name: value }, span: entrySpan(name) });
    }
    return violations;
  };
}

/**
 * Upstream `sysctls` (Baseline): `spec.securityContext.sysctls[*].name` is in the safe set of
 * the version; the set grew at 1.27, 1.29, 1.32 and 1.37.
 */
export const sysctlsCheck: PssCheck = {
  id: 'sysctls',
  level: 'baseline',
  versions: SAFE_SYSCTLS_BY_VERSION.map((group) => ({
    minor: group.minor,
    evaluate: sysctlsAt(group.minor),
  })),
};

/** Baseline: only namespaced sysctls isolated from other pods may be set. */
export const sysctls = pssRule(
  {
    id: 'sysctls',
    family: 'pss',
    description: 'Pods may set only the safe sysctls (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: false,
    remediation:
      'Remove the sysctl, or set it on dedicated nodes through their configuration instead.',
    messages: {
      sysctl:
        'Sysctls: {{name}} is not in the safe set of this Pod Security version; it can change ' +
        'the kernel for other pods on the node or weaken its protections.',
    },
  },
  sysctlsCheck,
);
