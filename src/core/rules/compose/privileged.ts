import { composeBoolean, serviceKey } from '../../model/compose-service.js';
import type { RuleExtension } from '../rule.js';

/** `privileged: true` on a compose service, the twin of the Pod Security control. */
export const privilegedCompose: RuleExtension = {
  id: 'privileged',
  messages: {
    composePrivileged:
      'Service "{{service}}" is privileged: it has every capability and all host devices, ' +
      'so the host is its isolation boundary.',
  },

  checkCompose({ service, report }) {
    const field = serviceKey(service, 'privileged');
    if (field === undefined || composeBoolean(field) !== true) return;
    report({
      messageId: 'composePrivileged',
      data: { service: service.name },
      span: field.entrySpan,
      fixes: [
        {
          title: 'Set privileged to false',
          preferred: true,
          edits: [{ span: field.span, newText: 'false' }],
        },
      ],
    });
  },
};
