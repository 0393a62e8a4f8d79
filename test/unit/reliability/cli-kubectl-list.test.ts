import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Report } from '../../../src/core/index.js';
import { formatRange } from '../../helpers/rule-tester.js';
import { layerwise } from './cli-process.js';

const ROOT = resolve(__dirname, '../../..');
/** A `kind: List` as `kubectl get pods,deployments -A -o yaml` prints it. */
const LIST = readFileSync(join(ROOT, 'bench/manifests/kubectl-list.yaml'), 'utf8');

describe('kubectl get pods,deployments -A -o yaml | layerwise -', () => {
  it('reviews every item of the List read from standard input', { timeout: 60_000 }, () => {
    const run = layerwise(['--format', 'json', '-'], tmpdir(), LIST);
    assert.equal(run.signal, null, 'the CLI hung');
    const report = JSON.parse(run.stdout) as Report;

    assert.deepEqual(
      report.workloads.map((workload) => `${workload.id} ${workload.path}`),
      [
        'Pod/shop/web-7d9f8b6c5d-x2x4q <stdin>',
        'Deployment/shop/web <stdin>',
        'Deployment/kube-system/coredns <stdin>',
      ],
    );
    const privileged = report.findings.filter((finding) => finding.ruleId === 'privileged');
    assert.deepEqual(
      privileged.map((finding) => `${finding.workload} ${formatRange(finding.range)}`),
      ['Pod/shop/web-7d9f8b6c5d-x2x4q 74:9-74:25', 'Deployment/shop/web 178:13-178:29'],
    );
    assert.deepEqual(
      report.findings.filter((finding) => finding.ruleId === 'yaml-syntax'),
      [],
      'status, managedFields and resourceVersion are read without complaint',
    );
    assert.equal(run.status, 1, 'privileged containers are errors');
  });
});
