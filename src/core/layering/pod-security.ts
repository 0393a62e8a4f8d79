import type { PodTemplate } from '../model/pod-templates.js';
import type { Workload } from '../model/workload.js';
import { evaluatePod, podSecurityLevel } from '../rules/pss/evaluate.js';
import type { PssVersion } from '../rules/pss/version.js';
import { comparePodSecurity, type Clue, type PodSecurity } from './types.js';

/** A workload's Pod Security level and the places that keep it from the next level. */
export interface PodSecurityJudgement {
  level: PodSecurity;
  clues: Clue[];
}

/** How many places a judgement keeps; the PSS rules report all of them. */
const MAX_CLUES = 5;

/**
 * The lowest level over a workload's pod templates, by the Pod Security checks themselves.
 * Workloads without a pod template of their own (virtual machines, compose services) get null.
 */
export function judgePodSecurity(workload: Workload, version: PssVersion): PodSecurityJudgement {
  if (workload.shape === 'vm' || workload.pods.length === 0) return { level: null, clues: [] };

  let lowest: { pod: PodTemplate; level: 'privileged' | 'baseline' | 'restricted' } | undefined;
  for (const pod of workload.pods) {
    const level = podSecurityLevel(pod, version);
    if (!lowest || comparePodSecurity(level, lowest.level) < 0) lowest = { pod, level };
  }
  if (!lowest) return { level: null, clues: [] };

  const { pod, level } = lowest;
  if (level === 'restricted') {
    const reason = 'its pod spec meets every restricted check';
    const span = pod.spec.keySpan ?? pod.spec.span;
    return { level, clues: [{ path: workload.path, span, reason }] };
  }
  const next = level === 'privileged' ? 'baseline' : 'restricted';
  const clues = evaluatePod(pod, next, version)
    .flatMap(({ check, violations }) =>
      violations.map((violation) => ({
        path: workload.path,
        span: violation.span,
        reason: `fails the ${next} check ${check.id}`,
      })),
    )
    .slice(0, MAX_CLUES);
  return { level, clues };
}
