import type { Container, PodTemplate } from '../../model/pod-templates.js';
import type { Field } from '../../read/yaml-field.js';
import { replaceValue } from '../../edit/yaml-edits.js';
import type { Span } from '../../report/types.js';
import { fixWith, type EvaluatePod, type Violation } from './pss-check.js';

/** The pod-level `securityContext`, whose settings are defaults for every container. */
export function podSecurityContext(pod: PodTemplate): Field | undefined {
  return pod.spec.get('securityContext');
}

/** A container's own `securityContext`. */
export function containerSecurityContext(container: Container): Field | undefined {
  return container.field.get('securityContext');
}

/**
 * A setting as the kubelet applies it to a container: the container's own value when it sets
 * one, else the pod-level default. `source` says which of the two it came from. The Pod
 * Security checks do not use it: upstream judges every level that sets a value (a pod-level
 * `runAsNonRoot: false` fails even when each container overrides it), so they read both.
 */
export interface EffectiveSetting {
  field: Field;
  source: 'container' | 'pod';
}

/** The effective value of a `securityContext` key for a container, if either level sets it. */
export function effectiveSetting(
  pod: PodTemplate,
  container: Container,
  ...path: string[]
): EffectiveSetting | undefined {
  const own = containerSecurityContext(container)?.at(...path);
  if (own && isSet(own)) return { field: own, source: 'container' };
  const inherited = podSecurityContext(pod)?.at(...path);
  if (inherited && isSet(inherited)) return { field: inherited, source: 'pod' };
  return undefined;
}

/** Whether a field holds a value, as opposed to `key:` or `key: null`. */
export function isSet(field: Field): boolean {
  return field.node !== null && field.value !== null;
}

/** Whether the pod declares `spec.os.name: windows`; some Restricted checks skip those. */
export function isWindowsPod(pod: PodTemplate): boolean {
  return pod.spec.at('os', 'name')?.string() === 'windows';
}

/** Whether the pod runs in its own user namespace (`hostUsers: false`). */
export function usesUserNamespace(pod: PodTemplate): boolean {
  return pod.spec.get('hostUsers')?.boolean() === false;
}

/** Where to point at a container that lacks a setting: its `name` entry, or the item. */
export function containerAnchor(container: Container): Span {
  return container.field.get('name')?.entrySpan ?? container.field.span;
}

/** A printable name for a setting's place: `pod` or `container "x"`. */
export function setterName(container: Container | undefined): string {
  return container ? `container "${container.name}"` : 'pod';
}

/**
 * A field's key and value, without the blank lines and comment lines that the parser counts
 * into a block collection's range, so a finding ends where the value's text ends.
 */
export function entrySpan(field: Field): Span {
  const span = field.entrySpan;
  const source = field.source;
  let end = span.end - field.base;
  const start = span.start - field.base;
  for (;;) {
    while (end > start && /\s/.test(source.charAt(end - 1))) end -= 1;
    const lineStart = source.lastIndexOf('\n', end - 1) + 1;
    if (lineStart <= start || !source.slice(lineStart, end).trimStart().startsWith('#')) break;
    end = lineStart;
  }
  return { start: span.start, end: field.base + end };
}

/** The check as it stands from 1.35: a pod in its own user namespace is exempt from it. */
export function unlessUserNamespace(evaluate: EvaluatePod): EvaluatePod {
  return (pod) => (usesUserNamespace(pod) ? [] : evaluate(pod));
}

/** The profile types that confine a container: the runtime's default, or a node's file. */
export const CONFINING_PROFILE_TYPES: ReadonlySet<string> = new Set([
  'RuntimeDefault',
  'Localhost',
]);

/**
 * A `seccompProfile` or `appArmorProfile` set to a type other than RuntimeDefault or Localhost;
 * both controls allow the same two types. Reports with the message id `profile`.
 */
export function unconfinedProfile(
  profile: Field | undefined,
  setter: string,
): Violation | undefined {
  if (!profile?.isMap) return undefined;
  const type = profile.get('type');
  const value = type?.string() ?? '';
  if (CONFINING_PROFILE_TYPES.has(value)) return undefined;
  return {
    messageId: 'profile',
    data: { setter, value: value || '(empty)' },
    span: entrySpan(type ?? profile),
    fixes: type
      ? fixWith('Use the RuntimeDefault profile', replaceValue(type, 'RuntimeDefault'))
      : undefined,
  };
}
