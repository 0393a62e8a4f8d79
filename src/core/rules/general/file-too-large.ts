import type { Rule } from '../rule.js';

/** Reported by the engine for a manifest over `maxFileBytes`; it has no check of its own. */
export const fileTooLarge: Rule = {
  meta: {
    id: 'file-too-large',
    family: 'general',
    description: 'The file is larger than the analysis size limit, so it was not analysed.',
    severity: 'info',
    pss: null,
    fixable: false,
    remediation:
      'Split the file, or raise the size limit (`maxFileBytes`) if it really must be reviewed.',
    messages: {
      skipped:
        'Not analysed: the file has {{size}} bytes, over the limit of {{limit}} bytes; ' +
        'nothing in it was checked.',
    },
  },
};
