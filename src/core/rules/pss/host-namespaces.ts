import { replaceValue } from '../../edit/yaml-edits.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';
import { entrySpan } from './pod-security-context.js';

const HOST_NAMESPACE_KEYS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** Upstream `hostNamespaces` (Baseline, 1.0+): `hostNetwork`, `hostPID`, `hostIPC` not true. */
export const hostNamespacesCheck: PssCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const key of HOST_NAMESPACE_KEYS) {
          const field = pod.spec.get(key);
          if (field?.boolean() !== true) continue;
          violations.push({
            messageId: 'hostNamespace',
            data: { key },
            span: entrySpan(field),
            fixes: fixWith(`Set ${key} to false`, replaceValue(field, false)),
          });
        }
        return violations;
      },
    },
  ],
};

/** Baseline: the pod must not share the node's network, process or IPC namespace. */
export const hostNamespaces = pssRule(
  {
    id: 'host-namespaces',
    family: 'pss',
    description: 'Pods must not share the host network, PID or IPC namespace (Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC`; expose ports through a Service instead.',
    messages: {
      hostNamespace:
        'Host Namespaces: {{key}}=true shares a namespace of the node with the pod, so it ' +
        'sees and can reach what the node runs.',
    },
  },
  hostNamespacesCheck,
);
