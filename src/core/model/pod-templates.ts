import type { Field } from '../read/yaml-field.js';
import type { KubeObject } from './kubernetes-object.js';

/** Where containers sit in a pod spec; upstream Pod Security checks all three. */
export type ContainerGroup = 'initContainers' | 'containers' | 'ephemeralContainers';

export const CONTAINER_GROUPS: readonly ContainerGroup[] = [
  'initContainers',
  'containers',
  'ephemeralContainers',
];

/** One container of a pod spec. */
export interface Container {
  group: ContainerGroup;
  /** The container's name, or `#index` when it has none yet. */
  name: string;
  field: Field;
}

/** A pod spec found inside an object, with the metadata that applies to its pods. */
export interface PodTemplate {
  /** Dotted path from the object to the pod spec, e.g. `spec.template.spec`. */
  location: string;
  spec: Field;
  /** The pod's metadata: the template's, or the object's own for a Pod. */
  metadata: Field | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  containers: Container[];
}

const SKIPPED_KEYS = new Set(['metadata', 'status']);
const POD_SPEC_KEYS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Finds every pod spec in an object by its shape, not by a list of kinds: a mapping with a
 * `containers` (or `initContainers`) sequence. That finds the built-in workloads, CronJob's
 * job template, and custom resources that embed pod templates (Argo Rollouts, Kubeflow replica
 * specs, Ray groups, JobSet, Knative, KServe) without knowing them.
 */
export function findPodTemplates(object: KubeObject): PodTemplate[] {
  const templates: PodTemplate[] = [];
  visit(object, object.root, '', templates, 0);
  return templates;
}

const MAX_DEPTH = 12;

function visit(
  object: KubeObject,
  node: Field,
  location: string,
  into: PodTemplate[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  if (node.isSeq) {
    node
      .items()
      .forEach((item, index) => visit(object, item, `${location}[${index}]`, into, depth + 1));
    return;
  }
  if (!node.isMap) return;

  for (const [key, child] of node.entries()) {
    if (SKIPPED_KEYS.has(key) && depth > 0) continue;
    if (depth === 0 && key !== 'spec' && key !== 'template') continue;
    const childLocation = location ? `${location}.${key}` : key;
    if (child.isMap && isPodSpec(child)) {
      into.push(makeTemplate(object, node, child, childLocation, depth === 0));
      continue;
    }
    visit(object, child, childLocation, into, depth + 1);
  }
}

function isPodSpec(field: Field): boolean {
  return POD_SPEC_KEYS.some((key) => {
    const value = field.get(key);
    return value !== undefined && (value.isSeq || value.node === null);
  });
}

function makeTemplate(
  object: KubeObject,
  parent: Field,
  spec: Field,
  location: string,
  isObjectSpec: boolean,
): PodTemplate {
  const metadata = isObjectSpec ? object.metadata : parent.get('metadata');
  return {
    location,
    spec,
    metadata,
    labels: metadata?.get('labels')?.stringMap() ?? {},
    annotations: metadata?.get('annotations')?.stringMap() ?? {},
    containers: readContainers(spec),
  };
}

/** The containers of a pod spec, init containers first, as upstream visits them. */
export function readContainers(spec: Field): Container[] {
  const containers: Container[] = [];
  for (const group of CONTAINER_GROUPS) {
    spec
      .get(group)
      ?.items()
      .forEach((field, index) => {
        const name = field.get('name')?.string() ?? `#${index}`;
        containers.push({ group, name, field });
      });
  }
  return containers;
}
