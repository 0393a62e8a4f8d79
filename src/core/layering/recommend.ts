import type { Role } from './options.js';
import {
  compareKernel,
  compareNodes,
  comparePodSecurity,
  type Kernel,
  type Layers,
  type Nodes,
  type PodSecurity,
} from './types.js';

/** The minimum each role needs per layer; see "Where it belongs" in docs/layering.md. */
const NEEDS: Record<Role, { kernel: Kernel; nodes: Nodes; podSecurity: PodSecurity }> = {
  regulated: { kernel: 'shared', nodes: 'dedicated', podSecurity: 'restricted' },
  untrusted: { kernel: 'sandboxed', nodes: 'shared', podSecurity: 'restricted' },
  'gpu-training': { kernel: 'shared', nodes: 'dedicated', podSecurity: 'baseline' },
  'gpu-inference': { kernel: 'shared', nodes: 'dedicated', podSecurity: 'baseline' },
  'full-os': { kernel: 'vm', nodes: 'shared', podSecurity: null },
  'node-agent': { kernel: 'shared', nodes: 'shared', podSecurity: 'privileged' },
  stateful: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
  batch: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
  service: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
};

/** The layers a workload with these roles belongs in, and the role that asks for each. */
export interface Recommendation extends Layers {
  because: { kernel?: Role; nodes?: Role; podSecurity?: Role };
}

/**
 * The least isolation that fits every role: per layer, the strictest need. A workload with no
 * role gets what a stateless service gets. When the recommendation is a virtual machine there
 * is no pod of the user's to hold to a Pod Security level, so it is null.
 */
export function recommend(roles: readonly Role[]): Recommendation {
  const result: Recommendation = {
    kernel: 'shared',
    nodes: 'shared',
    podSecurity: roles.length === 0 ? 'restricted' : 'privileged',
    because: {},
  };
  for (const role of roles) {
    const need = NEEDS[role];
    if (compareKernel(need.kernel, result.kernel) > 0) {
      result.kernel = need.kernel;
      result.because.kernel = role;
    }
    if (compareNodes(need.nodes, result.nodes) > 0) {
      result.nodes = need.nodes;
      result.because.nodes = role;
    }
    if (comparePodSecurity(need.podSecurity, result.podSecurity) > 0) {
      result.podSecurity = need.podSecurity;
      result.because.podSecurity = role;
    }
  }
  if (result.kernel === 'vm') {
    result.podSecurity = null;
    delete result.because.podSecurity;
  }
  return result;
}
