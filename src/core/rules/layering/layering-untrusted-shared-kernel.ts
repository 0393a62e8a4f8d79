import { insertEntry, replaceValue } from '../../edit/yaml-edits.js';
import { layeringOptionsOf } from '../../layering/facts.js';
import { layeringPicture } from '../../layering/picture.js';
import { runsOnNodes } from '../../layering/placement.js';
import type { TextEdit } from '../../report/types.js';
import type { Rule } from '../rule.js';
import { evidenceOf, layersOf, nameOf, parsesAfter } from './describe.js';

/** Code the platform's owners do not control must not share the node's kernel. */
export const layeringUntrustedSharedKernel: Rule = {
  meta: {
    id: 'layering-untrusted-shared-kernel',
    family: 'layering',
    description: 'Untrusted workloads must run in a sandboxed kernel (gVisor, Kata) or a VM.',
    severity: 'error',
    pss: null,
    fixable: true,
    remediation:
      'Set `runtimeClassName` to a sandbox RuntimeClass such as gVisor or Kata Containers.',
    messages: {
      shared:
        '{{workload}} runs untrusted code ({{evidence}}) on the node’s shared kernel ' +
        '({{why}}); its layers: {{layers}}. One kernel bug lets it out to every pod on the ' +
        'node: run it in a sandbox with runtimeClassName {{runtimeClass}}.',
      fix: 'Set runtimeClassName to {{runtimeClass}}',
    },
  },

  checkSet({ workloads, objects, options, report }) {
    const picture = layeringPicture(workloads, objects, options);
    const runtimeClass = layeringOptionsOf(options).fixes.runtimeClassName;
    for (const entry of picture.workloads) {
      if (!entry.roles.includes('untrusted') || entry.isolation.kernel !== 'shared') continue;
      if (!runsOnNodes(entry.workload)) continue;
      const shared = entry.placements.filter((placement) => placement.kernel === 'shared');
      const why = shared[0]?.kernelClue ?? entry.clues.kernel[0];
      const edits = shared.map(({ placement }) =>
        placement.runtimeClass
          ? replaceValue(placement.spec.get('runtimeClassName') ?? placement.spec, runtimeClass)
          : insertEntry(placement.spec, 'runtimeClassName', runtimeClass),
      );
      const spec = shared[0]?.placement.spec;
      const complete =
        edits.every((edit): edit is TextEdit => edit !== undefined) &&
        spec !== undefined &&
        parsesAfter(spec, edits);
      report({
        messageId: 'shared',
        data: {
          workload: nameOf(entry),
          evidence: evidenceOf(entry, 'untrusted'),
          why: why?.reason ?? 'no runtimeClassName',
          layers: layersOf(entry.isolation),
          runtimeClass,
        },
        span: why?.span ?? entry.workload.span,
        workload: entry.workload,
        fixes:
          complete && edits.length > 0
            ? [{ title: `Set runtimeClassName to ${runtimeClass}`, preferred: true, edits }]
            : [],
      });
    }
  },
};
