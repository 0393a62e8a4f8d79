import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Report } from '../../../src/core/analyze.js';
import type { Finding } from '../../../src/core/report/types.js';
import { chooseFix, keyFindings, toPanelData } from '../../../src/protocol/to-panel-data.js';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments-api
  namespace: payments
  labels: {compliance: pci-dss}
spec:
  template:
    spec:
      containers:
        - name: api
          image: payments:1.0
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ci-runner
  namespace: ci
  labels: {app: gitlab-runner}
spec:
  template:
    spec:
      containers:
        - name: runner
          image: gitlab/gitlab-runner:latest
          securityContext: {privileged: true}
`;

const range = (line: number) => ({
  start: { line, character: 0 },
  end: { line, character: 4 },
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'privileged',
    severity: 'error',
    message: 'm',
    path: 'file:///a.yaml',
    range: range(3),
    pss: 'baseline',
    workload: null,
    related: [],
    fixable: false,
    fixes: [],
    ...overrides,
  };
}

describe('toPanelData', () => {
  it('carries the layering of a real analysis into the panel', () => {
    const report = analyze([{ path: 'file:///w/a.yaml', text: MANIFESTS }]);
    const data = toPanelData([report], 'file:///w/a.yaml');
    const api = data.workloads.find((w) => w.id === 'Deployment/payments/payments-api');

    assert.ok(api);
    assert.ok(api.roles.includes('regulated'));
    assert.deepEqual(api.isolation, { kernel: 'shared', nodes: 'shared', podSecurity: 'baseline' });
    assert.equal(api.recommended.nodes, 'dedicated');
    assert.ok(api.mismatches.some((m) => m.layer === 'nodes' && m.direction === 'below'));
    assert.ok(api.evidence.some((e) => e.role === 'regulated' && e.range.start.line === 5));
    assert.ok(api.colocatedWith.includes('file:///w/a.yaml|Job/ci/ci-runner'));
    assert.equal(data.activePath, 'file:///w/a.yaml');
    assert.equal(data.findings.length, report.findings.length);
    assert.ok(data.findings.some((f) => f.workload === api.id && f.fixTitle !== null));
  });

  it('tolerates workloads without layering fields', () => {
    const report = {
      findings: [],
      workloads: [
        {
          id: 'Pod/default/p',
          kind: 'Pod',
          name: 'p',
          namespace: 'default',
          path: 'x',
          range: range(1),
        },
      ],
    } as unknown as Report;
    const [pod] = toPanelData([report], null).workloads;
    assert.deepEqual(
      { ...pod, range: undefined },
      {
        key: 'x|Pod/default/p',
        id: 'Pod/default/p',
        kind: 'Pod',
        name: 'p',
        namespace: 'default',
        path: 'x',
        displayPath: 'x',
        range: undefined,
        roles: [],
        evidence: [],
        isolation: null,
        recommended: {},
        mismatches: [],
        pool: null,
        colocatedWith: [],
        flaggedWith: [],
      },
    );
  });

  it('names the pool of a workload on dedicated nodes', () => {
    const summary = {
      id: 'Job/ml/t',
      kind: 'Job',
      name: 't',
      namespace: 'ml',
      path: 'x',
      range: range(1),
      isolation: { kernel: 'shared', nodes: 'dedicated', podSecurity: 'baseline' },
      nodeGroups: ['shared', 'pool=gpu'],
    };
    const report = { findings: [], workloads: [summary] } as unknown as Report;
    assert.equal(toPanelData([report], null).workloads[0]?.pool, 'pool=gpu');
  });

  it('links the workloads a finding relates, both ways', () => {
    const workload = (name: string, line: number) => ({
      id: `Deployment/default/${name}`,
      kind: 'Deployment',
      name,
      namespace: 'default',
      path: 'file:///a.yaml',
      range: range(line),
    });
    const related = [{ path: 'file:///a.yaml', range: range(14), message: 'the other one' }];
    const report = {
      workloads: [workload('first', 1), workload('second', 12)],
      findings: [finding({ workload: 'Deployment/default/first', related })],
    } as unknown as Report;
    const [first, second] = toPanelData([report], null).workloads;
    assert.deepEqual(first?.flaggedWith, ['file:///a.yaml|Deployment/default/second']);
    assert.deepEqual(second?.flaggedWith, ['file:///a.yaml|Deployment/default/first']);
  });
});

describe('keyFindings', () => {
  it('gives findings at the same place distinct keys, in a stable order', () => {
    const keys = [...keyFindings([finding({}), finding({}), finding({ ruleId: 'other' })]).keys()];
    assert.deepEqual(keys, [
      'file:///a.yaml|privileged|3:0-3:4',
      'file:///a.yaml|privileged|3:0-3:4#1',
      'file:///a.yaml|other|3:0-3:4',
    ]);
  });
});

describe('chooseFix', () => {
  it('takes the preferred fix, else the first', () => {
    const fix = (title: string, preferred: boolean) => ({ title, preferred, edits: [] });
    assert.equal(chooseFix(finding({ fixes: [fix('a', false), fix('b', true)] }))?.title, 'b');
    assert.equal(chooseFix(finding({ fixes: [fix('a', false), fix('b', false)] }))?.title, 'a');
    assert.equal(chooseFix(finding({})), undefined);
  });
});

describe('toPanelData with one id in two files', () => {
  it('keeps both workloads and gives each its own findings', () => {
    const summary = (path: string) => ({
      id: 'Deployment/default/web',
      kind: 'Deployment',
      name: 'web',
      namespace: 'default',
      path,
      range: range(1),
    });
    const report = {
      workloads: [summary('file:///base.yaml'), summary('file:///prod.yaml')],
      findings: [
        finding({ path: 'file:///prod.yaml', workload: 'Deployment/default/web' }),
        finding({ path: 'file:///base.yaml', workload: 'Deployment/default/web', ruleId: 'x' }),
      ],
    } as unknown as Report;
    const data = toPanelData([report], null);
    assert.deepEqual(
      data.workloads.map((w) => w.key),
      ['file:///base.yaml|Deployment/default/web', 'file:///prod.yaml|Deployment/default/web'],
    );
    assert.deepEqual(
      data.findings.map((f) => [f.ruleId, f.workloadKey]),
      [
        ['privileged', 'file:///prod.yaml|Deployment/default/web'],
        ['x', 'file:///base.yaml|Deployment/default/web'],
      ],
    );
  });
});
