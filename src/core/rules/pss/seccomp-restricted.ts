import { setIn } from '../../edit/yaml-edits.js';
import {
  CONFINING_PROFILE_TYPES,
  containerAnchor,
  containerSecurityContext,
  isWindowsPod,
  podSecurityContext,
  setterName,
  unconfinedProfile,
} from './pod-security-context.js';
import { fixWith, pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

/**
 * A container passes when its own profile is RuntimeDefault or Localhost, or it sets none and
 * the pod's is. Explicitly bad values come first, as upstream reports them; seccomp-baseline
 * already reports those, so this rule reports the containers that set nothing.
 */
const seccomp1_19: EvaluatePod = (pod) => {
  const podProfile = podSecurityContext(pod)?.get('seccompProfile');
  const podBad = unconfinedProfile(podProfile, setterName(undefined));
  const podConfined = podProfile?.isMap === true && podBad === undefined;
  const explicit: Violation[] = podBad ? [{ ...podBad, reportedByBaseline: true }] : [];
  const implicit: Violation[] = [];

  for (const container of pod.containers) {
    const profile = containerSecurityContext(container)?.get('seccompProfile');
    const bad = unconfinedProfile(profile, setterName(container));
    if (bad) explicit.push({ ...bad, reportedByBaseline: true });
    if (profile?.isMap || podConfined) continue;
    implicit.push({
      messageId: 'unset',
      data: { container: container.name },
      span: containerAnchor(container),
      fixes: fixWith(
        'Use the RuntimeDefault seccomp profile',
        setIn(container.field, ['securityContext', 'seccompProfile'], { type: 'RuntimeDefault' }),
      ),
    });
  }
  return explicit.length > 0 ? explicit : implicit;
};

/**
 * Upstream `seccompProfile_restricted` (Restricted, 1.19+, replacing `seccompProfile_baseline`):
 * every container runs under RuntimeDefault or Localhost, set on it or on the pod. From 1.25
 * pods with `spec.os.name: windows` are exempt.
 */
export const seccompRestrictedCheck: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    { minor: 19, evaluate: seccomp1_19, overrides: ['seccompProfile_baseline'] },
    {
      minor: 25,
      evaluate: (pod) => (isWindowsPod(pod) ? [] : seccomp1_19(pod)),
      overrides: ['seccompProfile_baseline'],
    },
  ],
};

/** Restricted: a seccomp profile that filters system calls must be set. */
export const seccompRestricted = pssRule(
  {
    id: 'seccomp-restricted',
    family: 'pss',
    description: 'A RuntimeDefault or Localhost seccomp profile must be set (Restricted, 1.19+).',
    severity: 'warning',
    pss: 'restricted',
    fixable: true,
    remediation: 'Set `seccompProfile: {type: RuntimeDefault}` in the pod securityContext.',
    messages: {
      unset:
        'Seccomp (Restricted): container "{{container}}" must set seccompProfile.type to ' +
        `${[...CONFINING_PROFILE_TYPES].join(' or ')}, in its own or the pod securityContext.`,
      profile: 'Seccomp (Restricted): the {{setter}} sets seccompProfile.type to {{value}}.',
      annotation: 'Seccomp (Restricted): annotation {{key}}={{value}} is not allowed.',
    },
  },
  seccompRestrictedCheck,
);
