import type { Rule } from '../rule.js';

/** Baseline: `securityContext.privileged` must be unset or false in every container. */
export const privileged: Rule = {
  meta: {
    id: 'privileged',
    family: 'pss',
    description: 'Containers must not run privileged (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation:
      'Remove `privileged: true`; grant the one capability or device the container needs instead.',
    messages: {
      privileged:
        'Container "{{container}}" is privileged: it has every capability and all host devices, ' +
        'so the node is its isolation boundary.',
      fix: 'Set privileged to false',
    },
  },

  checkPod({ pod, report }) {
    for (const container of pod.containers) {
      const field = container.field.at('securityContext', 'privileged');
      if (field?.boolean() !== true) continue;
      report({
        messageId: 'privileged',
        data: { container: container.name },
        span: field.entrySpan,
        fixes: [
          {
            title: 'Set privileged to false',
            preferred: true,
            edits: [{ span: field.span, newText: 'false' }],
          },
        ],
      });
    }
  },
};
