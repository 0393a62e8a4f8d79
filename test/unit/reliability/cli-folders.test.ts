import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Report } from '../../../src/core/index.js';
import { layerwise } from './cli-process.js';

const ROOT = resolve(__dirname, '../../..');
const BOUND = { timeout: 60_000 };

const POD = (name: string, privileged: boolean) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n` +
  `    - name: app\n      image: nginx:1.27\n      securityContext: {privileged: ${privileged}}\n`;

let folder = '';

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'layerwise-odd-'));
  writeFileSync(join(folder, 'with space.yaml'), POD('spaced', true));
  writeFileSync(join(folder, 'ünïcödé-名前.yaml'), POD('unicode', false));
  writeFileSync(join(folder, '-leading-dash.yaml'), POD('dashed', false));
  mkdirSync(join(folder, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(folder, 'nested', 'deeper', 'app.yml'), POD('nested', false));
  symlinkSync('..', join(folder, 'nested', 'deeper', 'loop'));
  symlinkSync('self.yaml', join(folder, 'self.yaml'));
  symlinkSync('missing.yaml', join(folder, 'broken.yaml'));
  mkdirSync(join(folder, 'folder.yaml'));
});

after(() => rmSync(folder, { recursive: true, force: true }));

describe('the CLI on folders with odd entries', () => {
  it('finds files with spaces, unicode and a leading dash, and ends in link loops', BOUND, () => {
    const run = layerwise(['--format', 'json', '.'], folder);
    assert.equal(run.signal, null, `the CLI hung: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as Report;
    const names = [...new Set(report.workloads.map((workload) => workload.name))].sort();
    assert.deepEqual(names, ['dashed', 'nested', 'spaced', 'unicode']);
    assert.deepEqual(
      report.findings.filter((finding) => finding.ruleId === 'privileged').map((f) => f.path),
      ['with space.yaml'],
    );
    assert.equal(run.status, 1, 'one privileged pod is an error finding, not a failure');
  });

  it('takes a leading-dash file name after --, not as an option', BOUND, () => {
    const run = layerwise(['--format', 'json', '--', '-leading-dash.yaml'], folder);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout) as Report).workloads.map((w) => w.name),
      ['dashed'],
    );
  });

  it('names a missing path clearly, and exits 2 for it', BOUND, () => {
    const run = layerwise(['no-such-file.yaml'], folder);
    assert.match(run.stderr, /no-such-file\.yaml: no such file or folder/);
    assert.equal(run.status, 2);
  });

  it('reports an unreadable file by name and still checks the others', BOUND, (context) => {
    if (process.getuid?.() === 0) {
      // chmod 000 does not stop root from reading, and the tests run as root in CI.
      context.skip('running as root: permissions cannot make a file unreadable');
      return;
    }
    const locked = join(folder, 'locked.yaml');
    writeFileSync(locked, POD('locked', true));
    chmodSync(locked, 0o000);
    try {
      const run = layerwise(['--format', 'json', '.'], folder);
      assert.match(run.stderr, /locked\.yaml: permission denied/);
      assert.ok((JSON.parse(run.stdout) as Report).workloads.length >= 4);
    } finally {
      chmodSync(locked, 0o644);
      rmSync(locked);
    }
  });

  it('does not hang on a named pipe that looks like a manifest', BOUND, (context) => {
    const fifo = join(folder, 'pipe.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) {
      context.skip('mkfifo is not available');
      return;
    }
    try {
      const run = layerwise(['--format', 'json', '.'], folder, undefined, 8_000);
      assert.equal(run.signal, null, 'the CLI blocked reading the pipe');
    } finally {
      rmSync(fifo);
    }
  });
});

describe('the CLI on binary and non-UTF-8 files', () => {
  it('skips a file with NUL bytes with a clear message', BOUND, () => {
    const binary = readFileSync(join(ROOT, 'test/fixtures/hostile/binary.yaml'));
    const sub = mkdtempSync(join(tmpdir(), 'layerwise-binary-'));
    try {
      writeFileSync(join(sub, 'blob.yaml'), binary);
      writeFileSync(join(sub, 'ok.yaml'), POD('fine', false));
      const run = layerwise(['--format', 'json', '.'], sub);
      assert.match(run.stderr, /blob\.yaml.*binary/i);
      assert.deepEqual(
        (JSON.parse(run.stdout) as Report).workloads.map((w) => w.name),
        ['fine'],
      );
      assert.equal(run.status, 0);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
