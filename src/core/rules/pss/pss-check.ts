import type { PodTemplate } from '../../model/pod-templates.js';
import type { Fix, PssLevel, Span, TextEdit } from '../../report/types.js';
import type { Rule, RuleMeta } from '../rule.js';
import type { PssVersion } from './version.js';

/** One thing a check forbids, with where it stands and how to fix it. */
export interface Violation {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  fixes?: Fix[];
  /**
   * Set when a baseline rule already reports the same field: a restricted check that
   * overrides a baseline one still counts it (so levels come out as upstream computes them),
   * but its rule does not report it twice.
   */
  reportedByBaseline?: boolean;
}

/** What one version of a check finds in a pod. */
export type EvaluatePod = (pod: PodTemplate) => Violation[];

/** One version of an upstream check: it applies from `minor` until the next version's. */
export interface CheckVersion {
  minor: number;
  evaluate: EvaluatePod;
  /** Ids of baseline checks this restricted version replaces at the restricted level. */
  overrides?: readonly string[];
}

/**
 * A Pod Security check as the upstream admission controller registers it: an id, a level and
 * versions in increasing order. A version before the first one has no such check.
 */
export interface PssCheck {
  id: string;
  level: PssLevel;
  versions: readonly CheckVersion[];
}

/** The version of `check` that applies at `version`, or undefined before the check existed. */
export function checkVersionAt(check: PssCheck, version: PssVersion): CheckVersion | undefined {
  let found: CheckVersion | undefined;
  for (const candidate of check.versions) {
    if (candidate.minor <= version.minor) found = candidate;
  }
  return found;
}

/** What `check` finds in `pod` at `version`; nothing when the check does not exist yet. */
export function evaluateCheck(check: PssCheck, pod: PodTemplate, version: PssVersion): Violation[] {
  const applied = checkVersionAt(check, version);
  return applied ? violationsOf(applied, pod) : [];
}

const evaluated = new WeakMap<PodTemplate, Map<CheckVersion, Violation[]>>();

/**
 * What one version of a check finds in a pod, evaluated once per pod: a check's rule and the
 * layering model's judgement of the pod's level ask for it up to four times. The result is
 * shared, so callers must not change it.
 */
export function violationsOf(applied: CheckVersion, pod: PodTemplate): Violation[] {
  let byVersion = evaluated.get(pod);
  if (!byVersion) {
    byVersion = new Map();
    evaluated.set(pod, byVersion);
  }
  let violations = byVersion.get(applied);
  if (!violations) {
    violations = applied.evaluate(pod);
    byVersion.set(applied, violations);
  }
  return violations;
}

/** A rule that reports what one upstream check finds, at the version the options name. */
export function pssRule(meta: RuleMeta, check: PssCheck): Rule {
  return {
    meta,
    checkPod({ pod, options, report }) {
      for (const violation of evaluateCheck(check, pod, options.pssVersion)) {
        if (violation.reportedByBaseline) continue;
        report({
          messageId: violation.messageId,
          data: violation.data,
          span: violation.span,
          fixes: violation.fixes,
        });
      }
    },
  };
}

/** A one-edit fix, or none when the edit library found no safe edit. */
export function fixWith(
  title: string,
  edit: TextEdit | undefined,
  preferred = true,
): Fix[] | undefined {
  return edit ? [{ title, preferred, edits: [edit] }] : undefined;
}
