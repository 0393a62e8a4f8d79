import type { Rule } from '../rule.js';

/** Reported by the suppression stage for rule ids that no rule has. */
export const suppressionUnknownRule: Rule = {
  meta: {
    id: 'suppression-unknown-rule',
    family: 'general',
    description: 'A suppression must name rules that exist; a misspelt id suppresses nothing.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation: 'Correct the rule id to one in the rules table, or remove the suppression.',
    messages: {
      unknown: 'There is no rule "{{rule}}"; this suppression has no effect for it.',
      missing: 'This suppression names no rule; it has no effect.',
    },
  },
};
