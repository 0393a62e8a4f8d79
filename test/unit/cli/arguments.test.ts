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
    assert.equal(parsed.arguments.jobs, 1, 'no worker threads unless asked for');
  });

  it('reads --jobs as auto or a whole number from 1', () => {
    const jobsOf = (value: string) => {
      const parsed = parseArguments(['--jobs', value]);
      return parsed.ok ? parsed.arguments.jobs : parsed.error;
    };
    assert.equal(jobsOf('auto'), 'auto');
    assert.equal(jobsOf('1'), 1);
    assert.equal(jobsOf('64'), 64);
    const expected = 'expected auto or a whole number from 1 to 64.';
    assert.equal(jobsOf('0'), `Invalid value "0" for --jobs; ${expected}`);
    assert.equal(jobsOf('1.5'), `Invalid value "1.5" for --jobs; ${expected}`);
    assert.equal(jobsOf('65'), `Invalid value "65" for --jobs; ${expected}`);
    assert.equal(jobsOf('two'), `Invalid value "two" for --jobs; ${expected}`);
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
      '--jobs',
      '3',
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
        jobs: 3,
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
