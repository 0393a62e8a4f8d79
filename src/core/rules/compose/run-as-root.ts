import { serviceKey } from '../../model/compose-service.js';
import type { Rule } from '../rule.js';

/**
 * A container that runs as root: a compose service without `user` or with a root user. The
 * Dockerfile check of the same rule lives in `../dockerfile/run-as-root.ts`.
 */
export const runAsRoot: Rule = {
  meta: {
    id: 'run-as-root',
    family: 'compose',
    description: 'Containers should run as a user other than root.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Set a non-root user: `user: "10001:10001"` in compose, or a `USER` instruction in the ' +
      'final stage of the Dockerfile.',
    messages: {
      composeNoUser:
        'Service "{{service}}" sets no user, so it runs as the image\'s user: root, unless the ' +
        'image says otherwise.',
      composeRoot: 'Service "{{service}}" runs as root (user: {{user}}).',
    },
  },

  checkCompose({ service, report }) {
    const user = serviceKey(service, 'user');
    if (user === undefined || user.node === null || user.value === null) {
      report({ messageId: 'composeNoUser', data: { service: service.name }, span: service.span });
      return;
    }
    const value = user.value;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (!isRootUser(String(value))) return;
    report({
      messageId: 'composeRoot',
      data: { service: service.name, user: String(value) },
      span: user.entrySpan,
    });
  },
};

/** Whether `user[:group]` names root: the user `root` or the id 0. */
export function isRootUser(text: string): boolean {
  const name = text.trim().split(':')[0]?.trim() ?? '';
  return name === 'root' || /^0+$/.test(name);
}
