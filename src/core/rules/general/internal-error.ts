import type { Rule } from '../rule.js';

/** Reported by the engine when a rule throws; the run goes on with the other rules. */
export const internalError: Rule = {
  meta: {
    id: 'internal-error',
    family: 'general',
    description: 'A Layerwise rule failed on this object; its result is missing, the others stand.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation: 'Report the object and the message as a Layerwise bug; the other rules still ran.',
    messages: {
      crashed: 'Rule {{rule}} failed on this object: {{message}}',
    },
  },
};
