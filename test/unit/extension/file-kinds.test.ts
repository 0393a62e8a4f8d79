import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { isCandidateDocument } from '../../../src/extension/file-kinds.js';
import { groupReport, sameFileResult } from '../../../src/extension/report-grouping.js';

const facts = (languageId: string, path: string, scheme = 'file', size = 10) => ({
  scheme,
  languageId,
  path,
  size,
});

describe('isCandidateDocument', () => {
  it('reads our languages and files named like them', () => {
    assert.equal(isCandidateDocument(facts('yaml', '/a/pod.yaml'), 100), true);
    assert.equal(isCandidateDocument(facts('plaintext', '/a/Dockerfile.prod'), 100), true);
    assert.equal(isCandidateDocument(facts('plaintext', '/a/app.dockerfile'), 100), true);
    assert.equal(isCandidateDocument(facts('plaintext', '/a/pod.yml'), 100), true);
    assert.equal(isCandidateDocument(facts('typescript', '/a/main.ts'), 100), false);
  });

  it('skips derived views and files over the size limit', () => {
    assert.equal(isCandidateDocument(facts('yaml', '/a/pod.yaml', 'git'), 100), false);
    assert.equal(isCandidateDocument(facts('yaml', '/a/pod.yaml', 'file', 101), 100), false);
    assert.equal(isCandidateDocument(facts('yaml', '/a/pod.yaml', 'vscode-vfs'), 100), true);
  });
});

describe('groupReport', () => {
  const pod = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n` +
    `    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`;

  it('splits findings and workloads by file', () => {
    const report = analyze([
      { path: 'file:///a.yaml', text: pod('a') },
      { path: 'file:///b.yaml', text: pod('b') },
    ]);
    const grouped = groupReport(report);
    assert.deepEqual([...grouped.keys()].sort(), ['file:///a.yaml', 'file:///b.yaml']);
    const a = grouped.get('file:///a.yaml');
    assert.ok(a);
    assert.ok(a.findings.every((finding) => finding.path === 'file:///a.yaml'));
    assert.deepEqual(
      a.workloads.map((workload) => workload.id),
      ['Pod/default/a'],
    );
    const again = groupReport(
      analyze([
        { path: 'file:///a.yaml', text: pod('a') },
        { path: 'file:///b.yaml', text: pod('b') },
      ]),
    ).get('file:///a.yaml');
    assert.ok(again && again.findings[0] !== a.findings[0], 'a separate analysis');
    assert.equal(sameFileResult(a, again), true);
    assert.equal(sameFileResult(a, { ...a, findings: a.findings.slice(1) }), false);
    const [first, ...rest] = a.findings;
    assert.ok(first);
    const louder = { ...first, severity: first.severity === 'error' ? 'info' : 'error' } as const;
    assert.equal(sameFileResult(a, { ...a, findings: [louder, ...rest] }), false);
    const moved = { ...first, range: { ...first.range, end: { line: 99, character: 0 } } };
    assert.equal(sameFileResult(a, { ...a, findings: [moved, ...rest] }), false);
  });
});
