import { readSecurityOptions } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** `security_opt: [systempaths=unconfined]`, the twin of the Pod Security control. */
export const procMountCompose: RuleExtension = {
  id: 'proc-mount',
  messages: {
    composeSystemPaths:
      'Service "{{service}}" sets systempaths=unconfined, which unmasks kernel files in /proc ' +
      "and /sys that reveal or change the host's state.",
  },

  checkCompose({ service, report }) {
    for (const option of readSecurityOptions(service)) {
      if (option.name !== 'systempaths' || option.value.toLowerCase() !== 'unconfined') continue;
      report({
        messageId: 'composeSystemPaths',
        data: { service: service.name },
        span: option.span,
      });
    }
  },
};
