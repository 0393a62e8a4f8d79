import { replaceValue } from '../../edit/yaml-edits.js';
import type { PodTemplate } from '../../model/pod-templates.js';
import {
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
  unconfinedProfile,
} from './pod-security-context.js';
import { fixWith, pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

/** The seccomp annotations Kubernetes read before the `seccompProfile` field (1.19). */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX =
  'container.seccomp.security.alpha.kubernetes.io/';

function annotationAllowed(value: string): boolean {
  return (
    value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/')
  );
}

function annotationViolation(pod: PodTemplate, key: string): Violation | undefined {
  const field = pod.metadata?.at('annotations', key);
  if (!field || field.value === null || field.value === undefined) return undefined;
  const value = String(field.value);
  if (annotationAllowed(value)) return undefined;
  return {
    messageId: 'annotation',
    data: { key, value },
    span: entrySpan(field),
    fixes: fixWith('Use runtime/default', replaceValue(field, 'runtime/default')),
  };
}

/** 1.0: only the annotations count; the pod annotation and one per container name. */
const seccompAnnotations: EvaluatePod = (pod) =>
  [
    annotationViolation(pod, SECCOMP_POD_ANNOTATION),
    ...pod.containers.map((container) =>
      annotationViolation(pod, SECCOMP_CONTAINER_ANNOTATION_PREFIX + container.name),
    ),
  ].filter((violation) => violation !== undefined);

/** 1.19: only the fields count. */
const seccompFields: EvaluatePod = (pod) =>
  [
    unconfinedProfile(podSecurityContext(pod)?.get('seccompProfile'), setterName(undefined)),
    ...pod.containers.map((container) =>
      unconfinedProfile(
        containerSecurityContext(container)?.get('seccompProfile'),
        setterName(container),
      ),
    ),
  ].filter((violation) => violation !== undefined);

/**
 * Upstream `seccompProfile_baseline` (Baseline): seccomp is not turned off. Before 1.19 by the
 * alpha annotations (`runtime/default`, `docker/default`, `localhost/*` allowed); from 1.19 by
 * `seccompProfile.type` at pod and container level (RuntimeDefault or Localhost if set).
 */
export const seccompBaselineCheck: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  versions: [
    { minor: 0, evaluate: seccompAnnotations },
    { minor: 19, evaluate: seccompFields },
  ],
};

/** Baseline: no container runs with seccomp explicitly unconfined. */
export const seccompBaseline = pssRule(
  {
    id: 'seccomp-baseline',
    family: 'pss',
    description: 'Seccomp must not be set to Unconfined (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation: 'Set `seccompProfile.type: RuntimeDefault`, or Localhost with a profile file.',
    messages: {
      profile:
        'Seccomp: the {{setter}} sets seccompProfile.type to {{value}}, which lets the ' +
        "container make any system call to the node's kernel.",
      annotation:
        'Seccomp: annotation {{key}}={{value}} turns seccomp filtering off; only ' +
        'runtime/default, docker/default and localhost/* are allowed.',
    },
  },
  seccompBaselineCheck,
);
