import { serviceKey } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';
import { isUnconfined } from './seccomp-baseline.js';

/** `security_opt: [apparmor:unconfined]`, the twin of the Pod Security control. */
export const apparmorCompose: RuleExtension = {
  id: 'apparmor',
  messages: {
    composeApparmor:
      'Service "{{service}}" runs without an AppArmor profile, so nothing limits which files ' +
      'and mounts it can reach beyond its other settings.',
  },

  checkCompose({ service, report }) {
    for (const item of serviceKey(service, 'security_opt')?.items() ?? []) {
      if (!isUnconfined(item.string(), 'apparmor')) continue;
      report({ messageId: 'composeApparmor', data: { service: service.name }, span: item.span });
    }
  },
};
