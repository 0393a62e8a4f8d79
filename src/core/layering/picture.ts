import type { KubeObject } from '../model/kubernetes-object.js';
import type { Workload } from '../model/workload.js';
import type { RuleOptions } from '../rules/rule.js';
import { resolvePlacements, type ResolvedPlacement } from './decide-layers.js';
import { layeringOptionsOf, workloadFacts, type WorkloadFacts } from './facts.js';
import type { Role } from './options.js';
import { runsOnNodes, taintOf, tolerates, type Taint } from './placement.js';
import { recommend, type Recommendation } from './recommend.js';
import { readRuntimeClasses, type RuntimeClassInfo } from './runtime-classes.js';
import type { ResolvedLayeringOptions } from './resolve-options.js';
import { compareKernel, type Clue, type Kernel, type Layers, type RoleEvidence } from './types.js';

/** The node group of nodes no pool label selects: where unpinned pods land. */
export const SHARED_NODES = 'shared';

/** One workload in the layering picture of a set. */
export interface WorkloadLayering {
  workload: Workload;
  facts: WorkloadFacts;
  roles: Role[];
  evidence: RoleEvidence[];
  isolation: Layers;
  /** The places that decide each layer. */
  clues: { kernel: Clue[]; nodes: Clue[]; podSecurity: Clue[] };
  recommended: Recommendation;
  placements: ResolvedPlacement[];
  /**
   * Node groups the workload's pods can be scheduled to: `shared`, or a pool as `key=value`.
   * Empty for workloads that do not run on Kubernetes nodes (compose services).
   */
  nodeGroups: string[];
}

/** The layering of every workload of an analysed set, and who can share nodes with whom. */
export interface LayeringPicture {
  workloads: WorkloadLayering[];
  of(workload: Workload): WorkloadLayering | undefined;
  /** The workloads that can be scheduled to a node group. */
  members(group: string): readonly WorkloadLayering[];
  groups(): string[];
  runtimeClasses: ReadonlyMap<string, RuntimeClassInfo>;
}

const pictures = new WeakMap<readonly Workload[], { key: string; picture: LayeringPicture }>();

/**
 * The layering picture of a set. Set checks and the report ask for it with the same arrays, so
 * it is built once per analysis.
 */
export function layeringPicture(
  workloads: readonly Workload[],
  objects: readonly KubeObject[],
  options: RuleOptions,
): LayeringPicture {
  const key = JSON.stringify([options.layering ?? {}, options.pssVersion, objects.length]);
  const cached = pictures.get(workloads);
  if (cached?.key === key) return cached.picture;
  const picture = buildPicture(workloads, objects, options);
  pictures.set(workloads, { key, picture });
  return picture;
}

function buildPicture(
  workloads: readonly Workload[],
  objects: readonly KubeObject[],
  options: RuleOptions,
): LayeringPicture {
  const layering = layeringOptionsOf(options);
  const runtimeClasses = readRuntimeClasses(objects);
  const entries = workloads.map((workload) => {
    const facts = workloadFacts(workload, options);
    const placements = resolvePlacements(workload, facts, runtimeClasses, layering);
    return describe(workload, facts, placements, layering);
  });

  const taints = impliedTaints(entries);
  const members = new Map<string, WorkloadLayering[]>();
  for (const entry of entries) {
    entry.nodeGroups = reachableGroups(entry, taints);
    for (const group of entry.nodeGroups) {
      const list = members.get(group);
      if (list) list.push(entry);
      else members.set(group, [entry]);
    }
  }

  const byWorkload = new Map(entries.map((entry) => [entry.workload, entry]));
  return {
    workloads: entries,
    of: (workload) => byWorkload.get(workload),
    members: (group) => members.get(group) ?? [],
    groups: () => [...members.keys()].sort(),
    runtimeClasses,
  };
}

function describe(
  workload: Workload,
  facts: WorkloadFacts,
  placements: ResolvedPlacement[],
  options: ResolvedLayeringOptions,
): WorkloadLayering {
  const byKernel = [...placements].sort((a, b) => compareKernel(a.kernel, b.kernel));
  const weakestKernel = byKernel[0];
  const sharedNodes = placements.find((placement) => placement.nodes === 'shared');
  const nodesFrom = sharedNodes ?? placements[0];
  const composeKernel = weakestKernel ? undefined : composeRuntime(workload, facts, options);
  const kernelClue: Clue = weakestKernel?.kernelClue ??
    composeKernel?.clue ?? {
      path: workload.path,
      span: workload.span,
      reason: 'its containers run on the host’s kernel',
    };
  const nodesClues: Clue[] = nodesFrom?.nodesClues ?? [
    { path: workload.path, span: workload.span, reason: 'it runs on one shared host' },
  ];
  return {
    workload,
    facts,
    roles: facts.roles.roles,
    evidence: facts.roles.evidence,
    isolation: {
      kernel: weakestKernel?.kernel ?? composeKernel?.kernel ?? 'shared',
      nodes: placements.length > 0 && !sharedNodes ? 'dedicated' : 'shared',
      podSecurity: facts.podSecurity.level,
    },
    clues: { kernel: [kernelClue], nodes: nodesClues, podSecurity: facts.podSecurity.clues },
    recommended: recommend(facts.roles.roles),
    placements,
    nodeGroups: [],
  };
}

/** The kernel a compose service's `runtime` gives it. */
function composeRuntime(
  workload: Workload,
  facts: WorkloadFacts,
  options: ResolvedLayeringOptions,
): { kernel: Kernel; clue: Clue } | undefined {
  const runtime = facts.composeRuntime;
  if (!runtime) return undefined;
  const sandboxed = options.isSandbox(runtime.name);
  const reason = sandboxed
    ? `runtime ${runtime.name} is a sandbox runtime`
    : `runtime ${runtime.name} is not a known sandbox runtime`;
  const clue = { path: workload.path, span: runtime.span, reason };
  return { kernel: sandboxed ? 'sandboxed' : 'shared', clue };
}

function groupsOf(placement: ResolvedPlacement): string[] {
  return placement.pins.flatMap((pin) => pin.values.map((value) => `${pin.key}=${value}`));
}

/**
 * The taints each pool must have, as far as the set shows: those that every workload pinned to
 * the pool tolerates. A pool none of whose workloads tolerates a taint is open to every pod.
 */
function impliedTaints(entries: readonly WorkloadLayering[]): Map<string, Taint[]> {
  const taints = new Map<string, Taint[]>();
  for (const entry of entries) {
    for (const placement of entry.placements) {
      for (const group of groupsOf(placement)) {
        const known = taints.get(group);
        if (known === undefined) {
          taints.set(group, placement.keeping.flatMap(taintOf));
          continue;
        }
        const kept = known.filter((taint) =>
          placement.tolerations.some((toleration) => tolerates(toleration, taint)),
        );
        taints.set(group, kept);
      }
    }
  }
  return taints;
}

function reachableGroups(entry: WorkloadLayering, taints: Map<string, Taint[]>): string[] {
  if (!runsOnNodes(entry.workload)) return [];
  const groups = new Set<string>();
  for (const placement of entry.placements) {
    const pinned = groupsOf(placement);
    if (pinned.length > 0) {
      for (const group of pinned) groups.add(group);
      continue;
    }
    groups.add(SHARED_NODES);
    for (const [group, poolTaints] of taints) {
      const allowed = poolTaints.every((taint) =>
        placement.tolerations.some((toleration) => tolerates(toleration, taint)),
      );
      if (allowed) groups.add(group);
    }
  }
  return [...groups].sort();
}
