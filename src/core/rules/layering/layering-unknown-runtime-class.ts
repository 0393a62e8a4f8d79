import { layeringPicture } from '../../layering/picture.js';
import type { Rule } from '../rule.js';
import { nameOf } from './describe.js';

const RELATED_LIMIT = 5;

/** A runtimeClassName the set does not define, while it defines others, is likely a typo. */
export const layeringUnknownRuntimeClass: Rule = {
  meta: {
    id: 'layering-unknown-runtime-class',
    family: 'layering',
    description:
      '`runtimeClassName` must name a RuntimeClass the analysed manifests define, when they ' +
      'define any.',
    severity: 'error',
    pss: null,
    fixable: false,
    remediation: 'Correct the name to one of the RuntimeClasses defined, or define it.',
    messages: {
      unknown:
        '{{workload}} asks for RuntimeClass "{{name}}", which these manifests do not define ' +
        '(they define {{defined}}): the pod will not be admitted, and its intended kernel ' +
        'isolation is unknown.',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    const defined = [...picture.runtimeClasses.values()];
    if (defined.length === 0) return;
    const names = defined.map((runtimeClass) => runtimeClass.name).sort();
    for (const entry of picture.workloads) {
      for (const { placement, runtimeClass } of entry.placements) {
        if (!placement.runtimeClass || runtimeClass) continue;
        report({
          messageId: 'unknown',
          data: {
            workload: nameOf(entry),
            name: placement.runtimeClass.name,
            defined: names.join(', '),
          },
          span: placement.runtimeClass.span,
          workload: entry.workload,
          related: defined.slice(0, RELATED_LIMIT).map((item) => ({
            path: item.object.path,
            span: item.object.root.get('metadata')?.get('name')?.span ?? item.object.root.span,
            message: `RuntimeClass ${item.name} is defined here`,
          })),
        });
      }
    }
  },
};
