import { pssRule, type PssCheck, type Violation } from './pss-check.js';
import { entrySpan } from './pod-security-context.js';

/**
 * The volume sources Restricted allows. Upstream added `image` (1.33) to the 1.0 version in
 * place, so it is allowed at every policy version.
 */
const ALLOWED_SOURCES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/**
 * Upstream `restrictedVolumes` (Restricted, 1.0+, replacing `hostPathVolumes`): every volume
 * uses one of the allowed sources. A volume with no source at all is defaulted to `emptyDir`
 * by the API server before admission, so it passes.
 */
export const volumeTypesCheck: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [
    {
      minor: 0,
      overrides: ['hostPathVolumes'],
      evaluate(pod) {
        const violations: Violation[] = [];
        for (const volume of pod.spec.get('volumes')?.items() ?? []) {
          const sources = volume.entries().filter(([key]) => key !== 'name');
          if (sources.length === 0) continue;
          if (sources.some(([key]) => ALLOWED_SOURCES.has(key))) continue;
          const [type, field] = sources[0]!;
          violations.push({
            messageId: 'volumeType',
            data: { volume: volume.get('name')?.string() ?? '(unnamed)', type },
            span: entrySpan(field),
            reportedByBaseline: type === 'hostPath',
          });
        }
        return violations;
      },
    },
  ],
};

/** Restricted: volumes are limited to configMap, secret, PVC, emptyDir and similar. */
export const volumeTypes = pssRule(
  {
    id: 'volume-types',
    family: 'pss',
    description: 'Pods may use only the restricted volume types (Pod Security Restricted).',
    severity: 'warning',
    pss: 'restricted',
    fixable: false,
    remediation:
      'Expose the storage through a PersistentVolume and mount it with a persistentVolumeClaim.',
    messages: {
      volumeType:
        'Volume Types: volume "{{volume}}" uses {{type}}; Restricted allows only configMap, ' +
        'csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and ' +
        'secret.',
    },
  },
  volumeTypesCheck,
);
