import type { Rule } from '../rule.js';

/** Reported by the suppression stage; a suppression without a reason still suppresses. */
export const suppressionReason: Rule = {
  meta: {
    id: 'suppression-reason',
    family: 'general',
    description: 'A suppression comment or annotation must say why the finding does not apply.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Write the reason after `--` in the comment, or as the annotation value, in a few words.',
    messages: {
      comment: 'This suppression of {{rules}} gives no reason; add one after "--".',
      annotation: 'This suppression of {{rules}} gives no reason; write it as the value.',
    },
  },
};
