import type { Rule } from '../rule.js';

/** Reported while reading `.layerwise.yaml`; a bad setting is ignored, the others apply. */
export const configInvalid: Rule = {
  meta: {
    id: 'config-invalid',
    family: 'general',
    description: 'Every setting in `.layerwise.yaml` must be known and have a valid value.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation:
      'Correct or remove the marked setting; the README lists the keys and their values.',
    messages: {
      notMap: 'The configuration must be a mapping of settings.',
      unknownKey: 'Unknown setting "{{key}}"; expected one of: {{expected}}.',
      notOneOf: '"{{key}}" must be one of: {{expected}}.',
      pssVersion: '"pssVersion" must be "latest" or a version like "v1.33".',
      unknownRule: 'There is no rule "{{rule}}".',
      wrongType: '"{{key}}" must be {{expected}}.',
      required: '"{{key}}" is required here.',
      badGlob: 'Invalid glob "{{glob}}": {{problem}}.',
    },
  },
};
