import type { Rule } from '../rule.js';
import { configInvalid } from './config-invalid.js';
import { fileTooLarge } from './file-too-large.js';
import { internalError } from './internal-error.js';
import { suppressionReason } from './suppression-reason.js';
import { suppressionUnknownRule } from './suppression-unknown-rule.js';
import { unusedSuppression } from './unused-suppression.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Rules about the files themselves and the engine. */
export const generalRules: Rule[] = [
  configInvalid,
  fileTooLarge,
  internalError,
  suppressionReason,
  suppressionUnknownRule,
  unusedSuppression,
  yamlSyntax,
];
