import { readSecurityOptions } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** `security_opt: [apparmor:unconfined]`, the twin of the Pod Security control. */
export const apparmorCompose: RuleExtension = {
  id: 'apparmor',
  messages: {
    composeApparmor:
      'Service "{{service}}" runs without an AppArmor profile, so nothing limits which files ' +
      'and mounts it can reach beyond its other settings.',
  },

  checkCompose({ service, report }) {
    for (const option of readSecurityOptions(service)) {
      if (option.name !== 'apparmor' || option.value.toLowerCase() !== 'unconfined') continue;
      report({ messageId: 'composeApparmor', data: { service: service.name }, span: option.span });
    }
  },
};
