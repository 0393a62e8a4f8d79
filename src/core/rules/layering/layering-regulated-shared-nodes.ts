import { appendItem, insertEntry, setIn } from '../../edit/yaml-edits.js';
import type { ResolvedPlacement } from '../../layering/decide-layers.js';
import { layeringOptionsOf } from '../../layering/facts.js';
import type { ResolvedLayeringOptions } from '../../layering/resolve-options.js';
import { layeringPicture } from '../../layering/picture.js';
import { runsOnNodes } from '../../layering/placement.js';
import type { Fix, TextEdit } from '../../report/types.js';
import type { Rule } from '../rule.js';
import { evidenceOf, layersOf, nameOf, parsesAfter } from './describe.js';

/** A regulated workload must run on a node pool that other workloads cannot join. */
export const layeringRegulatedSharedNodes: Rule = {
  meta: {
    id: 'layering-regulated-shared-nodes',
    family: 'layering',
    description: 'Regulated workloads must run on dedicated nodes.',
    severity: 'error',
    pss: null,
    fixable: true,
    remediation:
      'Pin the workload to a dedicated pool with a nodeSelector and tolerate the taint that ' +
      'keeps other pods off that pool.',
    messages: {
      shared:
        '{{workload}} is regulated ({{evidence}}) but runs on shared nodes ({{why}}); its ' +
        'layers: {{layers}}. Pin it to a dedicated pool: a nodeSelector on the pool label ' +
        'and a toleration of the pool’s NoSchedule taint.',
      fix: 'Pin to the dedicated pool',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    const layering = layeringOptionsOf(options);
    for (const entry of picture.workloads) {
      if (!entry.roles.includes('regulated') || entry.isolation.nodes !== 'shared') continue;
      if (!runsOnNodes(entry.workload)) continue;
      const shared = entry.placements.filter((placement) => placement.nodes === 'shared');
      const why = entry.clues.nodes[entry.clues.nodes.length - 1];
      const fixes = pinFix(shared, layering);
      report({
        messageId: 'shared',
        data: {
          workload: nameOf(entry),
          evidence: evidenceOf(entry, 'regulated'),
          why: why?.reason ?? 'no pinning',
          layers: layersOf(entry.isolation),
        },
        span: why?.span ?? entry.workload.span,
        workload: entry.workload,
        fixes: fixes ? [fixes] : [],
      });
    }
  },
};

/** The nodeSelector and toleration the options name, added where each placement lacks them. */
function pinFix(
  placements: readonly ResolvedPlacement[],
  options: ResolvedLayeringOptions,
): Fix | undefined {
  const selector = options.fixes.nodeSelector;
  const toleration = options.fixes.toleration;
  if (!selector || Object.keys(selector).length === 0 || !toleration) return undefined;

  const edits: TextEdit[] = [];
  for (const { placement, keeping, pins } of placements) {
    const spec = placement.spec;
    for (const [key, value] of Object.entries(selector)) {
      if (pins.some((pin) => pin.key === key && pin.values.includes(value))) continue;
      const edit = setIn(spec, ['nodeSelector', key], value);
      if (!edit) return undefined;
      edits.push(edit);
    }
    if (keeping.some((candidate) => candidate.key === toleration.key)) continue;
    const item = tolerationValue(toleration);
    const tolerations = spec.get('tolerations');
    const edit = tolerations?.isSeq
      ? appendItem(tolerations, item)
      : tolerations
        ? undefined
        : insertEntry(spec, 'tolerations', [item]);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const first = placements[0];
  if (!first || edits.length === 0 || !parsesAfter(first.placement.spec, edits)) return undefined;
  return { title: 'Pin to the dedicated pool', preferred: true, edits };
}

function tolerationValue(toleration: NonNullable<ResolvedLayeringOptions['fixes']['toleration']>) {
  const operator = toleration.operator ?? (toleration.value === undefined ? 'Exists' : 'Equal');
  return {
    key: toleration.key,
    operator,
    ...(operator === 'Equal' ? { value: toleration.value ?? '' } : {}),
    effect: toleration.effect ?? 'NoSchedule',
  };
}
