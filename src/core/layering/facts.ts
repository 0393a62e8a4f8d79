import type { Workload } from '../model/workload.js';
import type { Span } from '../report/types.js';
import { copyMoved } from '../read/copy-moved.js';
import type { RuleOptions } from '../rules/rule.js';
import { readHostAccess, type HostAccess } from './host-access.js';
import { readPlacement, schedulingSpecs, type Placement } from './placement.js';
import { judgePodSecurity, type PodSecurityJudgement } from './pod-security.js';
import { resolveLayeringOptions, type ResolvedLayeringOptions } from './resolve-options.js';
import { inferRoles, type RoleFindings } from './roles/infer-roles.js';

/** What one workload's own text says about its layers; the set stage adds the rest. */
export interface WorkloadFacts {
  roles: RoleFindings;
  placements: Placement[];
  podSecurity: PodSecurityJudgement;
  /** Host access per pod template, in the order of `workload.pods`. */
  hostAccess: HostAccess[];
  /** A compose service's `runtime`, which Docker runs its containers with. */
  composeRuntime: { name: string; span: Span } | undefined;
}

const cache = new WeakMap<Workload, { key: string; facts: WorkloadFacts }>();
/**
 * The same facts by the workload's YAML node. A document that only moved in its file keeps its
 * parsed nodes but gets new workload objects, so its facts are found here and moved along.
 */
const byNode = new WeakMap<object, { key: string; base: number; facts: WorkloadFacts }>();
const resolved = new Map<string, ResolvedLayeringOptions>();
/** The same by the options object of a run, so most calls skip serialising the options. */
const resolvedByOptions = new WeakMap<RuleOptions, ResolvedLayeringOptions>();

/** The layering options of a run with defaults filled in, resolved once per distinct options. */
export function layeringOptionsOf(options: RuleOptions): ResolvedLayeringOptions {
  const known = resolvedByOptions.get(options);
  if (known) return known;
  const key = JSON.stringify(options.layering ?? {});
  let found = resolved.get(key);
  if (!found) {
    found = resolveLayeringOptions(options.layering);
    if (resolved.size > 16) resolved.clear();
    resolved.set(key, found);
  }
  resolvedByOptions.set(options, found);
  return found;
}

/**
 * The facts of one workload. They depend only on the workload's own document and the options,
 * so they are kept with the workload object, which the document cache keeps while the
 * document's text stays the same, and with its YAML node for when the document moves.
 */
export function workloadFacts(workload: Workload, options: RuleOptions): WorkloadFacts {
  const key = factsKey(workload, options);
  const cached = cache.get(workload);
  if (cached?.key === key) return cached.facts;

  const root = workload.object.root;
  const kept = root.node ? byNode.get(root.node) : undefined;
  const moved = kept?.key === key ? copyMoved(kept.facts, root.base - kept.base) : undefined;
  const facts = moved ?? readFacts(workload, options);
  cache.set(workload, { key, facts });
  if (root.node) byNode.set(root.node, { key, base: root.base, facts });
  return facts;
}

/**
 * Keeps facts computed elsewhere (in another thread, from the same text) for a workload, so
 * `workloadFacts` returns them instead of reading the workload's fields.
 */
export function rememberWorkloadFacts(
  workload: Workload,
  options: RuleOptions,
  facts: WorkloadFacts,
): void {
  cache.set(workload, { key: factsKey(workload, options), facts });
}

const optionsKeys = new WeakMap<RuleOptions, string>();

/** Every layering rule asks for a workload's facts, so a run's options are serialised once. */
function factsKey(workload: Workload, options: RuleOptions): string {
  let optionsKey = optionsKeys.get(options);
  if (optionsKey === undefined) {
    optionsKey = JSON.stringify([options.layering ?? {}, options.pssVersion]);
    optionsKeys.set(options, optionsKey);
  }
  // JSON holds no raw line break, so the key stays unambiguous.
  return `${optionsKey}\n${workload.path}`;
}

function readFacts(workload: Workload, options: RuleOptions): WorkloadFacts {
  const layering = layeringOptionsOf(options);
  return {
    roles: inferRoles(workload, layering.roles),
    placements: schedulingSpecs(workload).map((spec) => readPlacement(spec, workload.path)),
    podSecurity: judgePodSecurity(workload, options.pssVersion),
    hostAccess: workload.pods.map(readHostAccess),
    composeRuntime: readComposeRuntime(workload),
  };
}

function readComposeRuntime(workload: Workload): WorkloadFacts['composeRuntime'] {
  const field = workload.compose?.get('runtime');
  const name = field?.string();
  return field && name ? { name, span: field.span } : undefined;
}

/** A workload with what its own text says about it: enough for checks of one workload. */
export interface DescribedWorkload {
  workload: Workload;
  facts: WorkloadFacts;
  roles: WorkloadFacts['roles']['roles'];
  evidence: WorkloadFacts['roles']['evidence'];
}

/** The facts of one workload in the shape the set stage's entries have too. */
export function describeWorkload(workload: Workload, options: RuleOptions): DescribedWorkload {
  const facts = workloadFacts(workload, options);
  return { workload, facts, roles: facts.roles.roles, evidence: facts.roles.evidence };
}
