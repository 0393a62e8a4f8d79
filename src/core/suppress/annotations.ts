import { removeEntry } from '../edit/yaml-edits.js';
import type { KubeObject } from '../model/kubernetes-object.js';
import type { Workload } from '../model/workload.js';
import type { Field } from '../read/yaml-field.js';
import type { Span } from '../report/types.js';
import type { Suppression, SuppressionScope } from './suppression.js';

/** Annotation keys `ignore-check.layerwise.dev/<rule>` suppress `<rule>`; the value is why. */
export const SUPPRESSION_ANNOTATION_PREFIX = 'ignore-check.layerwise.dev/';

/**
 * Reads suppression annotations from each object's metadata and from the metadata of its pod
 * templates. On a workload they cover the workload's findings wherever they point; on any
 * other object, the findings inside the object.
 */
export function readAnnotationSuppressions(
  path: string,
  objects: readonly KubeObject[],
  workloads: readonly Workload[],
): Suppression[] {
  const suppressions: Suppression[] = [];
  const workloadOf = new Map<KubeObject, Workload>();
  for (const workload of workloads) {
    if (!workloadOf.has(workload.object)) workloadOf.set(workload.object, workload);
  }
  for (const object of objects) {
    const workload = workloadOf.get(object);
    const scope: SuppressionScope = workload
      ? { kind: 'workload', workload: workload.id, span: object.root.span }
      : { kind: 'span', span: object.root.span };

    const metadatas = [object.metadata, ...(workload?.pods ?? []).map((pod) => pod.metadata)];
    for (const metadata of new Set(metadatas)) {
      suppressions.push(...readAnnotations(path, metadata, scope));
    }
  }
  return suppressions;
}

function readAnnotations(
  path: string,
  metadata: Field | undefined,
  scope: SuppressionScope,
): Suppression[] {
  const suppressions: Suppression[] = [];
  const annotations = metadata?.get('annotations');
  for (const [key, field] of annotations?.entries() ?? []) {
    if (!key.startsWith(SUPPRESSION_ANNOTATION_PREFIX)) continue;
    const keySpan = field.keySpan ?? field.span;
    const id = key.slice(SUPPRESSION_ANNOTATION_PREFIX.length);
    const value = field.value;
    const reason = value === null || value === undefined ? '' : String(value).trim();
    suppressions.push({
      path,
      span: field.entrySpan,
      writtenAs: 'annotation',
      rules: id === '' ? [] : [{ id, span: ruleSpan(field, keySpan, id) }],
      reason: reason === '' ? undefined : reason,
      scope,
      removal: annotations ? removeEntry(annotations, key) : undefined,
    });
  }
  return suppressions;
}

/** The rule id's place inside the key; the whole key when it is written with escapes. */
function ruleSpan(field: Field, keySpan: Span, id: string): Span {
  const keyText = field.source.slice(keySpan.start - field.base, keySpan.end - field.base);
  const index = keyText.lastIndexOf(id);
  if (index === -1) return keySpan;
  return { start: keySpan.start + index, end: keySpan.start + index + id.length };
}
