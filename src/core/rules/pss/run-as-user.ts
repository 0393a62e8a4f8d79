import type { Field } from '../../read/yaml-field.js';
import {
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
  unlessUserNamespace,
} from './pod-security-context.js';
import { pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

function rootUser(field: Field | undefined, setter: string): Violation | undefined {
  if (!field || field.number() !== 0) return undefined;
  return { messageId: 'root', data: { setter }, span: entrySpan(field) };
}

const runAsUser1_23: EvaluatePod = (pod) =>
  [
    rootUser(podSecurityContext(pod)?.get('runAsUser'), setterName(undefined)),
    ...pod.containers.map((container) =>
      rootUser(containerSecurityContext(container)?.get('runAsUser'), setterName(container)),
    ),
  ].filter((violation) => violation !== undefined);

/**
 * Upstream `runAsUser` (Restricted, 1.23+): no `runAsUser: 0` at pod or container level. From
 * 1.35 a pod with `hostUsers: false` is exempt.
 */
export const runAsUserCheck: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [
    { minor: 23, evaluate: runAsUser1_23 },
    { minor: 35, evaluate: unlessUserNamespace(runAsUser1_23) },
  ],
};

/** Restricted: no container runs as UID 0. */
export const runAsUser = pssRule(
  {
    id: 'run-as-user',
    family: 'pss',
    description: 'Containers must not set runAsUser: 0 (Pod Security Restricted, 1.23+).',
    severity: 'warning',
    pss: 'restricted',
    fixable: false,
    remediation: 'Set `runAsUser` to a non-zero UID the image works with, or leave it unset.',
    messages: {
      root: 'Running as Non-root user: the {{setter}} sets runAsUser=0, which runs as root.',
    },
  },
  runAsUserCheck,
);
