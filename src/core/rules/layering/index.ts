import type { Rule } from '../rule.js';
import { layeringAgentOnRegulatedPool } from './layering-agent-on-regulated-pool.js';
import { layeringColocatedUntrusted } from './layering-colocated-untrusted.js';
import { layeringFullOsContainer } from './layering-full-os-container.js';
import { layeringGpuHostAccess } from './layering-gpu-host-access.js';
import { layeringGpuSharedNodes } from './layering-gpu-shared-nodes.js';
import { layeringNodeAgentScope } from './layering-node-agent-scope.js';
import { layeringOverIsolatedVm } from './layering-over-isolated-vm.js';
import { layeringPodSecurityBelowRole } from './layering-pod-security-below-role.js';
import { layeringRegulatedSharedNodes } from './layering-regulated-shared-nodes.js';
import { layeringUnknownRuntimeClass } from './layering-unknown-runtime-class.js';
import { layeringUntrustedSharedKernel } from './layering-untrusted-shared-kernel.js';

/**
 * The layering rules: where each workload runs against where it belongs. Rules that judge a
 * kernel or a node placement are set checks, since a RuntimeClass in another file decides both;
 * rules that need only the workload's own text check one workload and are cached with its
 * document. Both read facts computed once per workload and kept with it.
 */
export const layeringRules: Rule[] = [
  layeringAgentOnRegulatedPool,
  layeringColocatedUntrusted,
  layeringFullOsContainer,
  layeringGpuHostAccess,
  layeringGpuSharedNodes,
  layeringNodeAgentScope,
  layeringOverIsolatedVm,
  layeringPodSecurityBelowRole,
  layeringRegulatedSharedNodes,
  layeringUnknownRuntimeClass,
  layeringUntrustedSharedKernel,
];
