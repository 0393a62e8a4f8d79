import type { Field } from '../read/yaml-field.js';
import type { Span } from '../report/types.js';
import type { KubeObject } from './kubernetes-object.js';
import { findPodTemplates, type PodTemplate } from './pod-templates.js';

/** What runs a workload's code: pods on nodes, a virtual machine, or a docker-compose service. */
export type WorkloadShape = 'pods' | 'vm' | 'compose';

/** Something that runs: an object with pod templates, or a KubeVirt virtual machine. */
export interface Workload {
  /** `<Kind>/<namespace>/<name>`; an object without a namespace is in `default`. */
  id: string;
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
  path: string;
  shape: WorkloadShape;
  object: KubeObject;
  pods: PodTemplate[];
  /** The service's mapping, for a docker-compose service (shape `compose`). */
  compose?: Field;
  /** Where to point at the workload as a whole: its `kind` value, or the object. */
  span: Span;
}

const KUBEVIRT_VM_KINDS = new Set(['VirtualMachine', 'VirtualMachineInstance']);

/** Builds the workload an object describes, or undefined when it runs nothing. */
export function toWorkload(object: KubeObject): Workload | undefined {
  const isVm = KUBEVIRT_VM_KINDS.has(object.kind) && object.apiVersion.startsWith('kubevirt.io/');
  const pods = isVm ? [] : findPodTemplates(object);
  if (!isVm && pods.length === 0) return undefined;

  const namespace = object.namespace ?? 'default';
  const name = object.name ?? '(unnamed)';
  return {
    id: `${object.kind}/${namespace}/${name}`,
    kind: object.kind,
    apiVersion: object.apiVersion,
    name,
    namespace,
    path: object.path,
    shape: isVm ? 'vm' : 'pods',
    object,
    pods,
    span: object.root.get('kind')?.span ?? object.root.span,
  };
}
