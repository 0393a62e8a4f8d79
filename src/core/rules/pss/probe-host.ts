import { removeEntry } from '../../edit/yaml-edits.js';
import type { Container } from '../../model/pod-templates.js';
import type { Field } from '../../read/yaml-field.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';
import { entrySpan } from './pod-security-context.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const LIFECYCLE_HANDLERS = ['postStart', 'preStop'];
const HANDLER_KINDS = ['httpGet', 'tcpSocket'];

function handlerViolations(container: Container, handler: Field | undefined, where: string) {
  const violations: Violation[] = [];
  for (const kind of HANDLER_KINDS) {
    const action = handler?.get(kind);
    const host = action?.get('host');
    const value = host?.value;
    if (!action || !host || value === null || value === undefined || String(value) === '') {
      continue;
    }
    violations.push({
      messageId: 'host',
      data: { container: container.name, where: `${where}.${kind}`, host: String(value) },
      span: entrySpan(host),
      fixes: fixWith('Remove host, so the check targets the pod', removeEntry(action, 'host')),
    });
  }
  return violations;
}

/**
 * Upstream `hostProbesAndHostLifecycle` (Baseline, 1.34+): `host` is unset or empty in the
 * httpGet and tcpSocket handlers of probes and lifecycle hooks, so the kubelet cannot be made
 * to connect to another address on the pod's behalf.
 */
export const probeHostCheck: PssCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [
    {
      minor: 34,
      evaluate(pod) {
        return pod.containers.flatMap((container) => [
          ...PROBES.flatMap((probe) =>
            handlerViolations(container, container.field.get(probe), probe),
          ),
          ...LIFECYCLE_HANDLERS.flatMap((hook) =>
            handlerViolations(
              container,
              container.field.at('lifecycle', hook),
              `lifecycle.${hook}`,
            ),
          ),
        ]);
      },
    },
  ],
};

/** Baseline: probes and lifecycle hooks address the pod itself, not another host. */
export const probeHost = pssRule(
  {
    id: 'probe-host',
    family: 'pss',
    description: 'Probes and lifecycle hooks must not set a host (Pod Security Baseline, 1.34+).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation: 'Remove `host` from the probe or hook; it then targets the pod IP.',
    messages: {
      host:
        'Probe and Lifecycle Host: container "{{container}}" sets {{where}}.host to ' +
        '"{{host}}", which makes the kubelet connect to that address from the node.',
    },
  },
  probeHostCheck,
);
