import { replaceValue } from '../../edit/yaml-edits.js';
import type { Field } from '../../read/yaml-field.js';
import {
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
} from './pod-security-context.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';

function hostProcessViolation(field: Field | undefined, setter: string): Violation | undefined {
  if (field?.boolean() !== true) return undefined;
  return {
    messageId: 'hostProcess',
    data: { setter },
    span: entrySpan(field),
    fixes: fixWith('Set hostProcess to false', replaceValue(field, false)),
  };
}

/** Upstream `windowsHostProcess` (Baseline, 1.0+): no HostProcess containers, pod or container. */
export const hostProcessCheck: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const found = [
          hostProcessViolation(
            podSecurityContext(pod)?.at('windowsOptions', 'hostProcess'),
            setterName(undefined),
          ),
          ...pod.containers.map((container) =>
            hostProcessViolation(
              containerSecurityContext(container)?.at('windowsOptions', 'hostProcess'),
              setterName(container),
            ),
          ),
        ];
        return found.filter((violation) => violation !== undefined);
      },
    },
  ],
};

/** Baseline: `windowsOptions.hostProcess` must be unset or false at pod and container level. */
export const hostProcess = pssRule(
  {
    id: 'host-process',
    family: 'pss',
    description: 'Windows pods must not run HostProcess containers (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation:
      'Remove `windowsOptions.hostProcess: true`; run node administration outside the workload.',
    messages: {
      hostProcess:
        'HostProcess: the {{setter}} sets windowsOptions.hostProcess=true, which runs the ' +
        'container as a process on the Windows host with its privileges.',
    },
  },
  hostProcessCheck,
);
