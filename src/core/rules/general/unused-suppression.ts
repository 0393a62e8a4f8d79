import type { Rule } from '../rule.js';

/**
 * Reported by the suppression stage for suppressions that suppress nothing, as ESLint's
 * `reportUnusedDisableDirectives` does; see `src/core/suppress/unused-suppressions.ts`.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    family: 'general',
    description: 'A suppression comment or annotation must suppress a finding, or be removed.',
    severity: 'warning',
    pss: null,
    fixable: true,
    remediation:
      'Remove the suppression, or the rule ids in it that find nothing where it applies.',
    messages: {
      unused:
        'This suppression of {{rules}} suppresses nothing: no such finding is where it ' +
        'applies. Remove it, so it cannot hide a finding later.',
      unusedRule:
        'This suppression names {{rule}}, which finds nothing where it applies; remove ' +
        '{{rule}} from it.',
    },
  },
};
