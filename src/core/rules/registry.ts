import { generalRules } from './general/index.js';
import { layeringRules } from './layering/index.js';
import { pssRules } from './pss/index.js';
import type { Rule } from './rule.js';

/** Every rule Layerwise has, in alphabetical order of id. Each family keeps its own list. */
export const RULES: readonly Rule[] = [...generalRules, ...pssRules, ...layeringRules].sort(
  (a, b) => a.meta.id.localeCompare(b.meta.id),
);

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
