import type { Role } from '../../layering/options.js';
import { layeringPicture } from '../../layering/picture.js';
import { findMismatches } from '../../layering/summary.js';
import type { Rule } from '../rule.js';
import { evidenceOf, layersOf, nameOf } from './describe.js';

/**
 * Roles that ask for restricted whatever profile the project checks against. For plain
 * services, batch and stateful workloads the Pod Security rules say it all, and what keeps GPU
 * pods below baseline is reported with a fix by `layering-gpu-host-access`.
 */
const JUDGED_ROLES = new Set<Role>(['regulated', 'untrusted']);

/** A workload's pods must meet the Pod Security level its roles need, whatever the profile. */
export const layeringPodSecurityBelowRole: Rule = {
  meta: {
    id: 'layering-pod-security-below-role',
    family: 'layering',
    description: 'Pods must meet the Pod Security level their workload’s roles need.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Fix the Pod Security findings of the workload until its pods meet the level named.',
    messages: {
      below:
        '{{workload}} is {{role}} ({{evidence}}) and needs {{needed}} pods, but they meet only ' +
        '{{actual}} ({{why}}); its layers: {{layers}}.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    for (const entry of picture.workloads) {
      const mismatch = findMismatches(entry).find((item) => item.layer === 'podSecurity');
      if (!mismatch?.because || !JUDGED_ROLES.has(mismatch.because)) continue;
      const why = entry.clues.podSecurity[0];
      report({
        messageId: 'below',
        data: {
          workload: nameOf(entry),
          role: mismatch.because,
          evidence: evidenceOf(entry, mismatch.because),
          needed: String(mismatch.recommended),
          actual: String(mismatch.actual),
          why: entry.clues.podSecurity.map((clue) => clue.reason).join('; '),
          layers: layersOf(entry.isolation),
        },
        span: why?.span ?? entry.workload.span,
        workload: entry.workload,
      });
    }
  },
};
