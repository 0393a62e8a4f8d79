import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../../../bench/corpus.js';
import { CROSS_FILES } from './corpus/cross-files.js';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const WORKER = join(ROOT, 'dist/cli-worker.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let corpus = '';

function layerwise(args: string[], input?: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: corpus,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeFiles(folder: string, files: Iterable<readonly [string, string]>): void {
  for (const [path, text] of files) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

before(() => {
  const started = Date.now();
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  for (const bundle of [CLI, WORKER]) {
    const built = statSync(bundle, { throwIfNoEntry: false });
    assert.ok(
      built && built.mtimeMs >= started - 1000,
      `${bundle} was not rebuilt:\n${build.stdout}${build.stderr}`,
    );
  }

  // Every fixture (several configurations, Helm, compose, Dockerfiles, hostile files), the
  // cross-file manifests, and generated manifests of every kind the bench writes.
  corpus = mkdtempSync(join(tmpdir(), 'layerwise-workers-'));
  cpSync(join(ROOT, 'test/fixtures'), join(corpus, 'fixtures'), { recursive: true });
  writeFiles(join(corpus, 'cross'), Object.entries(CROSS_FILES));
  const generated = generateWorkspace(606, 240).map((file) => [file.path, file.text] as const);
  writeFiles(join(corpus, 'generated'), generated);
});

after(() => {
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

describe('layerwise --jobs: worker threads give the report of one thread, byte for byte', () => {
  const cases: { name: string; args: string[]; jobs: number[] }[] = [
    { name: 'JSON', args: ['--format', 'json', '.'], jobs: [2, 3] },
    { name: 'SARIF', args: ['--format', 'sarif', '.'], jobs: [2] },
    { name: 'text', args: ['.'], jobs: [2] },
    {
      name: 'JSON, baseline profile',
      args: ['-f', 'json', '--profile', 'baseline', '.'],
      jobs: [2],
    },
    { name: 'JSON at v1.24', args: ['-f', 'json', '--pss-version', 'v1.24', '.'], jobs: [2] },
  ];

  for (const { name, args, jobs } of cases) {
    it(`${name}: the same output, messages and exit status`, () => {
      const single = layerwise(['--jobs', '1', ...args]);
      assert.ok(single.stdout.length > 100_000, 'the corpus yields a report worth comparing');
      assert.equal(single.status, 1, single.stderr);
      for (const count of jobs) {
        const threaded = layerwise(['--jobs', String(count), ...args]);
        assert.equal(threaded.stderr, single.stderr, `stderr with --jobs ${count}`);
        assert.equal(threaded.status, single.status, `exit status with --jobs ${count}`);
        assert.ok(threaded.stdout === single.stdout, `stdout with --jobs ${count} differs`);
      }
    });
  }

  it('standard input joins the set the same way', () => {
    const input = CROSS_FILES['apps/payments.yaml'];
    const args = ['-f', 'json', '--stdin-filename', 'cross/apps/piped.yaml', 'cross', '-'];
    const single = layerwise(['--jobs', '1', ...args], input);
    const threaded = layerwise(['--jobs', '2', ...args], input);
    assert.equal(single.status, 1, single.stderr);
    assert.ok(single.stdout.includes('cross/apps/piped.yaml'));
    assert.deepEqual(threaded, single);
  });

  it('finds the cross-file problems the corpus is made of', () => {
    const report = JSON.parse(layerwise(['--jobs', '2', '-f', 'json', 'cross']).stdout) as {
      findings: { ruleId: string; path: string; fixable: boolean; message: string }[];
    };
    const found = (ruleId: string, path: string) =>
      report.findings.filter((finding) => finding.ruleId === ruleId && finding.path === path);
    assert.equal(found('layering-unknown-runtime-class', 'cross/apps/notebooks.yaml').length, 1);
    assert.ok(found('layering-regulated-shared-nodes', 'cross/apps/payments.yaml')[0]?.fixable);
    assert.ok(found('layering-untrusted-shared-kernel', 'cross/apps/notebooks.yaml')[0]?.fixable);
    const legacy = found('host-namespaces', 'cross/apps/legacy.yaml')[0];
    assert.match(legacy?.message ?? '', /enforces baseline \(v1\.24\)/);
    assert.deepEqual(found('privileged', 'cross/apps/agents.yaml'), []);
  });
});
