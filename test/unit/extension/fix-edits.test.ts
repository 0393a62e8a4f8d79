import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { applyEdits } from '../../../src/core/edit/apply-edits.js';
import { LineIndex } from '../../../src/core/report/line-index.js';
import type { Finding } from '../../../src/core/report/types.js';
import { FixChecker, type RangeEdit, type ReportFix } from '../../../src/extension/fix-edits.js';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true # the legacy agent
    - name: sidecar
      image: busybox:1.36
      securityContext: { privileged: true }
`;

function privilegedFindings(text: string): Finding[] {
  const report = analyze([{ path: 'pod.yaml', text }]);
  return report.findings.filter((finding) => finding.ruleId === 'privileged');
}

function apply(text: string, edits: readonly RangeEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((edit) => ({
    span: { start: lines.offset(edit.range.start), end: lines.offset(edit.range.end) },
    newText: edit.newText,
  }));
  return applyEdits(text, spans);
}

const at = (line: number, character: number) => ({ line, character });

describe('FixChecker', () => {
  it('accepts the fixes a rule records', () => {
    const checker = new FixChecker('pod.yaml', pod);
    const findings = privilegedFindings(pod);
    assert.equal(findings.length, 2);
    for (const finding of findings) {
      assert.ok(finding.fixes.length > 0);
      for (const fix of finding.fixes) assert.equal(checker.isSafe(fix), true, fix.title);
    }
  });

  it('refuses an edit that breaks the YAML', () => {
    const checker = new FixChecker('pod.yaml', pod);
    const broken: ReportFix = {
      title: 'break it',
      preferred: true,
      edits: [{ range: { start: at(12, 23), end: at(12, 23) }, newText: '{ [' }],
    };
    assert.equal(checker.isSafe(broken), false);
  });

  it('refuses overlapping edits', () => {
    const checker = new FixChecker('pod.yaml', pod);
    const overlapping: ReportFix = {
      title: 'overlapping',
      preferred: true,
      edits: [
        { range: { start: at(9, 20), end: at(9, 24) }, newText: 'false' },
        { range: { start: at(9, 22), end: at(9, 30) }, newText: 'x' },
      ],
    };
    assert.equal(checker.isSafe(overlapping), false);
  });

  it('fixes all preferred fixes at once, keeping comments and flow style', () => {
    const checker = new FixChecker('pod.yaml', pod);
    const edits = checker.fixAllEdits(privilegedFindings(pod));
    const fixed = apply(pod, edits);
    assert.equal(
      fixed,
      pod
        .replace('privileged: true # the legacy agent', 'privileged: false # the legacy agent')
        .replace('{ privileged: true }', '{ privileged: false }'),
    );
    assert.deepEqual(privilegedFindings(fixed), []);
  });

  it('leaves out a fix that overlaps one already taken', () => {
    const checker = new FixChecker('pod.yaml', pod);
    const [first] = privilegedFindings(pod);
    assert.ok(first);
    const twin: Finding = { ...first, fixes: first.fixes.map((fix) => ({ ...fix })) };
    const edits = checker.fixAllEdits([first, twin]);
    assert.equal(edits.length, first.fixes.find((fix) => fix.preferred)?.edits.length);
  });

  it('checks an edit against its own document in a multi-document file', () => {
    const stream = `${pod}---\n${pod}---\nkind: [broken\n`;
    const checker = new FixChecker('pods.yaml', stream);
    const findings = privilegedFindings(stream);
    assert.equal(findings.length, 4);
    for (const finding of findings) {
      for (const fix of finding.fixes) assert.equal(checker.isSafe(fix), true, fix.title);
    }
    const breakSecond: ReportFix = {
      title: 'break the second document',
      preferred: true,
      edits: [{ range: { start: at(26, 23), end: at(26, 23) }, newText: '{ [' }],
    };
    assert.equal(checker.isSafe(breakSecond), false);
  });

  it('counts an insertion where a document ends as part of that document', () => {
    const first = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';
    const stream = `${first}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n`;
    const checker = new FixChecker('pods.yaml', stream);
    const append: ReportFix = {
      title: 'append to the first document',
      preferred: true,
      edits: [
        { range: { start: at(4, 0), end: at(4, 0) }, newText: 'spec:\n  hostUsers: false\n' },
      ],
    };
    assert.equal(checker.isSafe(append), true);
    const duplicate: ReportFix = {
      title: 'a second kind in the first document',
      preferred: true,
      edits: [{ range: { start: at(4, 0), end: at(4, 0) }, newText: 'kind: Job\n' }],
    };
    assert.equal(checker.isSafe(duplicate), false);
  });

  it('fixes every document of a long stream at once', () => {
    const stream = Array.from({ length: 40 }, () => pod).join('---\n');
    const checker = new FixChecker('pods.yaml', stream);
    const fixed = apply(stream, checker.fixAllEdits(privilegedFindings(stream)));
    assert.deepEqual(privilegedFindings(fixed), []);
    assert.equal(fixed.split('privileged: false').length - 1, 80);
  });
});
