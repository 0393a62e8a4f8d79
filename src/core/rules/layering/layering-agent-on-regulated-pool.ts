import { layeringPicture, type WorkloadLayering } from '../../layering/picture.js';
import type { Rule } from '../rule.js';
import { evidenceOf, firstWorkloads, nameOf, namesOf, relatedWorkload } from './describe.js';

const RELATED_LIMIT = 5;

/** A privileged agent on every node is also on the nodes that were set apart for regulated data. */
export const layeringAgentOnRegulatedPool: Rule = {
  meta: {
    id: 'layering-agent-on-regulated-pool',
    family: 'layering',
    description:
      'Privileged node agents must not run on the dedicated pool of regulated workloads ' +
      'unless they are meant to.',
    severity: 'warning',
    pss: null,
    fixable: false,
    remediation:
      'Narrow the agent’s tolerations (no bare `operator: Exists`) or give it a node affinity ' +
      'that excludes the regulated pool; run a scoped agent there instead.',
    messages: {
      onPool:
        '{{workload}} is a privileged node agent ({{evidence}}) that also runs on the ' +
        'dedicated pool {{pools}} of {{regulated}}: whoever controls the agent controls those ' +
        'nodes, which undoes the dedication.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    const regulatedByPool = new Map<string, WorkloadLayering[]>();
    for (const entry of picture.workloads) {
      if (!entry.roles.includes('regulated') || entry.isolation.nodes !== 'dedicated') continue;
      for (const group of entry.nodeGroups) {
        const list = regulatedByPool.get(group);
        if (list) list.push(entry);
        else regulatedByPool.set(group, [entry]);
      }
    }
    if (regulatedByPool.size === 0) return;

    for (const entry of picture.workloads) {
      const privileged = entry.facts.hostAccess.some((access) => access.privileged.length > 0);
      if (!entry.roles.includes('node-agent') || !privileged) continue;
      const pools = entry.nodeGroups.filter((group) => regulatedByPool.has(group));
      if (pools.length === 0) continue;
      const lists = pools.map((pool) => regulatedByPool.get(pool) ?? []);
      const { shown, more } = firstWorkloads(lists, undefined, RELATED_LIMIT);
      report({
        messageId: 'onPool',
        data: {
          workload: nameOf(entry),
          evidence: evidenceOf(entry, 'node-agent'),
          pools: pools.join(', '),
          regulated: namesOf(shown, more),
        },
        span: tolerationSpan(entry) ?? entry.workload.span,
        workload: entry.workload,
        related: shown.map((other) =>
          relatedWorkload(other, `${nameOf(other)} is regulated and dedicated to this pool`),
        ),
      });
    }
  },
};

/** The toleration that lets the agent onto tainted pools, when one tolerates everything. */
function tolerationSpan(entry: WorkloadLayering) {
  for (const placement of entry.placements) {
    const wildcard = placement.placement.tolerations.find(
      (toleration) => toleration.key === undefined && toleration.operator === 'Exists',
    );
    if (wildcard) return wildcard.span;
  }
  return undefined;
}
