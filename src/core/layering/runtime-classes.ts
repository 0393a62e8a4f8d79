import type { KubeObject } from '../model/kubernetes-object.js';
import {
  readNodeSelector,
  readTolerations,
  type NodeLabelRequirement,
  type Toleration,
} from './placement.js';

/** A RuntimeClass of the analysed set. */
export interface RuntimeClassInfo {
  name: string;
  handler: string | undefined;
  object: KubeObject;
  /** `scheduling.nodeSelector`, which the RuntimeClass admission adds to every pod using it. */
  requirements: NodeLabelRequirement[];
  /** `scheduling.tolerations`, which the admission adds too. */
  tolerations: Toleration[];
}

/** The RuntimeClasses an analysed set defines, by name. */
export function readRuntimeClasses(objects: readonly KubeObject[]): Map<string, RuntimeClassInfo> {
  const found = new Map<string, RuntimeClassInfo>();
  for (const object of objects) {
    if (object.kind !== 'RuntimeClass' || !object.apiVersion.startsWith('node.k8s.io/')) continue;
    if (object.name === undefined || found.has(object.name)) continue;
    const scheduling = object.root.get('scheduling');
    found.set(object.name, {
      name: object.name,
      handler: object.root.get('handler')?.string(),
      object,
      requirements: readNodeSelector(scheduling?.get('nodeSelector')),
      tolerations: readTolerations(scheduling?.get('tolerations')),
    });
  }
  return found;
}
