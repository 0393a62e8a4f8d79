import type { Range, Span } from '../report/types.js';
import type { Role } from './options.js';
import { runsOnNodes } from './placement.js';
import type { LayeringPicture, WorkloadLayering } from './picture.js';
import {
  compareKernel,
  compareNodes,
  comparePodSecurity,
  type Clue,
  type Layers,
} from './types.js';

/** A place in a file, as the report carries it. */
export interface ClueSummary {
  path: string;
  range: Range;
  reason: string;
}

/** One layer where a workload sits below what its roles need, or clearly above it. */
export interface LayerMismatch {
  layer: keyof Layers;
  direction: 'below' | 'above';
  actual: string | null;
  recommended: string | null;
  /** The role that asks for the recommendation, when one does. */
  because: Role | null;
}

/** The layering fields of a workload in the report; see docs/layering.md. */
export interface LayeringSummary {
  roles: Role[];
  evidence: (ClueSummary & { role: Role })[];
  /** Whether the roles come from the annotation or the options rather than inference. */
  rolesDeclared: boolean;
  isolation: Layers;
  recommended: Layers;
  /** The places that decide each layer. */
  layerEvidence: { kernel: ClueSummary[]; nodes: ClueSummary[]; podSecurity: ClueSummary[] };
  mismatches: LayerMismatch[];
  /** Node groups its pods can be scheduled to: `shared`, or a pool as `label=value`. */
  nodeGroups: string[];
  /** Up to ten ids of other workloads that can land on the same nodes. */
  colocatedWith: string[];
}

const COLOCATED_LIMIT = 10;

type ToRange = (path: string, span: Span) => Range;

/** The report's layering fields for one workload. */
export function summarizeLayering(
  entry: WorkloadLayering,
  picture: LayeringPicture,
  toRange: ToRange,
): LayeringSummary {
  const clue = (item: Clue): ClueSummary => ({
    path: item.path,
    range: toRange(item.path, item.span),
    reason: item.reason,
  });
  const { kernel, nodes, podSecurity } = entry.recommended;
  return {
    roles: entry.roles,
    evidence: entry.evidence.map((item) => ({ role: item.role, ...clue(item) })),
    rolesDeclared: entry.facts.roles.declared,
    isolation: { ...entry.isolation },
    recommended: { kernel, nodes, podSecurity },
    layerEvidence: {
      kernel: entry.clues.kernel.map(clue),
      nodes: entry.clues.nodes.map(clue),
      podSecurity: entry.clues.podSecurity.map(clue),
    },
    mismatches: findMismatches(entry),
    nodeGroups: entry.nodeGroups,
    colocatedWith: colocated(entry, picture),
  };
}

/**
 * Where a workload's layers differ from its recommendation. Below is any layer under the
 * recommendation; above is only a virtual machine whose roles ask for no more than a container,
 * since more isolation elsewhere costs little.
 */
export function findMismatches(entry: WorkloadLayering): LayerMismatch[] {
  const { isolation, recommended } = entry;
  const because = recommended.because;
  const mismatches: LayerMismatch[] = [];
  const kernelOrder = compareKernel(isolation.kernel, recommended.kernel);
  if (kernelOrder < 0 || (isolation.kernel === 'vm' && recommended.kernel === 'shared')) {
    mismatches.push({
      layer: 'kernel',
      direction: kernelOrder < 0 ? 'below' : 'above',
      actual: isolation.kernel,
      recommended: recommended.kernel,
      because: because.kernel ?? null,
    });
  }
  if (compareNodes(isolation.nodes, recommended.nodes) < 0 && runsOnNodes(entry.workload)) {
    mismatches.push({
      layer: 'nodes',
      direction: 'below',
      actual: isolation.nodes,
      recommended: recommended.nodes,
      because: because.nodes ?? null,
    });
  }
  const judged = isolation.podSecurity !== null && recommended.podSecurity !== null;
  if (judged && comparePodSecurity(isolation.podSecurity, recommended.podSecurity) < 0) {
    mismatches.push({
      layer: 'podSecurity',
      direction: 'below',
      actual: isolation.podSecurity,
      recommended: recommended.podSecurity,
      because: because.podSecurity ?? null,
    });
  }
  return mismatches;
}

function colocated(entry: WorkloadLayering, picture: LayeringPicture): string[] {
  const ids = new Set<string>();
  for (const group of entry.nodeGroups) {
    for (const other of picture.members(group)) {
      if (ids.size >= COLOCATED_LIMIT) return [...ids];
      if (other !== entry) ids.add(other.workload.id);
    }
  }
  return [...ids];
}

/** The part of a report `formatLayeringSummary` reads. */
export interface LayeringReport {
  workloads: readonly ({ id: string; path: string } & LayeringSummary)[];
}

/**
 * A few text lines per workload of `path` for the CLI's text format, e.g.
 * `Deployment/payments/api  regulated · shared kernel · shared nodes · baseline → dedicated
 * nodes, restricted`, then the evidence of each role with its line.
 */
export function formatLayeringSummary(report: LayeringReport, path: string): string[] {
  const lines: string[] = [];
  for (const workload of report.workloads) {
    if (workload.path !== path) continue;
    const roles = workload.roles.length > 0 ? workload.roles.join(', ') : 'no role';
    const { kernel, nodes, podSecurity } = workload.isolation;
    const layers = [`${kernel} kernel`, `${nodes} nodes`, podSecurity ?? 'no pod spec'];
    const changes = workload.mismatches.map((mismatch) => describeTarget(mismatch));
    const verdict = changes.length > 0 ? changes.join(', ') : 'fits';
    lines.push(`${workload.id}  ${[roles, ...layers].join(' · ')} → ${verdict}`);
    for (const item of workload.evidence.slice(0, 3)) {
      lines.push(`  ${item.role}: ${item.reason} (line ${item.range.start.line + 1})`);
    }
  }
  return lines;
}

function describeTarget(mismatch: LayerMismatch): string {
  if (mismatch.layer === 'kernel') {
    if (mismatch.recommended === 'vm') return 'a virtual machine';
    if (mismatch.direction === 'above') return 'a container (shared kernel)';
    return `${mismatch.recommended} kernel`;
  }
  if (mismatch.layer === 'nodes') return `${mismatch.recommended} nodes`;
  return String(mismatch.recommended);
}
