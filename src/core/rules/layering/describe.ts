import type { WorkloadLayering } from '../../layering/picture.js';
import type { Role } from '../../layering/options.js';
import type { Layers } from '../../layering/types.js';
import { verifyEdits } from '../../edit/verify-edits.js';
import type { Field } from '../../read/yaml-field.js';
import type { RelatedSpan, TextEdit } from '../../report/types.js';

/** `Deployment payments/api`: how messages name a workload. */
export function nameOf(entry: Pick<WorkloadLayering, 'workload'>): string {
  const { kind, namespace, name } = entry.workload;
  return `${kind} ${namespace}/${name}`;
}

/** The reasons behind a role, at most two, for a message: `label compliance: pci-dss ...`. */
export function evidenceOf(entry: Pick<WorkloadLayering, 'evidence'>, role: Role): string {
  const reasons = entry.evidence.filter((clue) => clue.role === role).map((clue) => clue.reason);
  const shown = reasons.slice(0, 2).join('; ');
  return reasons.length > 2 ? `${shown}; ...` : shown;
}

/** `shared kernel, shared nodes, baseline`: a workload's layers in words. */
export function layersOf(layers: Layers): string {
  const podSecurity = layers.podSecurity ?? 'no pod of its own';
  return `${layers.kernel} kernel, ${layers.nodes} nodes, ${podSecurity}`;
}

/** Where another workload stands, as a related location. */
export function relatedWorkload(entry: WorkloadLayering, message: string): RelatedSpan {
  return { path: entry.workload.path, span: entry.workload.span, message };
}

/**
 * Up to `limit` distinct workloads from `lists`, skipping `self`, and whether there are more.
 * It stops at the first one past the limit, so a crowded node group costs no more than a small one.
 */
export function firstWorkloads(
  lists: Iterable<readonly WorkloadLayering[]>,
  self: WorkloadLayering | undefined,
  limit: number,
): { shown: WorkloadLayering[]; more: boolean } {
  const shown: WorkloadLayering[] = [];
  const seen = new Set<WorkloadLayering>();
  for (const list of lists) {
    for (const other of list) {
      if (other === self || seen.has(other)) continue;
      if (shown.length === limit) return { shown, more: true };
      seen.add(other);
      shown.push(other);
    }
  }
  return { shown, more: false };
}

/** `A, B and others`: workloads named in a message. */
export function namesOf(shown: readonly WorkloadLayering[], more: boolean): string {
  const names = shown.map(nameOf).join(', ');
  return more ? `${names} and others` : names;
}

/** Whether the document `field` is in still parses after `edits`, which are in file offsets. */
export function parsesAfter(field: Field, edits: readonly TextEdit[]): boolean {
  const local = edits.map((edit) => ({
    span: { start: edit.span.start - field.base, end: edit.span.end - field.base },
    newText: edit.newText,
  }));
  return verifyEdits(field.source, local).errors.length === 0;
}
