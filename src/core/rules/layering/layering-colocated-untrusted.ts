import { layeringPicture, type WorkloadLayering } from '../../layering/picture.js';
import type { Rule } from '../rule.js';
import { evidenceOf, firstWorkloads, nameOf, namesOf, relatedWorkload } from './describe.js';

const RELATED_LIMIT = 5;

/**
 * Whether a workload puts its node's kernel at risk: untrusted code or a privileged pod on the
 * shared kernel. Node agents are left to `layering-agent-on-regulated-pool`.
 */
function isRisky(entry: WorkloadLayering): boolean {
  if (entry.isolation.kernel !== 'shared') return false;
  if (entry.roles.includes('untrusted')) return true;
  return entry.isolation.podSecurity === 'privileged' && !entry.roles.includes('node-agent');
}

/** A regulated workload must not be able to land on a node next to untrusted or privileged pods. */
export const layeringColocatedUntrusted: Rule = {
  meta: {
    id: 'layering-colocated-untrusted',
    family: 'layering',
    description:
      'Regulated workloads must not be schedulable onto the same nodes as untrusted or ' +
      'privileged workloads that are not sandboxed.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation:
      'Give the regulated workload a dedicated, tainted pool, or sandbox the other workload ' +
      '(runtimeClassName) and drop its privileges.',
    messages: {
      colocated:
        '{{workload}} is regulated ({{evidence}}) and can be scheduled onto the same nodes ' +
        '({{groups}}) as {{others}}, which run untrusted or privileged on the shared kernel: ' +
        'an escape from them reads this workload’s memory and secrets.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    const risky = new Map<string, WorkloadLayering[]>();
    for (const group of picture.groups()) {
      risky.set(group, picture.members(group).filter(isRisky));
    }

    for (const entry of picture.workloads) {
      if (!entry.roles.includes('regulated')) continue;
      const groups = entry.nodeGroups.filter((group) =>
        (risky.get(group) ?? []).some((other) => other !== entry),
      );
      if (groups.length === 0) continue;
      const lists = groups.map((group) => risky.get(group) ?? []);
      const { shown, more } = firstWorkloads(lists, entry, RELATED_LIMIT);

      report({
        messageId: 'colocated',
        data: {
          workload: nameOf(entry),
          evidence: evidenceOf(entry, 'regulated'),
          groups: groups.map((group) => (group === 'shared' ? 'shared nodes' : group)).join(', '),
          others: namesOf(shown, more),
        },
        span: entry.workload.span,
        workload: entry.workload,
        related: shown.map((other) =>
          relatedWorkload(other, `${nameOf(other)} can share a node with it: ${whyRisky(other)}`),
        ),
      });
    }
  },
};

function whyRisky(entry: WorkloadLayering): string {
  if (entry.roles.includes('untrusted')) return `untrusted (${evidenceOf(entry, 'untrusted')})`;
  return `privileged pods on the shared kernel (${entry.clues.podSecurity[0]?.reason ?? ''})`;
}
