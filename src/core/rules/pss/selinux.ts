import type { Field } from '../../read/yaml-field.js';
import {
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
} from './pod-security-context.js';
import { pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

function optionViolations(
  options: Field | undefined,
  setter: string,
  types: ReadonlySet<string>,
): Violation[] {
  if (!options?.isMap) return [];
  const violations: Violation[] = [];
  const type = options.get('type');
  const typeValue = type?.string() ?? '';
  if (type && !types.has(typeValue)) {
    violations.push({
      messageId: 'type',
      data: { setter, value: typeValue },
      span: entrySpan(type),
    });
  }
  for (const key of ['user', 'role'] as const) {
    const field = options.get(key);
    const value = field?.value;
    if (!field || value === null || value === undefined || String(value) === '') continue;
    violations.push({ messageId: key, data: { setter }, span: entrySpan(field) });
  }
  return violations;
}

function seLinuxOptions(types: readonly string[]): EvaluatePod {
  const allowed = new Set(types);
  return (pod) => [
    ...optionViolations(
      podSecurityContext(pod)?.get('seLinuxOptions'),
      setterName(undefined),
      allowed,
    ),
    ...pod.containers.flatMap((container) =>
      optionViolations(
        containerSecurityContext(container)?.get('seLinuxOptions'),
        setterName(container),
        allowed,
      ),
    ),
  ];
}

/**
 * Upstream `seLinuxOptions` (Baseline): the type is empty or one of the container types
 * (`container_engine_t` allowed from 1.31), and `user` and `role` are unset.
 */
export const selinuxCheck: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: [
    { minor: 0, evaluate: seLinuxOptions(TYPES_1_0) },
    { minor: 31, evaluate: seLinuxOptions(TYPES_1_31) },
  ],
};

/** Baseline: no custom SELinux user, role, or type outside the container types. */
export const selinux = pssRule(
  {
    id: 'selinux',
    family: 'pss',
    description: 'SELinux options must not escape the container types (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: false,
    remediation:
      'Remove `seLinuxOptions.user` and `role`, and use a container type such as container_t.',
    messages: {
      type:
        'SELinux: the {{setter}} sets seLinuxOptions.type to "{{value}}"; only the container ' +
        'types keep the process confined.',
      user: 'SELinux: the {{setter}} sets seLinuxOptions.user, which must stay unset.',
      role: 'SELinux: the {{setter}} sets seLinuxOptions.role, which must stay unset.',
    },
  },
  selinuxCheck,
);
