import type { Rule } from '../rule.js';

/** Reported by the engine from the parser's errors; it has no check of its own. */
export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    family: 'general',
    description: 'The file is not valid YAML where this finding points.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation: 'Correct the YAML at the marked place; the rest of the file is still analysed.',
    messages: {
      error: 'YAML syntax error: {{message}}',
      warning: 'YAML warning: {{message}}',
    },
  },
};
