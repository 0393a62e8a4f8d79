import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  finalStage,
  stageChain,
  type DockerInstruction,
} from '../../../src/core/model/dockerfile.js';
import { parseDockerfile } from '../../../src/core/read/dockerfile-parse.js';

function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

function summary(text: string, instruction: DockerInstruction) {
  return {
    keyword: instruction.keyword,
    text: textOf(text, instruction.span),
    words: instruction.words.map((word) => word.text),
  };
}

describe('parseDockerfile', () => {
  it('reads continuations, skips comment lines inside them, splits shell operators', () => {
    const text =
      'FROM ubuntu:22.04\n' +
      'RUN apt-get update &&\\\n' +
      '    # keep the list sorted\n' +
      '\n' +
      '    apt-get install -y \'curl\' "git";rm -rf /var/lib/apt/lists/*\n' +
      'EXPOSE 8080\n';
    const parsed = parseDockerfile('Dockerfile', text);
    assert.deepEqual(
      parsed.instructions.map((instruction) => summary(text, instruction)),
      [
        { keyword: 'FROM', text: 'FROM ubuntu:22.04', words: ['ubuntu:22.04'] },
        {
          keyword: 'RUN',
          text: text.slice(18, text.indexOf('\nEXPOSE')),
          words: [
            'apt-get',
            'update',
            '&&',
            'apt-get',
            'install',
            '-y',
            'curl',
            'git',
            ';',
            'rm',
            '-rf',
            '/var/lib/apt/lists/*',
          ],
        },
        { keyword: 'EXPOSE', text: 'EXPOSE 8080', words: ['8080'] },
      ],
    );
    const curl = parsed.instructions[1]?.words[6];
    assert.equal(curl && textOf(text, curl.span), "'curl'");
  });

  it('reads the JSON form with its word spans, and falls back to the shell form', () => {
    const text = 'CMD ["nginx", "-g", "daemon off;"]\nENTRYPOINT [not json]\n';
    const [cmd, entrypoint] = parseDockerfile('Dockerfile', text).instructions;
    assert.deepEqual(
      cmd?.json?.map((word) => [word.text, textOf(text, word.span)]),
      [
        ['nginx', '"nginx"'],
        ['-g', '"-g"'],
        ['daemon off;', '"daemon off;"'],
      ],
    );
    assert.equal(entrypoint?.json, undefined);
    assert.deepEqual(
      entrypoint?.words.map((word) => word.text),
      ['[not', 'json]'],
    );
  });

  it('keeps a heredoc body in its instruction, up to the terminator', () => {
    const text = 'FROM alpine\nRUN <<-SCRIPT\n\tapk add curl\n\tSCRIPT\nUSER app\n';
    const parsed = parseDockerfile('Dockerfile', text);
    assert.deepEqual(
      parsed.instructions.map((instruction) => instruction.keyword),
      ['FROM', 'RUN', 'USER'],
    );
    assert.deepEqual(
      parsed.instructions[1]?.words.map((word) => word.text),
      ['<<-SCRIPT', 'apk', 'add', 'curl', 'SCRIPT'],
    );
  });

  it('reads stages, their names, and the stage each starts from', () => {
    const text =
      'FROM --platform=$BUILDPLATFORM golang:1.23 AS Build\n' +
      'RUN go build\n' +
      'from build as test\n' +
      'RUN go test ./...\n' +
      'FROM 0\n' +
      'FROM scratch\n';
    const parsed = parseDockerfile('Dockerfile', text);
    assert.deepEqual(
      parsed.stages.map((stage) => [stage.index, stage.name, stage.base, stage.baseStage?.index]),
      [
        [0, 'build', 'golang:1.23', undefined],
        [1, 'test', 'build', 0],
        [2, undefined, '0', 0],
        [3, undefined, 'scratch', undefined],
      ],
    );
    const test = parsed.stages[1];
    assert.ok(test);
    assert.deepEqual(
      stageChain(test).map((stage) => stage.index),
      [1, 0],
    );
    assert.equal(finalStage(parsed)?.index, 3);
  });

  it('keeps comments with their text, and reads CRLF line ends', () => {
    const text = '# layerwise ignore=run-as-root\r\nFROM alpine\r\nUSER root\r\n';
    const parsed = parseDockerfile('Dockerfile', text);
    assert.deepEqual(
      parsed.comments.map((comment) => [comment.text, textOf(text, comment.span)]),
      [[' layerwise ignore=run-as-root', '# layerwise ignore=run-as-root']],
    );
    assert.deepEqual(
      parsed.instructions.map((instruction) => textOf(text, instruction.span)),
      ['FROM alpine', 'USER root'],
    );
  });

  it('survives text that is no Dockerfile at all', () => {
    const parsed = parseDockerfile('Dockerfile', '\\\n\n"unterminated\n<<EOF\n');
    assert.equal(parsed.stages.length, 0);
  });
});
