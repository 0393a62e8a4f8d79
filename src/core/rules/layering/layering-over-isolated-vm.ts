import { describeWorkload } from '../../layering/facts.js';
import type { Role } from '../../layering/options.js';
import type { Rule } from '../rule.js';
import { evidenceOf, nameOf } from './describe.js';

/** Roles that are reasons for a virtual machine boundary. */
const VM_ROLES: readonly Role[] = ['regulated', 'untrusted', 'full-os'];

/** A VM that only runs a container or a stateless service pays for a boundary it does not use. */
export const layeringOverIsolatedVm: Rule = {
  meta: {
    id: 'layering-over-isolated-vm',
    family: 'layering',
    description:
      'A virtual machine whose guest only runs a container or a stateless service should be a ' +
      'container workload.',
    severity: 'info',
    pss: null,
    fixable: false,
    remediation:
      'Run the image as a Deployment (with a sandbox RuntimeClass if it needs a stronger ' +
      'boundary) instead of booting a guest OS for it.',
    messages: {
      overIsolated:
        '{{workload}} is a virtual machine whose guest only runs a {{role}} ({{evidence}}): it ' +
        'boots a whole OS, takes minutes and whole gigabytes per replica for what a container ' +
        'does in seconds. Run it as a Deployment; a sandbox RuntimeClass gives a stronger ' +
        'boundary if it needs one.',
    },
  },

  checkWorkload({ workload, options, report }) {
    const entry = describeWorkload(workload, options);
    if (workload.shape !== 'vm') return;
    if (entry.roles.some((role) => VM_ROLES.includes(role))) return;
    const role = entry.roles.find((candidate) => candidate === 'service' || candidate === 'batch');
    if (!role) return;
    const first = entry.evidence.find((clue) => clue.role === role);
    report({
      messageId: 'overIsolated',
      data: { workload: nameOf(entry), role, evidence: evidenceOf(entry, role) },
      span: first?.span ?? entry.workload.span,
      workload: entry.workload,
    });
  },
};
