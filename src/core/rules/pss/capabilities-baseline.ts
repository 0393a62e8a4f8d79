import { removeItem } from '../../edit/yaml-edits.js';
import { containerSecurityContext } from './pod-security-context.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';

/** The capabilities Baseline lets a container add: the container runtimes' default set. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/**
 * Upstream `capabilities_baseline` (Baseline, 1.0+): `capabilities.add` holds only the default
 * set. Names are compared exactly, as upstream does: `CAP_CHOWN` or `chown` are not `CHOWN`.
 */
export const capabilitiesBaselineCheck: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const container of pod.containers) {
          const add = containerSecurityContext(container)?.at('capabilities', 'add');
          add?.items().forEach((item, index) => {
            const name = item.string();
            if (name === undefined || BASELINE_CAPABILITIES.has(name)) return;
            violations.push({
              messageId: 'added',
              data: { container: container.name, capability: name },
              span: item.span,
              fixes: fixWith(`Remove ${name}`, removeItem(add, index)),
            });
          });
        }
        return violations;
      },
    },
  ],
};

/** Baseline: containers add no capability beyond the runtime's default set. */
export const capabilitiesBaseline = pssRule(
  {
    id: 'capabilities-baseline',
    family: 'pss',
    description: 'Containers must not add capabilities beyond the default set (Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation:
      'Remove the capability from `capabilities.add`, or move the workload to a sandbox or VM.',
    messages: {
      added:
        'Capabilities: container "{{container}}" adds {{capability}}, which is outside the ' +
        "default set and widens what it can do to the node's kernel.",
    },
  },
  capabilitiesBaselineCheck,
);
