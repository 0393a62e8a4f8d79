import { pssRule, type PssCheck, type Violation } from './pss-check.js';
import { entrySpan } from './pod-security-context.js';

/** Upstream `hostPathVolumes` (Baseline, 1.0+): no `hostPath` volumes. */
export const hostPathVolumesCheck: PssCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const volume of pod.spec.get('volumes')?.items() ?? []) {
          const hostPath = volume.get('hostPath');
          if (!hostPath) continue;
          violations.push({
            messageId: 'hostPath',
            data: { volume: volume.get('name')?.string() ?? '(unnamed)' },
            span: entrySpan(hostPath),
          });
        }
        return violations;
      },
    },
  ],
};

/** Baseline: pods mount no directory of the node through a `hostPath` volume. */
export const hostPathVolumes = pssRule(
  {
    id: 'host-path-volumes',
    family: 'pss',
    description: 'Pods must not use hostPath volumes (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: false,
    remediation:
      'Replace the hostPath volume with a persistentVolumeClaim, configMap, secret or emptyDir.',
    messages: {
      hostPath:
        'HostPath Volumes: volume "{{volume}}" mounts a path of the node, which lets the pod ' +
        "read or change the node's files.",
    },
  },
  hostPathVolumesCheck,
);
