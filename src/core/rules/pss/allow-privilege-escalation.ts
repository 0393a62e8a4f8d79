import { replaceValue, setIn } from '../../edit/yaml-edits.js';
import {
  containerAnchor,
  containerSecurityContext,
  entrySpan,
  isWindowsPod,
} from './pod-security-context.js';
import { fixWith, pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

const allowPrivilegeEscalation1_8: EvaluatePod = (pod) => {
  const violations: Violation[] = [];
  for (const container of pod.containers) {
    const field = containerSecurityContext(container)?.get('allowPrivilegeEscalation');
    const value = field?.boolean();
    if (value === false) continue;
    const edit =
      field && value !== undefined
        ? replaceValue(field, false)
        : setIn(container.field, ['securityContext', 'allowPrivilegeEscalation'], false);
    violations.push({
      messageId: value === true ? 'allowed' : 'unset',
      data: { container: container.name },
      span: field && value !== undefined ? entrySpan(field) : containerAnchor(container),
      fixes: fixWith('Set allowPrivilegeEscalation to false', edit),
    });
  }
  return violations;
};

/**
 * Upstream `allowPrivilegeEscalation` (Restricted, 1.8+): every container sets
 * `allowPrivilegeEscalation: false` itself (there is no pod-level field). From 1.25 pods with
 * `spec.os.name: windows` are exempt.
 */
export const allowPrivilegeEscalationCheck: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    { minor: 8, evaluate: allowPrivilegeEscalation1_8 },
    {
      minor: 25,
      evaluate: (pod) => (isWindowsPod(pod) ? [] : allowPrivilegeEscalation1_8(pod)),
    },
  ],
};

/** Restricted: no process in a container may gain more privileges than its parent. */
export const allowPrivilegeEscalation = pssRule(
  {
    id: 'allow-privilege-escalation',
    family: 'pss',
    description: 'Containers must set allowPrivilegeEscalation: false (Pod Security Restricted).',
    severity: 'warning',
    pss: 'restricted',
    fixable: true,
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` in every container.',
    messages: {
      allowed:
        'Privilege Escalation: container "{{container}}" sets allowPrivilegeEscalation=true, ' +
        'so setuid binaries can gain privileges in it.',
      unset:
        'Privilege Escalation: container "{{container}}" must set ' +
        'securityContext.allowPrivilegeEscalation=false; unset means allowed.',
    },
  },
  allowPrivilegeEscalationCheck,
);
