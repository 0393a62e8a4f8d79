import { replaceValue } from '../../edit/yaml-edits.js';
import type { PodTemplate } from '../../model/pod-templates.js';
import {
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
  unconfinedProfile,
} from './pod-security-context.js';
import { fixWith, pssRule, type PssCheck, type Violation } from './pss-check.js';

/** The annotation AppArmor profiles were set with before the field; still checked upstream. */
export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function annotationAllowed(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function annotationViolations(pod: PodTemplate): Violation[] {
  const violations: Violation[] = [];
  for (const [key, field] of pod.metadata?.get('annotations')?.entries() ?? []) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    const value = field.value === null || field.value === undefined ? '' : String(field.value);
    if (annotationAllowed(value)) continue;
    violations.push({
      messageId: 'annotation',
      data: { key, value },
      span: entrySpan(field),
      fixes: fixWith('Use runtime/default', replaceValue(field, 'runtime/default')),
    });
  }
  return violations;
}

/**
 * Upstream `appArmorProfile` (Baseline, 1.0+): `appArmorProfile.type` at pod and container
 * level is RuntimeDefault or Localhost, and every `container.apparmor.security.beta...`
 * annotation is empty, `runtime/default` or `localhost/*`. Upstream amended the 1.0 version in
 * place for the fields, so both apply at every version.
 */
export const apparmorCheck: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [
    {
      minor: 0,
      evaluate(pod) {
        const found = [
          unconfinedProfile(podSecurityContext(pod)?.get('appArmorProfile'), setterName(undefined)),
          ...pod.containers.map((container) =>
            unconfinedProfile(
              containerSecurityContext(container)?.get('appArmorProfile'),
              setterName(container),
            ),
          ),
        ].filter((violation) => violation !== undefined);
        return [...found, ...annotationViolations(pod)];
      },
    },
  ],
};

/** Baseline: no AppArmor profile is overridden to unconfined or an unknown type. */
export const apparmor = pssRule(
  {
    id: 'apparmor',
    family: 'pss',
    description: 'AppArmor must not be disabled or overridden (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation: 'Use the RuntimeDefault profile, or a Localhost profile loaded on the nodes.',
    messages: {
      profile:
        'AppArmor: the {{setter}} sets appArmorProfile.type to {{value}}; only RuntimeDefault ' +
        'and Localhost keep AppArmor confining the container.',
      annotation:
        'AppArmor: annotation {{key}}={{value}} disables or overrides the AppArmor profile; ' +
        'only runtime/default and localhost/* are allowed.',
    },
  },
  apparmorCheck,
);
