import { appendItem, removeItem, setIn } from '../../edit/yaml-edits.js';
import { BASELINE_CAPABILITIES } from './capabilities-baseline.js';
import {
  containerAnchor,
  containerSecurityContext,
  entrySpan,
  isWindowsPod,
} from './pod-security-context.js';
import { fixWith, pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

/** Restricted lets a container add only this one capability. */
const ALLOWED_ADDITION = 'NET_BIND_SERVICE';

const capabilities1_22: EvaluatePod = (pod) => {
  const violations: Violation[] = [];
  for (const container of pod.containers) {
    const capabilities = containerSecurityContext(container)?.get('capabilities');
    const drop = capabilities?.get('drop');
    const dropsAll = drop?.items().some((item) => item.string() === 'ALL') ?? false;
    if (!dropsAll) {
      const edit = drop?.isSeq
        ? appendItem(drop, 'ALL')
        : setIn(container.field, ['securityContext', 'capabilities', 'drop'], ['ALL']);
      const present = drop ?? capabilities;
      violations.push({
        messageId: 'dropAll',
        data: { container: container.name },
        span: present ? entrySpan(present) : containerAnchor(container),
        fixes: fixWith('Drop ALL capabilities', edit),
      });
    }

    const add = capabilities?.get('add');
    add?.items().forEach((item, index) => {
      const name = item.string();
      if (name === undefined || name === ALLOWED_ADDITION) return;
      violations.push({
        messageId: 'added',
        data: { container: container.name, capability: name },
        span: item.span,
        fixes: fixWith(`Remove ${name}`, removeItem(add, index)),
        reportedByBaseline: !BASELINE_CAPABILITIES.has(name),
      });
    });
  }
  return violations;
};

/**
 * Upstream `capabilities_restricted` (Restricted, 1.22+, replacing `capabilities_baseline`):
 * every container drops `ALL` and adds at most `NET_BIND_SERVICE`. From 1.25 pods with
 * `spec.os.name: windows` are exempt, since Windows has no Linux capabilities.
 */
export const capabilitiesRestrictedCheck: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    { minor: 22, evaluate: capabilities1_22, overrides: ['capabilities_baseline'] },
    {
      minor: 25,
      evaluate: (pod) => (isWindowsPod(pod) ? [] : capabilities1_22(pod)),
      overrides: ['capabilities_baseline'],
    },
  ],
};

/** Restricted: every container drops ALL capabilities and adds at most NET_BIND_SERVICE. */
export const capabilitiesRestricted = pssRule(
  {
    id: 'capabilities-restricted',
    family: 'pss',
    description:
      'Containers must drop ALL capabilities and add only NET_BIND_SERVICE (Restricted).',
    severity: 'warning',
    pss: 'restricted',
    fixable: true,
    remediation:
      'Set `capabilities: {drop: [ALL]}` and add back only NET_BIND_SERVICE if the port needs it.',
    messages: {
      dropAll:
        'Capabilities (Restricted): container "{{container}}" must set ' +
        'securityContext.capabilities.drop: [ALL], so it keeps no capability it does not need.',
      added:
        'Capabilities (Restricted): container "{{container}}" adds {{capability}}; only ' +
        'NET_BIND_SERVICE may be added.',
    },
  },
  capabilitiesRestrictedCheck,
);
