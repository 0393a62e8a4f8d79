import type { Workload } from '../model/workload.js';
import type { Span } from '../report/types.js';
import type { WorkloadFacts } from './facts.js';
import {
  taintOf,
  type NodeLabelRequirement,
  type Placement,
  type Toleration,
} from './placement.js';
import type { ResolvedLayeringOptions } from './resolve-options.js';
import type { RuntimeClassInfo } from './runtime-classes.js';
import type { Clue, Kernel, Nodes } from './types.js';

/** A placement with its RuntimeClass's scheduling merged in, and what it pins. */
export interface ResolvedPlacement {
  placement: Placement;
  runtimeClass: RuntimeClassInfo | undefined;
  /** Requirements on node-pool labels: these pin the pods to a pool. */
  pins: NodeLabelRequirement[];
  tolerations: Toleration[];
  /** Tolerations of taints that keep other pods off (NoSchedule or NoExecute, with a key). */
  keeping: Toleration[];
  kernel: Kernel;
  kernelClue: Clue;
  nodes: Nodes;
  nodesClues: Clue[];
}

/** Resolves each placement of a workload against the set's RuntimeClasses. */
export function resolvePlacements(
  workload: Workload,
  facts: WorkloadFacts,
  runtimeClasses: ReadonlyMap<string, RuntimeClassInfo>,
  options: ResolvedLayeringOptions,
): ResolvedPlacement[] {
  return facts.placements.map((placement) => {
    const runtimeClass = placement.runtimeClass
      ? runtimeClasses.get(placement.runtimeClass.name)
      : undefined;
    const requirements = [...placement.requirements, ...(runtimeClass?.requirements ?? [])];
    const tolerations = [...placement.tolerations, ...(runtimeClass?.tolerations ?? [])];
    const keeping = tolerations.filter((toleration) => taintOf(toleration).length > 0);
    const keepingKeys = new Set(keeping.map((toleration) => toleration.key));
    const pins = requirements.filter(
      (requirement) =>
        options.poolLabelKeys.has(requirement.key) || keepingKeys.has(requirement.key),
    );
    const { kernel, clue } = decideKernel(workload, placement, runtimeClass, options);
    const nodes: Nodes = pins.length > 0 && keeping.length > 0 ? 'dedicated' : 'shared';
    return {
      placement,
      runtimeClass,
      pins,
      tolerations,
      keeping,
      kernel,
      kernelClue: clue,
      nodes,
      nodesClues: nodesClues(workload, placement, runtimeClass, pins, keeping),
    };
  });
}

function decideKernel(
  workload: Workload,
  placement: Placement,
  runtimeClass: RuntimeClassInfo | undefined,
  options: ResolvedLayeringOptions,
): { kernel: Kernel; clue: Clue } {
  const clue = (span: Span, reason: string): Clue => ({ path: workload.path, span, reason });
  if (workload.shape === 'vm') {
    return {
      kernel: 'vm',
      clue: clue(workload.span, `${workload.kind} runs its own guest kernel`),
    };
  }
  const named = placement.runtimeClass;
  if (!named) {
    const reason = 'no runtimeClassName: its containers run on the node’s kernel';
    return { kernel: 'shared', clue: clue(workload.span, reason) };
  }
  if (runtimeClass) {
    const handler = runtimeClass.handler ?? '(none)';
    const sandboxed = options.isSandbox(handler);
    const reason = sandboxed
      ? `RuntimeClass ${named.name} uses the sandbox handler ${handler}`
      : `RuntimeClass ${named.name} uses handler ${handler}, which shares the node’s kernel`;
    return { kernel: sandboxed ? 'sandboxed' : 'shared', clue: clue(named.span, reason) };
  }
  const sandboxed = options.isSandbox(named.name);
  const reason = sandboxed
    ? `runtimeClassName ${named.name} names a sandbox runtime`
    : `runtimeClassName ${named.name} is not a known sandbox runtime`;
  return { kernel: sandboxed ? 'sandboxed' : 'shared', clue: clue(named.span, reason) };
}

function nodesClues(
  workload: Workload,
  placement: Placement,
  runtimeClass: RuntimeClassInfo | undefined,
  pins: NodeLabelRequirement[],
  keeping: Toleration[],
): Clue[] {
  const clue = (span: Span, reason: string): Clue => ({ path: workload.path, span, reason });
  // Scheduling a RuntimeClass adds is shown at the runtimeClassName that brings it in.
  const brought = (span: Span) => placement.runtimeClass?.span ?? span;
  const own = (requirement: NodeLabelRequirement) => placement.requirements.includes(requirement);
  const via = (fromPod: boolean) => (fromPod ? '' : ` (from RuntimeClass ${runtimeClass?.name})`);
  const clues: Clue[] = [];
  for (const pin of pins) {
    const reason = `requires node label ${pin.key}=${pin.values.join('|')}${via(own(pin))}`;
    clues.push(clue(own(pin) ? pin.span : brought(pin.span), reason));
  }
  for (const toleration of keeping) {
    const fromPod = placement.tolerations.includes(toleration);
    const taint = `${toleration.key}${toleration.value ? `=${toleration.value}` : ''}`;
    const reason = `tolerates the taint ${taint} that keeps other pods off${via(fromPod)}`;
    clues.push(clue(fromPod ? toleration.span : brought(toleration.span), reason));
  }
  if (pins.length === 0) {
    const reason = 'no nodeSelector or required node affinity on a node-pool label';
    clues.push(clue(placement.schedulingKeySpan ?? workload.span, reason));
  } else if (keeping.length === 0) {
    const reason = 'pinned to a pool, but tolerates no taint, so other pods can land there too';
    clues.push(clue(pins[0]?.span ?? workload.span, reason));
  }
  return clues;
}
