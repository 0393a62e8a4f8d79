import type { Span } from '../report/types.js';
import type { Role } from './options.js';

/** What separates a workload's code from the host kernel. */
export type Kernel = 'shared' | 'sandboxed' | 'vm';

/** Whether other workloads can be scheduled next to this one. */
export type Nodes = 'shared' | 'dedicated';

/**
 * The highest Pod Security level a workload's pods meet; `privileged` means neither baseline
 * nor restricted. Null for workloads with no pod template to judge (virtual machines).
 */
export type PodSecurity = 'privileged' | 'baseline' | 'restricted' | null;

/** A place in a file and what it says about a workload. */
export interface Clue {
  path: string;
  span: Span;
  reason: string;
}

/** Why a workload has a role: the line that gave it away. */
export interface RoleEvidence extends Clue {
  role: Role;
}

/** The three layers of a workload. */
export interface Layers {
  kernel: Kernel;
  nodes: Nodes;
  podSecurity: PodSecurity;
}

const KERNEL_ORDER: readonly Kernel[] = ['shared', 'sandboxed', 'vm'];
const POD_SECURITY_ORDER: readonly PodSecurity[] = [null, 'privileged', 'baseline', 'restricted'];

/** Orders kernels from the least to the most isolated. */
export function compareKernel(a: Kernel, b: Kernel): number {
  return KERNEL_ORDER.indexOf(a) - KERNEL_ORDER.indexOf(b);
}

/** Orders node placements: shared below dedicated. */
export function compareNodes(a: Nodes, b: Nodes): number {
  return (a === 'dedicated' ? 1 : 0) - (b === 'dedicated' ? 1 : 0);
}

/** Orders Pod Security levels from privileged to restricted; null (not judged) first. */
export function comparePodSecurity(a: PodSecurity, b: PodSecurity): number {
  return POD_SECURITY_ORDER.indexOf(a) - POD_SECURITY_ORDER.indexOf(b);
}
