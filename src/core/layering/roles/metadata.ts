import type { Workload } from '../../model/workload.js';
import type { Field } from '../../read/yaml-field.js';
import type { Span } from '../../report/types.js';

/** One label or annotation of a workload, on the object or on a pod template. */
export interface MetadataEntry {
  kind: 'label' | 'annotation';
  key: string;
  value: string;
  span: Span;
}

/** The metadata maps of a workload: the object's, then each pod template's. */
export function metadataFields(workload: Workload): Field[] {
  const fields: Field[] = [];
  const seen = new Set<number>();
  const add = (field: Field | undefined) => {
    if (!field?.isMap || seen.has(field.span.start)) return;
    seen.add(field.span.start);
    fields.push(field);
  };
  add(workload.object.metadata);
  for (const pod of workload.pods) add(pod.metadata);
  if (workload.shape === 'vm') add(workload.object.root.at('spec', 'template', 'metadata'));
  return fields;
}

/**
 * Every label and annotation of a workload with the span of its entry. The same entry on the
 * object and on its pod template (as a Deployment's `app` label often is) counts once, at the
 * object's line, so the evidence does not repeat it.
 */
export function metadataEntries(workload: Workload): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  const seen = new Set<string>();
  for (const metadata of metadataFields(workload)) {
    for (const kind of ['label', 'annotation'] as const) {
      for (const [key, field] of metadata
        .get(kind === 'label' ? 'labels' : 'annotations')
        ?.entries() ?? []) {
        const value = field.value;
        if (value === null || value === undefined || typeof value === 'object') continue;
        const identity = JSON.stringify([kind, key, String(value)]);
        if (seen.has(identity)) continue;
        seen.add(identity);
        entries.push({ kind, key, value: String(value), span: field.entrySpan });
      }
    }
  }
  entries.push(...composeLabels(workload));
  return entries;
}

/** A compose service's `labels`, as a map or as a list of `key=value`. */
function composeLabels(workload: Workload): MetadataEntry[] {
  const labels = workload.compose?.get('labels');
  if (!labels) return [];
  if (labels.isMap) {
    return labels.entries().flatMap(([key, field]) => {
      const value = field.value;
      if (value === null || value === undefined || typeof value === 'object') return [];
      return [{ kind: 'label' as const, key, value: String(value), span: field.entrySpan }];
    });
  }
  return labels.items().flatMap((item) => {
    const text = item.string();
    const split = text?.indexOf('=') ?? -1;
    if (!text || split <= 0) return [];
    const entry = { key: text.slice(0, split), value: text.slice(split + 1), span: item.span };
    return [{ kind: 'label' as const, ...entry }];
  });
}

/** The image fields of a workload: each container's, or a compose service's. */
export function imageFields(workload: Workload): Field[] {
  const images = workload.pods.flatMap((pod) =>
    pod.containers.flatMap((container) => container.field.get('image') ?? []),
  );
  const composeImage = workload.compose?.get('image');
  return composeImage ? [...images, composeImage] : images;
}

/** Lower-case words of a label key or value: `pci-dss` gives `pci`, `dss`. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Where to point at a workload's namespace: its value, or the workload itself. */
export function namespaceSpan(workload: Workload): Span {
  return workload.object.metadata?.get('namespace')?.span ?? workload.span;
}
