import { layeringPicture } from '../../layering/picture.js';
import type { Rule } from '../rule.js';
import { evidenceOf, layersOf, nameOf } from './describe.js';

/** A container that boots an operating system is a virtual machine in disguise. */
export const layeringFullOsContainer: Rule = {
  meta: {
    id: 'layering-full-os-container',
    family: 'layering',
    description: 'A container that runs a whole operating system belongs in a virtual machine.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Move the workload to a KubeVirt VirtualMachine, or split its daemons into containers ' +
      'that each run one process.',
    messages: {
      container:
        '{{workload}} runs a whole operating system in a container ({{evidence}}); its ' +
        'layers: {{layers}}. It needs an init system, its own services and usually privileges, ' +
        'all on the node’s kernel: run it as a KubeVirt VirtualMachine, or split it into ' +
        'single-process containers.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    for (const entry of picture.workloads) {
      if (!entry.roles.includes('full-os') || entry.workload.shape === 'vm') continue;
      const first = entry.evidence.find((clue) => clue.role === 'full-os');
      report({
        messageId: 'container',
        data: {
          workload: nameOf(entry),
          evidence: evidenceOf(entry, 'full-os'),
          layers: layersOf(entry.isolation),
        },
        span: first?.span ?? entry.workload.span,
        workload: entry.workload,
      });
    }
  },
};
