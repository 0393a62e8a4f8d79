import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../src/core/analyze.js';
import { applyEdits } from '../../src/core/edit/apply-edits.js';
import { LineIndex } from '../../src/core/report/line-index.js';
import type { Finding, Range } from '../../src/core/report/types.js';
import type { Rule } from '../../src/core/rules/rule.js';

/** A manifest the rule must accept. */
export interface ValidCase {
  name: string;
  text: string;
  path?: string;
  options?: AnalyzeOptions;
}

/** What one expected finding must be. `range` is `line:column-line:column`, 1-based. */
export interface ExpectedFinding {
  range: string;
  message?: string | RegExp;
  severity?: Finding['severity'];
}

/** A manifest the rule must reject, with every finding it must produce, in order. */
export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** The text after applying the first fix of every finding; required for fixable rules. */
  output?: string;
}

/** Formats a range as `line:column-line:column`, 1-based, as editors show positions. */
export function formatRange(range: Range): string {
  const { start, end } = range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

function run(rule: Rule, testCase: ValidCase): Finding[] {
  const path = testCase.path ?? 'test.yaml';
  const report = analyze([{ path, text: testCase.text }], testCase.options);
  const crashes = report.findings.filter((finding) => finding.ruleId === 'internal-error');
  assert.deepEqual(crashes, [], 'no rule may crash');
  return report.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

/** Applies the first fix of each finding, all at once, to the case's text. */
export function applyFirstFixes(text: string, findings: Finding[]): string {
  const index = new LineIndex(text);
  const edits = findings.flatMap((finding) => {
    const fix = finding.fixes.find((candidate) => candidate.preferred) ?? finding.fixes[0];
    return (fix?.edits ?? []).map((edit) => ({
      span: { start: index.offset(edit.range.start), end: index.offset(edit.range.end) },
      newText: edit.newText,
    }));
  });
  return applyEdits(text, edits);
}

/** Declares the node:test cases of one rule: valid and invalid manifests, as data. */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const testCase of cases.valid) {
      it(`accepts: ${testCase.name}`, () => {
        assert.deepEqual(run(rule, testCase).map(describeFinding), []);
      });
    }
    for (const testCase of cases.invalid) {
      it(`reports: ${testCase.name}`, () => {
        const findings = run(rule, testCase);
        assert.deepEqual(
          findings.map((finding) => formatRange(finding.range)),
          testCase.findings.map((expected) => expected.range),
          'ranges',
        );
        testCase.findings.forEach((expected, index) => {
          const finding = findings[index];
          assert.ok(finding);
          if (typeof expected.message === 'string') assert.equal(finding.message, expected.message);
          if (expected.message instanceof RegExp) assert.match(finding.message, expected.message);
          if (expected.severity) assert.equal(finding.severity, expected.severity);
        });
        if (rule.meta.fixable && findings.some((finding) => finding.fixable)) {
          assert.ok(testCase.output !== undefined, 'a fixable finding needs the expected output');
        }
        if (testCase.output !== undefined) {
          const fixed = applyFirstFixes(testCase.text, findings);
          assert.equal(fixed, testCase.output);
          const again = run(rule, { ...testCase, text: fixed });
          assert.deepEqual(again.filter((finding) => finding.fixable).map(describeFinding), []);
        }
      });
    }
  });
}

function describeFinding(finding: Finding): string {
  return `${formatRange(finding.range)} ${finding.message}`;
}
