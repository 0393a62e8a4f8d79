import type { Workload } from '../model/workload.js';
import type { Field } from '../read/yaml-field.js';
import type { Span } from '../report/types.js';

/** A node label a pod requires, from `nodeSelector` or required node affinity. */
export interface NodeLabelRequirement {
  key: string;
  /** The values any of which the node's label must have. */
  values: string[];
  span: Span;
}

/** A pod's toleration; `key` undefined with `Exists` tolerates every taint. */
export interface Toleration {
  key: string | undefined;
  operator: 'Exists' | 'Equal';
  value: string | undefined;
  /** Undefined tolerates every effect. */
  effect: string | undefined;
  span: Span;
}

/** Where one pod spec (or virtual machine spec) asks to be scheduled. */
export interface Placement {
  spec: Field;
  path: string;
  requirements: NodeLabelRequirement[];
  tolerations: Toleration[];
  runtimeClass: { name: string; span: Span } | undefined;
  /** The key of `nodeSelector`, else of `affinity`: where a placement without a pin is shown. */
  schedulingKeySpan: Span | undefined;
}

/**
 * The specs that carry scheduling fields: each pod template, or for a KubeVirt virtual machine
 * its instance spec (`spec.template.spec` of a VirtualMachine, `spec` of an instance).
 */
export function schedulingSpecs(workload: Workload): Field[] {
  if (workload.shape !== 'vm') return workload.pods.map((pod) => pod.spec);
  const root = workload.object.root;
  const spec =
    workload.kind === 'VirtualMachine' ? root.at('spec', 'template', 'spec') : root.get('spec');
  return spec?.isMap ? [spec] : [];
}

/** Reads where a spec asks to be scheduled. */
export function readPlacement(spec: Field, path: string): Placement {
  const runtimeClassField = spec.get('runtimeClassName');
  const runtimeClassName = runtimeClassField?.string();
  return {
    spec,
    path,
    requirements: [...readNodeSelector(spec.get('nodeSelector')), ...readRequiredAffinity(spec)],
    tolerations: readTolerations(spec.get('tolerations')),
    runtimeClass:
      runtimeClassField && runtimeClassName
        ? { name: runtimeClassName, span: runtimeClassField.span }
        : undefined,
    schedulingKeySpan: (spec.get('nodeSelector') ?? spec.get('affinity'))?.keySpan,
  };
}

/** The entries of a `nodeSelector` map as requirements. */
export function readNodeSelector(field: Field | undefined): NodeLabelRequirement[] {
  return (field?.entries() ?? []).flatMap(([key, value]) => {
    const text = value.value;
    if (text === null || text === undefined || typeof text === 'object') return [];
    return [{ key, values: [String(text)], span: value.entrySpan }];
  });
}

/**
 * Required node affinity as requirements. Terms are alternatives, so a key counts only when
 * every term requires it with `In`; its values are the union over the terms.
 */
function readRequiredAffinity(spec: Field): NodeLabelRequirement[] {
  const terms = spec
    .at('affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution')
    ?.get('nodeSelectorTerms')
    ?.items();
  if (!terms || terms.length === 0) return [];

  const perTerm = terms.map((term) => {
    const found = new Map<string, { values: string[]; span: Span }>();
    for (const expression of term.get('matchExpressions')?.items() ?? []) {
      const key = expression.get('key')?.string();
      if (!key || expression.get('operator')?.string() !== 'In') continue;
      const values = (expression.get('values')?.items() ?? []).map((item) => String(item.value));
      found.set(key, { values, span: expression.span });
    }
    return found;
  });

  const [first, ...rest] = perTerm;
  const requirements: NodeLabelRequirement[] = [];
  for (const [key, { values, span }] of first ?? new Map()) {
    if (!rest.every((term) => term.has(key))) continue;
    const all = new Set([...values, ...rest.flatMap((term) => term.get(key)?.values ?? [])]);
    requirements.push({ key, values: [...all], span });
  }
  return requirements;
}

/** The tolerations of a pod spec or a RuntimeClass's `scheduling`. */
export function readTolerations(field: Field | undefined): Toleration[] {
  return (field?.items() ?? []).map((item) => {
    const operator = item.get('operator')?.string() === 'Exists' ? 'Exists' : 'Equal';
    return {
      key: item.get('key')?.string() || undefined,
      operator,
      value: operator === 'Equal' ? (item.get('value')?.string() ?? '') : undefined,
      effect: item.get('effect')?.string() || undefined,
      span: entriesSpan(item),
    };
  });
}

/** A taint that keeps pods without a matching toleration off a node. */
export interface Taint {
  key: string;
  value: string | undefined;
  effect: 'NoSchedule' | 'NoExecute';
}

/** Whether a toleration lets a pod onto nodes with `taint`, as the scheduler matches them. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || toleration.value === (taint.value ?? '');
}

/** The taints a toleration is written for, when it keeps other pods off (NoSchedule, NoExecute). */
export function taintOf(toleration: Toleration): Taint[] {
  const key = toleration.key;
  if (key === undefined) return [];
  const effects: Taint['effect'][] = [];
  if (toleration.effect === undefined || toleration.effect === 'NoSchedule') {
    effects.push('NoSchedule');
  }
  if (toleration.effect === 'NoExecute') effects.push('NoExecute');
  return effects.map((effect) => ({ key, value: toleration.value, effect }));
}

/** From a map's first key to its last value: a block map's own span runs on to the next line. */
function entriesSpan(field: Field): Span {
  const entries = field.entries();
  const first = entries[0]?.[1];
  const last = entries[entries.length - 1]?.[1];
  if (!first || !last) return field.span;
  return { start: first.entrySpan.start, end: last.entrySpan.end };
}

/** Whether a workload is scheduled to Kubernetes nodes (compose services have no pod spec). */
export function runsOnNodes(workload: Workload): boolean {
  return workload.shape === 'vm' || workload.pods.length > 0;
}
