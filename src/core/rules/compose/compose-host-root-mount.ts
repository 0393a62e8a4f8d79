import { normalizeHostPath, readBindMounts } from '../../model/compose-service.js';
import type { Rule } from '../rule.js';

/** A compose service that mounts the host's root file system. */
export const composeHostRootMount: Rule = {
  meta: {
    id: 'compose-host-root-mount',
    family: 'compose',
    description: 'Compose services must not mount the root file system of the host.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation:
      'Mount only the host folders the service reads, read-only, instead of the whole host.',
    messages: {
      writable:
        'Service "{{service}}" mounts the host\'s root file system writable at {{target}}: ' +
        'it can change any file of the host, its users and its boot.',
      readOnly:
        'Service "{{service}}" mounts the host\'s root file system at {{target}}: even ' +
        'read-only it sees every secret and key stored on the host.',
    },
  },

  checkCompose({ service, report }) {
    for (const mount of readBindMounts(service)) {
      if (normalizeHostPath(mount.source) !== '/') continue;
      report({
        messageId: mount.readOnly ? 'readOnly' : 'writable',
        data: { service: service.name, target: mount.target },
        span: mount.span,
      });
    }
  },
};
