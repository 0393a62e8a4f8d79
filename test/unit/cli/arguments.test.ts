import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArguments } from '../../../src/cli/arguments.js';

describe('parseArguments', () => {
  it('defaults to the current folder and text', () => {
    const parsed = parseArguments([]);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.arguments.paths, ['.']);
    assert.equal(parsed.arguments.format, 'text');
    assert.equal(parsed.arguments.profile, undefined, 'the configuration may set it');
  });

  it('reads every option', () => {
    const parsed = parseArguments([
      '-f',
      'sarif',
      '-o',
      'out.sarif',
      '--profile',
      'baseline',
      '--pss-version',
      'v1.30',
      '-c',
      'ci.yaml',
      '--max-warnings',
      '0',
      '--stdin-filename',
      'k8s/app.yaml',
      '-',
      '--',
      '-odd-name.yaml',
    ]);
    assert.deepEqual(parsed, {
      ok: true,
      arguments: {
        paths: ['-', '-odd-name.yaml'],
        format: 'sarif',
        output: 'out.sarif',
        profile: 'baseline',
        pssVersion: 'v1.30',
        config: 'ci.yaml',
        maxWarnings: 0,
        stdinFilename: 'k8s/app.yaml',
        help: false,
        version: false,
      },
    });
  });

  it('explains what is wrong', () => {
    assert.deepEqual(parseArguments(['--max-warnings', '2.5']), {
      ok: false,
      error: 'Invalid value "2.5" for --max-warnings; expected a whole number, 0 or more.',
    });
    assert.deepEqual(parseArguments(['--output=']), {
      ok: false,
      error: '--output needs a non-empty value.',
    });
    assert.deepEqual(parseArguments(['--format']), {
      ok: false,
      error: "Option '-f, --format <value>' argument missing",
    });
  });
});
