import type { Rule } from '../rule.js';
import { privileged } from './privileged.js';

/** The Pod Security Standards controls, one rule each. */
export const pssRules: Rule[] = [privileged];
