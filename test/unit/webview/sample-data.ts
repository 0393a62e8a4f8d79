// Hand-made panel data for the view tests: small, so each expectation can be read off it.
import type { Range } from '../../../src/core/report/types.js';
import type { PanelData, PanelFinding, PanelWorkload } from '../../../src/protocol/panel-data.js';

/** The name a hostile manifest could give a workload. */
export const MARKUP_NAME = '<img src=x onerror=alert(1)>';

export function range(line: number): Range {
  return { start: { line, character: 6 }, end: { line, character: 16 } };
}

/** The key of a workload made by `workload` with this id and no other path. */
export function keyOf(id: string, path = 'file:///work/app.yaml'): string {
  return `${path}|${id}`;
}

export function workload(overrides: Partial<PanelWorkload> & { id: string }): PanelWorkload {
  const [kind = 'Deployment', namespace = 'default', name = 'app'] = overrides.id.split('/');
  return {
    key: keyOf(overrides.id, overrides.path),
    kind,
    namespace,
    name,
    path: 'file:///work/app.yaml',
    displayPath: (overrides.path ?? 'app.yaml').split('/').pop() ?? '',
    range: range(1),
    roles: ['service'],
    evidence: [],
    isolation: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
    recommended: { kernel: 'shared', nodes: 'shared', podSecurity: 'restricted' },
    mismatches: [],
    pool: null,
    colocatedWith: [],
    flaggedWith: [],
    ...overrides,
  };
}

export function finding(overrides: Partial<PanelFinding> & { ruleId: string }): PanelFinding {
  return {
    key: `file:///work/app.yaml|${overrides.ruleId}|1`,
    severity: 'warning',
    message: `${overrides.ruleId} message`,
    path: 'file:///work/app.yaml',
    displayPath: 'app.yaml',
    range: range(1),
    workload: null,
    workloadKey: null,
    fixTitle: null,
    ...overrides,
  };
}

/** Four workloads: a regulated API on shared nodes, a pinned GPU job, a sandbox, a VM. */
export function sampleData(): PanelData {
  return {
    activePath: 'file:///work/app.yaml',
    workloads: [
      workload({
        id: 'Deployment/payments/api',
        roles: ['regulated', 'service'],
        isolation: { kernel: 'shared', nodes: 'shared', podSecurity: 'baseline' },
        recommended: { kernel: 'shared', nodes: 'dedicated', podSecurity: 'restricted' },
        mismatches: [
          {
            layer: 'nodes',
            direction: 'below',
            current: 'shared',
            recommended: 'dedicated',
            because: 'regulated',
          },
          {
            layer: 'podSecurity',
            direction: 'below',
            current: 'baseline',
            recommended: 'restricted',
            because: 'regulated',
          },
        ],
        colocatedWith: [keyOf('Job/ci/runner', 'file:///work/ci.yaml')],
        flaggedWith: [keyOf('Job/ci/runner', 'file:///work/ci.yaml')],
      }),
      workload({
        id: 'Job/ci/runner',
        path: 'file:///work/ci.yaml',
        roles: ['untrusted'],
        isolation: { kernel: 'sandboxed', nodes: 'shared', podSecurity: 'restricted' },
        colocatedWith: [keyOf('Deployment/payments/api')],
        flaggedWith: [keyOf('Deployment/payments/api')],
      }),
      workload({
        id: 'Job/ml/train',
        path: 'file:///work/ml.yaml',
        roles: ['gpu-training'],
        isolation: { kernel: 'shared', nodes: 'dedicated', podSecurity: 'baseline' },
        pool: 'cloud.google.com/gke-nodepool=gpu',
      }),
      workload({
        id: 'VirtualMachine/legacy/erp',
        path: 'file:///work/vm.yaml',
        roles: ['full-os'],
        isolation: { kernel: 'vm', nodes: 'shared', podSecurity: null },
        recommended: { kernel: 'vm', nodes: 'shared' },
      }),
    ],
    findings: [
      finding({
        ruleId: 'layering-regulated-shared-nodes',
        workload: 'Deployment/payments/api',
        workloadKey: keyOf('Deployment/payments/api'),
        fixTitle: 'Pin to the dedicated pool',
        key: 'k1',
      }),
      finding({ ruleId: 'yaml-syntax', severity: 'error', key: 'k2' }),
    ],
  };
}
