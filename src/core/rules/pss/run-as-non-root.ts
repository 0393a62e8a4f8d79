import { replaceValue, setIn } from '../../edit/yaml-edits.js';
import {
  containerAnchor,
  containerSecurityContext,
  entrySpan,
  podSecurityContext,
  setterName,
  unlessUserNamespace,
} from './pod-security-context.js';
import { fixWith, pssRule, type EvaluatePod, type PssCheck, type Violation } from './pss-check.js';

const FIX_TITLE = 'Set runAsNonRoot to true';

/**
 * A container passes when it sets `runAsNonRoot: true`, or leaves it unset under a pod-level
 * `true`. As upstream, explicit `false` values are reported first; containers that only lack
 * the setting are reported when nothing sets `false`.
 */
const runAsNonRoot1_0: EvaluatePod = (pod) => {
  const explicit: Violation[] = [];
  const implicit: Violation[] = [];
  const podField = podSecurityContext(pod)?.get('runAsNonRoot');
  const podValue = podField?.boolean();
  if (podField && podValue === false) {
    explicit.push({
      messageId: 'false',
      data: { setter: setterName(undefined) },
      span: entrySpan(podField),
      fixes: fixWith(FIX_TITLE, replaceValue(podField, true), false),
    });
  }

  for (const container of pod.containers) {
    const field = containerSecurityContext(container)?.get('runAsNonRoot');
    const value = field?.boolean();
    if (field && value === false) {
      explicit.push({
        messageId: 'false',
        data: { setter: setterName(container) },
        span: entrySpan(field),
        fixes: fixWith(FIX_TITLE, replaceValue(field, true), false),
      });
    } else if (value === undefined && podValue !== true) {
      implicit.push({
        messageId: 'unset',
        data: { container: container.name },
        span: containerAnchor(container),
        fixes: fixWith(
          FIX_TITLE,
          setIn(container.field, ['securityContext', 'runAsNonRoot'], true),
          false,
        ),
      });
    }
  }
  return explicit.length > 0 ? explicit : implicit;
};

/**
 * Upstream `runAsNonRoot` (Restricted, 1.0+). From 1.35 a pod with `hostUsers: false` is
 * exempt: its root is mapped to an unprivileged user of the node.
 */
export const runAsNonRootCheck: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  versions: [
    { minor: 0, evaluate: runAsNonRoot1_0 },
    { minor: 35, evaluate: unlessUserNamespace(runAsNonRoot1_0) },
  ],
};

/** Restricted: containers must be required to run as a non-root user. */
export const runAsNonRoot = pssRule(
  {
    id: 'run-as-non-root',
    family: 'pss',
    description: 'Containers must set runAsNonRoot: true (Pod Security Restricted).',
    severity: 'warning',
    pss: 'restricted',
    fixable: true,
    remediation:
      'Set `runAsNonRoot: true` in the pod securityContext and run the image as a non-zero UID.',
    messages: {
      false:
        'Running as Non-root: the {{setter}} sets runAsNonRoot=false, which lets the ' +
        'container run as root.',
      unset:
        'Running as Non-root: container "{{container}}" must set runAsNonRoot=true, in its own ' +
        'or the pod securityContext, or it may run as root.',
    },
  },
  runAsNonRootCheck,
);
