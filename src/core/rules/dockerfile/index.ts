import type { Rule, RuleExtension } from '../rule.js';
import { dockerfileFullOs } from './dockerfile-full-os.js';
import { runAsRootDockerfile } from './run-as-root.js';

/** Rules only Dockerfiles have. */
export const dockerfileRules: Rule[] = [dockerfileFullOs];

/** Dockerfile checks of rules that other families own, merged onto them by id. */
export const dockerfileExtensions: RuleExtension[] = [runAsRootDockerfile];
