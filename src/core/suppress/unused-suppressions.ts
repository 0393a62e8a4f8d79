import type { RawFinding, TextEdit } from '../report/types.js';
import { suppressionReason } from '../rules/general/suppression-reason.js';
import { suppressionUnknownRule } from '../rules/general/suppression-unknown-rule.js';
import { unusedSuppression } from '../rules/general/unused-suppression.js';
import { findRule } from '../rules/registry.js';
import { makeFinding } from '../rules/run-rules.js';
import type { RuleReference, Suppression } from './suppression.js';

/**
 * Rules whose findings are about the suppressions themselves and are made after suppressing,
 * so no suppression covers them: the fix is to give the reason or the right rule id.
 */
export const UNSUPPRESSIBLE_RULES: ReadonlySet<string> = new Set([
  suppressionReason.meta.id,
  suppressionUnknownRule.meta.id,
]);

/**
 * Rules whose findings the suppression stage makes, so a suppression naming them has not
 * suppressed anything before it; naming them is not judged. (A next-line suppression of
 * `unused-suppression` does cover the one below it, afterwards.)
 */
const SUPPRESSION_STAGE_RULES: ReadonlySet<string> = new Set([
  ...UNSUPPRESSIBLE_RULES,
  unusedSuppression.meta.id,
]);

/**
 * Findings about the rule ids of suppressions that suppressed nothing. `used` holds the
 * references that covered at least one finding; `ran` the ids of the rules that ran.
 *
 * A reference is judged only when its rule exists, ran, and makes its findings before the
 * suppression stage; a rule turned off might find something with another configuration, so a
 * suppression of it is left alone. When no reference of a suppression has any effect, the whole
 * suppression is reported once with a fix that deletes it; otherwise each unused id is reported
 * with a fix that deletes it from the list.
 */
export function findUnusedSuppressions(
  suppressions: readonly Suppression[],
  used: ReadonlySet<RuleReference>,
  ran: ReadonlySet<string>,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const suppression of suppressions) {
    if (!suppression.judged) continue;
    const judged = (reference: RuleReference) =>
      ran.has(reference.id) && !SUPPRESSION_STAGE_RULES.has(reference.id);
    const unused = suppression.rules.filter((rule) => judged(rule) && !used.has(rule));
    if (unused.length === 0) continue;

    const { path, span, rules } = suppression;
    const ineffective = rules.every((rule) => unused.includes(rule) || !findRule(rule.id));
    if (ineffective) {
      const fixes = suppression.removal
        ? [
            {
              title: 'Remove the unused suppression',
              preferred: true,
              edits: [suppression.removal],
            },
          ]
        : [];
      const data = { rules: unused.map((rule) => rule.id).join(', ') };
      findings.push(
        makeFinding(unusedSuppression, { messageId: 'unused', data, span, fixes }, path, undefined),
      );
      continue;
    }
    for (const rule of unused) {
      const edit = idRemoval(rules, unused, rule);
      const fixes = [
        { title: `Remove ${rule.id} from the suppression`, preferred: true, edits: [edit] },
      ];
      const descriptor = {
        messageId: 'unusedRule',
        data: { rule: rule.id },
        span: rule.span,
        fixes,
      };
      findings.push(makeFinding(unusedSuppression, descriptor, path, undefined));
    }
  }
  return findings;
}

/**
 * Deletes one id from a suppression's list with one separator next to it. Ids before the first
 * id that stays take the separator after them, ids after it the one before them, so the fixes
 * of several unused ids of one list never overlap and together leave a well-formed list.
 */
function idRemoval(
  rules: readonly RuleReference[],
  removed: readonly RuleReference[],
  rule: RuleReference,
): TextEdit {
  const index = rules.indexOf(rule);
  const firstKept = rules.findIndex((candidate) => !removed.includes(candidate));
  const next = rules[index + 1];
  const previous = rules[index - 1];
  if (index < firstKept && next) {
    return { span: { start: rule.span.start, end: next.span.start }, newText: '' };
  }
  const start = previous ? previous.span.end : rule.span.start;
  return { span: { start, end: rule.span.end }, newText: '' };
}
