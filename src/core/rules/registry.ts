import { composeExtensions, composeRules } from './compose/index.js';
import { dockerfileExtensions, dockerfileRules } from './dockerfile/index.js';
import { generalRules } from './general/index.js';
import { layeringRules } from './layering/index.js';
import { pssRules } from './pss/index.js';
import type { Rule, RuleExtension } from './rule.js';

/** Every rule Layerwise has, in alphabetical order of id. Each family keeps its own list. */
export const RULES: readonly Rule[] = withExtensions(
  [...generalRules, ...pssRules, ...layeringRules, ...composeRules, ...dockerfileRules],
  [...composeExtensions, ...dockerfileExtensions],
).sort((a, b) => a.meta.id.localeCompare(b.meta.id));

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Merges the checks of other formats onto the rules with their ids. An extension whose rule is
 * not registered is left out, so a family can land its twin before the rule itself.
 */
function withExtensions(rules: Rule[], extensions: readonly RuleExtension[]): Rule[] {
  return rules.map((rule) => {
    const own = extensions.filter((extension) => extension.id === rule.meta.id);
    if (own.length === 0) return rule;
    const merged: Rule = { ...rule, meta: { ...rule.meta, messages: { ...rule.meta.messages } } };
    for (const extension of own) {
      Object.assign(merged.meta.messages, extension.messages);
      if (extension.checkCompose) merged.checkCompose = extension.checkCompose;
      if (extension.checkDockerfile) merged.checkDockerfile = extension.checkDockerfile;
    }
    return merged;
  });
}
