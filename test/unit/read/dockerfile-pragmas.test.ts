import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../src/core/read/dockerfile-parse.js';
import { readDockerfileSuppressions } from '../../../src/core/read/dockerfile-pragmas.js';

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('Dockerfile ignore pragmas', () => {
  it('reads rules, a reason and the next instruction as the scope', () => {
    const text =
      'FROM alpine:3.20\n' +
      '#  layerwise ignore=dockerfile-full-os,run-as-root -- a bastion host, reviewed\n' +
      '\n' +
      'EXPOSE 22\n';
    const [suppression, ...rest] = readDockerfileSuppressions(parseDockerfile('Dockerfile', text));
    assert.deepEqual(rest, []);
    assert.ok(suppression);
    assert.deepEqual(
      suppression.rules.map((rule) => [rule.id, slice(text, rule.span)]),
      [
        ['dockerfile-full-os', 'dockerfile-full-os'],
        ['run-as-root', 'run-as-root'],
      ],
    );
    assert.equal(suppression.reason, 'a bastion host, reviewed');
    assert.equal(suppression.scope.kind, 'span');
    if (suppression.scope.kind === 'span')
      assert.equal(slice(text, suppression.scope.span), 'EXPOSE 22');
    assert.equal(slice(text, suppression.span), text.split('\n')[1]);
  });

  it('reads a global pragma as covering the file, and ignores other comments', () => {
    const text =
      '# syntax=docker/dockerfile:1\n# hadolint ignore=DL3008\n# layerwise global ignore=run-as-root\nFROM ubuntu\n';
    const suppressions = readDockerfileSuppressions(parseDockerfile('Dockerfile', text));
    assert.deepEqual(
      suppressions.map((suppression) => [
        suppression.scope.kind,
        suppression.rules.map((r) => r.id),
      ]),
      [['file', ['run-as-root']]],
    );
    assert.equal(suppressions[0]?.reason, undefined);
  });

  it('drops a next-instruction pragma with no instruction after it', () => {
    const text = 'FROM alpine\n# layerwise ignore=run-as-root\n';
    assert.deepEqual(readDockerfileSuppressions(parseDockerfile('Dockerfile', text)), []);
  });
});
