import { readSecurityOptions } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** `security_opt: [seccomp:unconfined]`, the twin of the Pod Security control. */
export const seccompBaselineCompose: RuleExtension = {
  id: 'seccomp-baseline',
  messages: {
    composeSeccomp:
      'Service "{{service}}" runs without a seccomp profile, so every system call of the ' +
      'host kernel is open to it.',
  },

  checkCompose({ service, report }) {
    for (const option of readSecurityOptions(service)) {
      if (option.name !== 'seccomp' || option.value.toLowerCase() !== 'unconfined') continue;
      report({ messageId: 'composeSeccomp', data: { service: service.name }, span: option.span });
    }
  },
};
