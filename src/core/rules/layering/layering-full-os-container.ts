import { describeWorkload } from '../../layering/facts.js';
import type { Rule } from '../rule.js';
import { evidenceOf, nameOf } from './describe.js';

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
        '{{workload}} runs a whole operating system in a container ({{evidence}}). It needs an ' +
        'init system, its own services and usually privileges, none of which a container ' +
        'boundary is made for: run it as a KubeVirt VirtualMachine, or split it into ' +
        'single-process containers.',
    },
  },

  checkWorkload({ workload, options, report }) {
    const entry = describeWorkload(workload, options);
    if (!entry.roles.includes('full-os') || workload.shape === 'vm') return;
    const first = entry.evidence.find((clue) => clue.role === 'full-os');
    report({
      messageId: 'container',
      data: {
        workload: nameOf(entry),
        evidence: evidenceOf(entry, 'full-os'),
      },
      span: first?.span ?? entry.workload.span,
      workload: entry.workload,
    });
  },
};
