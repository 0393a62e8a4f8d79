import type { Rule } from '../rule.js';
import { fileTooLarge } from './file-too-large.js';
import { internalError } from './internal-error.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Rules about the files themselves and the engine. */
export const generalRules: Rule[] = [fileTooLarge, internalError, yamlSyntax];
