import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Finding, Report } from '../../../src/core/index.js';
import { checkSarifShape } from './sarif-shape.js';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const FIXTURES = join(ROOT, 'test/fixtures/cli');
const CLUSTER = join(FIXTURES, 'cluster');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function layerwise(args: string[], cwd: string, input?: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(run: Run): Report {
  return JSON.parse(run.stdout) as Report;
}

/** Findings of the rules a fixture is about, as `rule path line:column`, 1-based. */
function brief(findings: Finding[], rules: string[]): string[] {
  return findings
    .filter((finding) => rules.includes(finding.ruleId))
    .map((finding) => {
      const { line, character } = finding.range.start;
      return `${finding.ruleId} ${finding.path} ${line + 1}:${character + 1}`;
    });
}

const PRIVILEGED_POD = readFileSync(join(FIXTURES, 'configured/agent.yaml'), 'utf8');

before(() => {
  // The bundle under test is the one npm publishes; build it fresh from the sources.
  const started = Date.now();
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  const built = statSync(CLI, { throwIfNoEntry: false });
  assert.ok(
    built && built.mtimeMs >= started - 1000,
    `dist/cli.js was not rebuilt:\n${build.stdout}${build.stderr}`,
  );
});

describe('layerwise on a folder of manifests', () => {
  it('reports JSON: the core report, with paths relative to the working folder', () => {
    const run = layerwise(['--format', 'json', '.'], CLUSTER);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const report = json(run);

    assert.deepEqual(
      report.workloads.map((workload) => `${workload.path} ${workload.id}`),
      [
        'api.json Deployment/shop/orders-api',
        'apps/postgres.yaml StatefulSet/shop/orders-db',
        'apps/web.yaml Deployment/shop/storefront',
        'broken.yaml Pod/default/half-edited',
        'exported/kubectl-get.yaml DaemonSet/logging/log-shipper',
        'jobs/report.yaml CronJob/shop/nightly-report',
      ],
    );
    assert.deepEqual(brief(report.findings, ['privileged', 'yaml-syntax']), [
      'privileged api.json 25:15',
      'yaml-syntax broken.yaml 6:1',
      'privileged exported/kubectl-get.yaml 31:13',
    ]);
    const paths = new Set(report.findings.map((finding) => finding.path));
    for (const skipped of ['node_modules/legacy-chart/daemonset.yaml', 'app-settings.yaml']) {
      assert.ok(!paths.has(skipped), `${skipped} must not be reported`);
    }
    const keys = ['fixable', 'fixes', 'message', 'path', 'pss', 'range', 'related', 'ruleId'];
    for (const finding of report.findings) {
      assert.deepEqual(Object.keys(finding).sort(), [...keys, 'severity', 'workload'].sort());
    }
  });

  it('reports text file by file, with a summary that counts the JSON findings', () => {
    const findings = json(layerwise(['--format', 'json'], CLUSTER)).findings;
    const run = layerwise([], CLUSTER);
    assert.equal(run.status, 1);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');

    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('api.json'));
    assert.ok(lines.includes('exported/kubectl-get.yaml'));
    assert.ok(
      lines.some((line) => line.startsWith('  StatefulSet/shop/orders-db  ')),
      'each file ends with the layering summary of its workloads',
    );
    assert.match(run.stdout, /^ {2}25:15 {2}error {2}Privileged Containers: .* {2}privileged$/m);
    assert.match(run.stdout, /^ {2}6:1 {2}error {4}YAML syntax error: .* {2}yaml-syntax$/m);

    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    const [errors, warnings] = [count('error'), count('warning')];
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary =
      `\u2716 ${plural(findings.length, 'problem')} ` +
      `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
      `${count('info') > 0 ? `, ${count('info')} info` : ''})`;
    assert.equal(lines.at(-2), summary);
  });

  it('reports SARIF that code scanning accepts, one result per finding', () => {
    const findings = json(layerwise(['--format', 'json'], CLUSTER)).findings;
    const run = layerwise(['--format', 'sarif', '.'], CLUSTER);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(checkSarifShape(log), []);

    const results = log.runs[0].results;
    assert.equal(results.length, findings.length);
    const privileged = results.find(
      (result: {
        ruleId: string;
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }) =>
        result.ruleId === 'privileged' &&
        result.locations[0]?.physicalLocation.artifactLocation.uri === 'api.json',
    );
    assert.deepEqual(privileged.locations[0].physicalLocation.region, {
      startLine: 25,
      startColumn: 15,
      endLine: 25,
      endColumn: 33,
    });
    assert.equal(privileged.level, 'error');
  });

  it('exits 0 and says so when nothing is found', () => {
    const run = layerwise([], join(FIXTURES, 'clean'));
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stdout, 'No problems found in 2 files.\n');
  });
});

describe('layerwise options', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads standard input as <stdin>, or under --stdin-filename', () => {
    const plain = layerwise(['-', '--format', 'json'], scratch, PRIVILEGED_POD);
    assert.equal(plain.status, 1);
    assert.deepEqual(brief(json(plain).findings, ['privileged']), ['privileged <stdin> 10:9']);

    const named = layerwise(
      ['--stdin-filename', 'deploy/agent.yaml', '--format', 'json', '-'],
      scratch,
      PRIVILEGED_POD,
    );
    assert.deepEqual(brief(json(named).findings, ['privileged']), [
      'privileged deploy/agent.yaml 10:9',
    ]);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const output = join(scratch, 'report.json');
    const run = layerwise(['--format', 'json', '--output', output, '.'], CLUSTER);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    const direct = layerwise(['--format', 'json', '.'], CLUSTER);
    assert.equal(readFileSync(output, 'utf8'), direct.stdout);
  });

  it('fails on more warnings than --max-warnings allows', () => {
    const folder = join(FIXTURES, 'suppressed');
    assert.equal(layerwise([], folder).status, 0);
    assert.equal(layerwise(['--max-warnings', '1'], folder).status, 0);
    const strict = layerwise(['--max-warnings', '0'], folder);
    assert.equal(strict.status, 1);
    assert.equal(strict.stderr, 'layerwise: 1 warnings, more than --max-warnings 0 allows.\n');
  });

  it('applies each folder its nearest configuration, and the command line over it', () => {
    const folder = join(FIXTURES, 'configured');
    const report = json(layerwise(['--format', 'json'], folder));
    assert.deepEqual(
      report.findings
        .filter((f) => ['privileged', 'config-invalid'].includes(f.ruleId))
        .map((f) => `${f.ruleId} ${f.severity} ${f.path}`),
      ['privileged warning agent.yaml', 'config-invalid error legacy/.layerwise.yaml'],
      'generated/ is ignored; legacy/ has privileged off',
    );

    const explicit = layerwise(
      ['--config', 'legacy/.layerwise.yaml', '--format', 'json', 'agent.yaml'],
      folder,
    );
    assert.deepEqual(brief(json(explicit).findings, ['privileged', 'config-invalid']), [
      'config-invalid legacy/.layerwise.yaml 4:3',
    ]);

    const restricted = json(layerwise(['--profile', 'restricted', '--format', 'json'], folder));
    assert.ok(restricted.findings.some((finding) => finding.pss === 'restricted'));
  });

  it('gives standard input the configuration of its --stdin-filename', () => {
    const folder = join(FIXTURES, 'configured');
    const args = ['--format', 'json', '--stdin-filename', 'legacy/piped.yaml', '-'];
    const report = json(layerwise(args, folder, PRIVILEGED_POD));
    assert.deepEqual(
      brief(report.findings, ['privileged', 'config-invalid']),
      ['config-invalid legacy/.layerwise.yaml 4:3'],
      'legacy/.layerwise.yaml turns privileged off',
    );
  });

  it('rejects bad options with exit 2 and a message', () => {
    const cases: [string[], string][] = [
      [['--bogus'], "layerwise: Unknown option '--bogus'."],
      [
        ['--format', 'xml'],
        'layerwise: Invalid value "xml" for --format; expected text, json, sarif.',
      ],
      [['--profile', 'strict'], 'layerwise: Invalid value "strict" for --profile'],
      [['--pss-version', '1.30'], 'layerwise: Invalid value "1.30" for --pss-version'],
      [['--max-warnings=some'], 'layerwise: Invalid value "some" for --max-warnings'],
      [['--config', 'missing.yaml'], 'layerwise: cannot read missing.yaml: no such file'],
    ];
    for (const [args, message] of cases) {
      const run = layerwise(args, scratch);
      assert.equal(run.status, 2, args.join(' '));
      assert.ok(run.stderr.startsWith(message), `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
    }
  });

  it('prints help and version', () => {
    const help = layerwise(['--help'], scratch);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: layerwise \[options\]/);
    const version = layerwise(['--version'], scratch);
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(version.stdout, `${packageJson.version}\n`);
  });

  it('reports a missing file on stderr, checks the rest and exits 2', () => {
    writeFileSync(join(scratch, 'agent.yaml'), PRIVILEGED_POD);
    const missing = layerwise(['--format', 'json', 'agent.yaml', 'gone.yaml'], scratch);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'layerwise: cannot read gone.yaml: no such file or folder\n');
    assert.deepEqual(brief(json(missing).findings, ['privileged']), ['privileged agent.yaml 10:9']);
  });

  const isRoot = process.getuid?.() === 0;
  it(
    'reports an unreadable file on stderr and exits 2',
    { skip: isRoot && 'root reads all' },
    () => {
      const locked = join(scratch, 'locked.yaml');
      writeFileSync(locked, PRIVILEGED_POD);
      chmodSync(locked, 0o000);
      const unreadable = layerwise(['locked.yaml'], scratch);
      chmodSync(locked, 0o644);
      assert.equal(unreadable.status, 2);
      assert.match(unreadable.stderr, /cannot read locked\.yaml: permission denied/);
    },
  );

  it('ends on a symbolic link loop and shows odd file names escaped', () => {
    const folder = mkdtempSync(join(scratch, 'loop-'));
    writeFileSync(join(folder, 'odd\nname.yaml'), PRIVILEGED_POD);
    symlinkSync('.', join(folder, 'again'));
    const run = layerwise([], folder);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout.split('\n')[0], '"odd\\nname.yaml"');
    const report = json(layerwise(['--format', 'json'], folder));
    assert.deepEqual(brief(report.findings, ['privileged']), ['privileged odd\nname.yaml 10:9']);
  });
});
