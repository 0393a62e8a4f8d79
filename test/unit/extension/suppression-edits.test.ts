import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import {
  fileInsertion,
  fileSnippet,
  lineInsertion,
  nextLineSnippet,
  objectInsertion,
  type CommentInsertion,
} from '../../../src/extension/suppression-edits.js';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: other
    spec:
      containers:
        - name: app
          image: nginx:1.27
  - apiVersion: v1
    metadata:
      name: demo
    kind: Pod
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;

/** Inserts a snippet as VS Code would, with the placeholder filled in by the user. */
function insert(text: string, at: CommentInsertion, snippet: string): string {
  const lines = text.split('\n');
  const filled = snippet.replace('${1:reason}', 'reviewed by the platform team');
  lines.splice(at.line, 0, filled.replace(/\n$/, ''));
  return lines.join('\n');
}

function privilegedFindings(text: string): { ruleId: string; line: number }[] {
  const report = analyze([{ path: 'pod.yaml', text }]);
  return report.findings
    .filter((finding) => finding.ruleId === 'privileged' || finding.ruleId.startsWith('suppress'))
    .map((finding) => ({ ruleId: finding.ruleId, line: finding.range.start.line }));
}

describe('suppression insertions', () => {
  it('puts a line suppression above the finding, indented as its key', () => {
    const lines = pod.split('\n');
    const at = lineInsertion(lines, 9);
    assert.deepEqual(at, { line: 9, indent: '        ' });
    const edited = insert(pod, at, nextLineSnippet('yaml', 'privileged', at.indent));
    assert.equal(
      edited.split('\n')[9],
      '        # layerwise-disable-next-line privileged -- reviewed by the platform team',
    );
    assert.deepEqual(privilegedFindings(pod), [{ ruleId: 'privileged', line: 9 }]);
    assert.deepEqual(privilegedFindings(edited), []);
  });

  it('puts an object suppression above the document start', () => {
    const at = objectInsertion(pod.split('\n'), 1);
    assert.deepEqual(at, { line: 0, indent: '' });
    const edited = insert(pod, at, nextLineSnippet('yaml', 'privileged', at.indent));
    assert.deepEqual(privilegedFindings(edited), []);
  });

  it('finds the start of a document after a --- marker and comments', () => {
    const text = `# first\n---\n# about the pod\napiVersion: v1\nkind: Pod\n`;
    assert.deepEqual(objectInsertion(text.split('\n'), 4), { line: 3, indent: '' });
  });

  it('puts an object suppression above the list item of an object in a List', () => {
    const lines = list.split('\n');
    assert.deepEqual(objectInsertion(lines, 14), { line: 11, indent: '  ' });
    assert.deepEqual(objectInsertion(lines, 4), { line: 3, indent: '  ' });
    const at = objectInsertion(lines, 14);
    const edited = insert(list, at, nextLineSnippet('yaml', 'privileged', at.indent));
    assert.deepEqual(privilegedFindings(list), [{ ruleId: 'privileged', line: 20 }]);
    assert.deepEqual(privilegedFindings(edited), []);
  });

  it('puts a file suppression at the top', () => {
    const edited = insert(pod, fileInsertion(), fileSnippet('yaml', 'privileged'));
    assert.equal(
      edited.split('\n')[0],
      '# layerwise-disable-file privileged -- reviewed by the platform team',
    );
    assert.deepEqual(privilegedFindings(edited), []);
  });

  it('writes Dockerfile pragmas as hadolint users know them', () => {
    assert.equal(
      nextLineSnippet('dockerfile', 'run-as-root', ''),
      '# layerwise ignore=run-as-root\n',
    );
    assert.equal(
      fileSnippet('dockerfile', 'run-as-root'),
      '# layerwise global ignore=run-as-root\n',
    );
  });
});
