import { readSecurityOptions } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** The SELinux types that keep a container confined, as Pod Security Baseline lists them. */
const CONTAINER_TYPES = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

/** `security_opt: [label=...]` that lifts SELinux confinement, the twin of the PSS control. */
export const selinuxCompose: RuleExtension = {
  id: 'selinux',
  messages: {
    composeDisable:
      'Service "{{service}}" sets label=disable, so SELinux no longer keeps it away from the ' +
      "host's files.",
    composeType:
      'Service "{{service}}" sets the SELinux type "{{value}}"; only the container types keep ' +
      'the process confined.',
    composeUser: 'Service "{{service}}" sets an SELinux {{part}}, which must stay unset.',
  },

  checkCompose({ service, report }) {
    for (const option of readSecurityOptions(service)) {
      if (option.name !== 'label') continue;
      const data = { service: service.name };
      const [part = '', ...rest] = option.value.split(':');
      const value = rest.join(':');
      if (part.toLowerCase() === 'disable') {
        report({ messageId: 'composeDisable', data, span: option.span });
      } else if (part === 'type' && !CONTAINER_TYPES.has(value)) {
        report({ messageId: 'composeType', data: { ...data, value }, span: option.span });
      } else if (part === 'user' || part === 'role') {
        report({ messageId: 'composeUser', data: { ...data, part }, span: option.span });
      }
    }
  },
};
