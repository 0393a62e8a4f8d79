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

/** Every label and annotation of a workload with the span of its entry. */
export function metadataEntries(workload: Workload): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  for (const metadata of metadataFields(workload)) {
    for (const kind of ['label', 'annotation'] as const) {
      for (const [key, field] of metadata
        .get(kind === 'label' ? 'labels' : 'annotations')
        ?.entries() ?? []) {
        const value = field.value;
        if (value === null || value === undefined || typeof value === 'object') continue;
        entries.push({ kind, key, value: String(value), span: field.entrySpan });
      }
    }
  }
  return entries;
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
