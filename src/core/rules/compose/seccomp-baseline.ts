import { serviceKey } from '../../model/compose-service.js';
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
    for (const item of serviceKey(service, 'security_opt')?.items() ?? []) {
      if (!isUnconfined(item.string(), 'seccomp')) continue;
      report({ messageId: 'composeSeccomp', data: { service: service.name }, span: item.span });
    }
  },
};

/** Whether a `security_opt` item switches `option` off; Docker accepts `:` and `=`. */
export function isUnconfined(text: string | undefined, option: string): boolean {
  if (text === undefined) return false;
  const match = /^\s*([a-z]+)\s*[:=]\s*(\S+)\s*$/i.exec(text);
  return match?.[1]?.toLowerCase() === option && match[2]?.toLowerCase() === 'unconfined';
}
