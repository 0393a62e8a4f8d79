import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze, type AnalyzeOptions } from '../../../src/core/analyze.js';
import type { Finding } from '../../../src/core/report/types.js';
import { applyFirstFixes, formatRange } from '../../helpers/rule-tester.js';

const ROOT = resolve(__dirname, '../../..');
const HOSTILE = join(ROOT, 'test/fixtures/hostile');
/** A hang guard, not a timing test: each case takes milliseconds on any machine. */
const BOUND = { timeout: 20_000 };

function check(text: string, options?: AnalyzeOptions, path = 'hostile.yaml'): Finding[] {
  const report = analyze([{ path, text }], options);
  const crashes = report.findings.filter((finding) => finding.ruleId === 'internal-error');
  assert.deepEqual(crashes, [], 'no rule may crash');
  return report.findings;
}

function ruleIds(findings: Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.ruleId))].sort();
}

const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: demo # the demo pod',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

describe('hostile input', () => {
  it('an alias bomb (billion laughs) costs no more than its text', BOUND, () => {
    const text = readFileSync(join(HOSTILE, 'billion-laughs.yaml'), 'utf8');
    const findings = check(text);
    assert.ok(
      findings.every((finding) => finding.ruleId !== 'yaml-syntax'),
      'the bomb is valid',
    );
  });

  it('a manifest over maxFileBytes gets one info finding and nothing else', BOUND, () => {
    const text = PRIVILEGED_POD.repeat(1);
    const findings = check(text, { maxFileBytes: 100 });
    assert.deepEqual(
      findings.map(
        (finding) => `${finding.ruleId} ${finding.severity} ${formatRange(finding.range)}`,
      ),
      ['file-too-large info 1:1-1:15'],
    );
  });

  it('a 9 MiB manifest is over the default limit', BOUND, () => {
    const copies = Math.ceil((9 * 1024 * 1024) / PRIVILEGED_POD.length);
    const text = Array.from({ length: copies }, () => PRIVILEGED_POD).join('---\n');
    assert.deepEqual(ruleIds(check(text)), ['file-too-large']);
  });

  for (const [name, text] of [
    ['10,000 levels of [', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10_000)}`],
    [
      '10,000 balanced [ ]',
      `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    ],
    ['10,000 levels of - ', `apiVersion: v1\nkind: Pod\nspec:\n  ${'- '.repeat(10_000)}x\n`],
    ['10,000 levels of {a: ', `apiVersion: v1\nkind: Pod\nspec: ${'{a: '.repeat(10_000)}`],
  ] as const) {
    it(`deep nesting: ${name} is a syntax finding, not a crash`, BOUND, () => {
      const findings = check(text);
      assert.deepEqual(ruleIds(findings), ['yaml-syntax']);
    });
  }

  it('binary content with NUL bytes does not crash the analysis', BOUND, () => {
    const bytes = readFileSync(join(HOSTILE, 'binary.yaml'));
    assert.ok(bytes.includes(0), 'the fixture has NUL bytes');
    check(bytes.toString('utf8'));
  });

  it('bytes that are not UTF-8 (Latin-1) decode with replacement and still analyse', BOUND, () => {
    const bytes = readFileSync(join(HOSTILE, 'latin1.yaml'));
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\uFFFD'), 'the fixture is not valid UTF-8');
    const findings = check(text);
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'privileged').map((f) => f.workload),
      ['Pod/default/caf\uFFFD'],
    );
  });

  it('CRLF line endings: the same ranges as LF, and fixes keep CRLF', BOUND, () => {
    const crlf = PRIVILEGED_POD.replace(/\n/g, '\r\n');
    const lf = check(PRIVILEGED_POD).filter((finding) => finding.ruleId === 'privileged');
    const withCrlf = check(crlf).filter((finding) => finding.ruleId === 'privileged');
    assert.deepEqual(
      withCrlf.map((f) => formatRange(f.range)),
      ['10:9-10:25'],
    );
    assert.deepEqual(
      withCrlf.map((f) => formatRange(f.range)),
      lf.map((f) => formatRange(f.range)),
    );
    const fixed = applyFirstFixes(crlf, withCrlf);
    assert.equal(fixed, crlf.replace('privileged: true', 'privileged: false'));
  });

  it('a tab used as indentation is a syntax finding on its line', BOUND, () => {
    const text = PRIVILEGED_POD.replace('  containers:', '\tcontainers:');
    const syntax = check(text).filter((finding) => finding.ruleId === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    assert.equal(syntax[0]?.range.start.line, 5);
  });

  it('a duplicate key is a syntax finding on the whole second key', BOUND, () => {
    const text = PRIVILEGED_POD.replace('kind: Pod\n', 'kind: Pod\nkind: Pod\n');
    const syntax = check(text).filter((finding) => finding.ruleId === 'yaml-syntax');
    assert.deepEqual(
      syntax.map((finding) => `${formatRange(finding.range)} ${finding.message}`),
      ['3:1-3:5 YAML syntax error: Map keys must be unique'],
    );
  });

  it('a duplicate key in a flow map and a quoted key are covered whole', BOUND, () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata: {a: 1, a: 2}\n"x:y": 1\n"x:y": 2\n';
    const syntax = check(text).filter((finding) => finding.ruleId === 'yaml-syntax');
    assert.deepEqual(
      syntax.map((finding) => formatRange(finding.range)),
      ['3:14-3:15', '5:1-5:6'],
    );
  });

  it('a JSON manifest is read as YAML, and its fix leaves valid JSON', BOUND, () => {
    const text = readFileSync(join(HOSTILE, 'pod.json'), 'utf8');
    const findings = check(text, undefined, 'pod.json').filter((f) => f.ruleId === 'privileged');
    assert.deepEqual(
      findings.map((f) => formatRange(f.range)),
      ['12:11-12:29'],
    );
    const fixed = applyFirstFixes(text, findings);
    const parsed = JSON.parse(fixed) as { spec: { containers: { securityContext: object }[] } };
    assert.deepEqual(parsed.spec.containers[0]?.securityContext, { privileged: false });
  });

  for (const [name, text] of [
    ['an empty file', ''],
    ['only a document marker', '---\n'],
    ['only markers', '---\n---\n...\n---\n'],
    ['only a comment', '# nothing here yet\n'],
    ['only whitespace', '   \n\n\t\n'],
    ['a null document', 'null\n'],
  ] as const) {
    it(`an empty document: ${name} yields nothing`, BOUND, () => {
      assert.deepEqual(check(text), []);
    });
  }

  it('every prefix of a manifest being typed analyses without a crash', BOUND, () => {
    const text = readFileSync(join(ROOT, 'bench/manifests/ingress-controller.yaml'), 'utf8');
    // A prime step, so the cuts fall at every column over the file.
    for (let end = 0; end <= text.length; end += 41) check(text.slice(0, end));
  });

  it('a half-typed key under securityContext is not reported as privileged', BOUND, () => {
    const text = PRIVILEGED_POD.replace('privileged: true\n', 'privi');
    assert.deepEqual(
      check(text).filter((finding) => finding.ruleId === 'privileged'),
      [],
    );
    assert.equal(parseAllDocuments(text).length, 1);
  });
});
