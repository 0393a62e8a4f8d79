import { layeringPicture } from '../../layering/picture.js';
import { runsOnNodes } from '../../layering/placement.js';
import type { Rule } from '../rule.js';
import { evidenceOf, layersOf, nameOf } from './describe.js';

const GPU_ROLES = ['gpu-training', 'gpu-inference'] as const;

/** GPU work belongs on a GPU pool that ordinary pods cannot join. */
export const layeringGpuSharedNodes: Rule = {
  meta: {
    id: 'layering-gpu-shared-nodes',
    family: 'layering',
    description: 'GPU workloads should run on dedicated GPU nodes.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Pin the workload to the GPU node pool with a nodeSelector and tolerate the GPU taint ' +
      '(for NVIDIA, `nvidia.com/gpu` with effect NoSchedule).',
    messages: {
      shared:
        '{{workload}} is {{role}} ({{evidence}}) but is not pinned to dedicated GPU nodes ' +
        '({{why}}); its layers: {{layers}}. Select the GPU pool and tolerate its taint, so ' +
        'the GPUs are not idle behind ordinary pods and the driver stack is not shared with them.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    for (const entry of picture.workloads) {
      const role = GPU_ROLES.find((candidate) => entry.roles.includes(candidate));
      if (!role || entry.isolation.nodes !== 'shared' || !runsOnNodes(entry.workload)) {
        continue;
      }
      const why = entry.clues.nodes[entry.clues.nodes.length - 1];
      report({
        messageId: 'shared',
        data: {
          workload: nameOf(entry),
          role,
          evidence: evidenceOf(entry, role),
          why: why?.reason ?? 'no pinning',
          layers: layersOf(entry.isolation),
        },
        span: why?.span ?? entry.workload.span,
        workload: entry.workload,
      });
    }
  },
};
