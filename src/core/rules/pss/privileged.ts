import { replaceValue } from '../../edit/yaml-edits.js';
import { containerSecurityContext, entrySpan } from './pod-security-context.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';

/** Upstream `privileged` (Baseline, 1.0+): no container may set `privileged: true`. */
export const privilegedCheck: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const container of pod.containers) {
          const field = containerSecurityContext(container)?.get('privileged');
          if (field?.boolean() !== true) continue;
          violations.push({
            messageId: 'privileged',
            data: { container: container.name },
            span: entrySpan(field),
            fixes: fixWith('Set privileged to false', replaceValue(field, false)),
          });
        }
        return violations;
      },
    },
  ],
};

/** Baseline: `securityContext.privileged` must be unset or false in every container. */
export const privileged = pssRule(
  {
    id: 'privileged',
    family: 'pss',
    description: 'Containers must not run privileged (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation:
      'Remove `privileged: true`; grant the one capability or device the container needs instead.',
    messages: {
      privileged:
        'Privileged Containers: container "{{container}}" is privileged: it has every ' +
        'capability and all host devices, so the node is its isolation boundary.',
    },
  },
  privilegedCheck,
);
