import type { ParsedDocument } from '../read/parse-yaml.js';
import type { Field } from '../read/yaml-field.js';

/** One Kubernetes object of a manifest, with the fields every stage needs at hand. */
export interface KubeObject {
  path: string;
  /** Zero-based index of the YAML document the object is in. */
  documentIndex: number;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** The object's own mapping. */
  root: Field;
  metadata: Field | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * Finds the Kubernetes objects of one document: the document itself when it has `apiVersion`
 * and `kind`, or the items of a list (`kind: List`, or any `*List` that `kubectl get -o yaml`
 * prints).
 */
export function readObjects(path: string, parsed: ParsedDocument): KubeObject[] {
  const root = parsed.root;
  if (!root?.isMap) return [];
  const objects: KubeObject[] = [];
  collect(path, parsed.chunk.index, root, objects);
  return objects;
}

function collect(path: string, documentIndex: number, root: Field, into: KubeObject[]): void {
  const apiVersion = root.get('apiVersion')?.string();
  const kind = root.get('kind')?.string();
  if (kind === undefined || apiVersion === undefined) return;

  const items = root.get('items');
  if (kind.endsWith('List') && items?.isSeq) {
    for (const item of items.items()) {
      if (item.isMap) collect(path, documentIndex, item, into);
    }
    return;
  }

  const metadata = root.get('metadata');
  into.push({
    path,
    documentIndex,
    apiVersion,
    kind,
    name: metadata?.get('name')?.string() ?? metadata?.get('generateName')?.string(),
    namespace: metadata?.get('namespace')?.string(),
    root,
    metadata,
    labels: metadata?.get('labels')?.stringMap() ?? {},
    annotations: metadata?.get('annotations')?.stringMap() ?? {},
  });
}
