import { pssRule, type PssCheck, type Violation } from './pss-check.js';
import { entrySpan } from './pod-security-context.js';

/** Upstream `hostPorts` (Baseline, 1.0+): no container port sets a non-zero `hostPort`. */
export const hostPortsCheck: PssCheck = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const container of pod.containers) {
          for (const port of container.field.get('ports')?.items() ?? []) {
            const hostPort = port.get('hostPort');
            const value = hostPort?.number();
            if (!hostPort || value === undefined || value === 0) continue;
            violations.push({
              messageId: 'hostPort',
              data: { container: container.name, port: value },
              span: entrySpan(hostPort),
            });
          }
        }
        return violations;
      },
    },
  ],
};

/** Baseline: containers bind no port of the node. */
export const hostPorts = pssRule(
  {
    id: 'host-ports',
    family: 'pss',
    description: 'Containers must not bind host ports (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: false,
    remediation: 'Remove `hostPort` and reach the container through a Service or an Ingress.',
    messages: {
      hostPort:
        'Host Ports: container "{{container}}" binds port {{port}} of the node, which ties ' +
        'the pod to its node and bypasses network policy.',
    },
  },
  hostPortsCheck,
);
