import { replaceValue } from '../../edit/yaml-edits.js';
import type { Rule } from '../rule.js';
import {
  containerSecurityContext,
  entrySpan,
  unlessUserNamespace,
  usesUserNamespace,
} from './pod-security-context.js';
import {
  evaluateCheck,
  fixWith,
  pssRule,
  type EvaluatePod,
  type PssCheck,
  type Violation,
} from './pss-check.js';

const strictProcMount: EvaluatePod = (pod) => {
  const violations: Violation[] = [];
  for (const container of pod.containers) {
    const field = containerSecurityContext(container)?.get('procMount');
    const value = field?.string();
    if (!field || value === undefined || value === 'Default') continue;
    violations.push({
      messageId: 'procMount',
      data: { container: container.name, value },
      span: entrySpan(field),
      fixes: fixWith('Use the Default /proc mount', replaceValue(field, 'Default')),
    });
  }
  return violations;
};

/**
 * Upstream `procMount` (Baseline): `procMount` is unset or `Default`. From 1.35 a pod in its
 * own user namespace (`hostUsers: false`) may set any value, since its /proc belongs to it.
 */
export const procMountCheck: PssCheck = {
  id: 'procMount',
  level: 'baseline',
  versions: [
    { minor: 0, evaluate: strictProcMount },
    { minor: 35, evaluate: unlessUserNamespace(strictProcMount) },
  ],
};

/**
 * Upstream `procMount_restricted` (Restricted, 1.35+, replacing `procMount`): the strict
 * check again, whatever `hostUsers` says.
 */
export const procMountRestrictedCheck: PssCheck = {
  id: 'procMount_restricted',
  level: 'restricted',
  versions: [{ minor: 35, evaluate: strictProcMount, overrides: ['procMount'] }],
};

const baselineProcMount = pssRule(
  {
    id: 'proc-mount',
    family: 'pss',
    description: 'Containers must keep the default masked /proc (Pod Security Baseline).',
    severity: 'error',
    pss: 'baseline',
    fixable: true,
    remediation: 'Remove `procMount` or set it to Default.',
    messages: {
      procMount:
        'Proc Mount Type: container "{{container}}" sets procMount to {{value}}, which ' +
        "unmasks kernel files in /proc that reveal or change the node's state.",
    },
  },
  procMountCheck,
);

/**
 * Baseline: containers keep the default masked /proc. From 1.35 a pod with `hostUsers: false`
 * passes Baseline with another value, but Restricted still forbids it: the rule then reports it
 * as a restricted finding, so the restricted profile and restricted namespaces still see it.
 */
export const procMount: Rule = {
  meta: baselineProcMount.meta,
  checkPod(context) {
    baselineProcMount.checkPod?.(context);
    if (!usesUserNamespace(context.pod)) return;
    const baselineAllows = evaluateCheck(procMountCheck, context.pod, context.options.pssVersion);
    if (baselineAllows.length > 0) return;
    for (const violation of evaluateCheck(
      procMountRestrictedCheck,
      context.pod,
      context.options.pssVersion,
    )) {
      context.report({ ...violation, pss: 'restricted' });
    }
  },
};
