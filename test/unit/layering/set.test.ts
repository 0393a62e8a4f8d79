import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, Analyzer } from '../../../src/core/analyze.js';
import { formatLayeringSummary } from '../../../src/core/layering/summary.js';
import { formatRange } from '../../helpers/rule-tester.js';
import { fixture } from './helpers.js';

const NAMES = [
  'dedicated-regulated.yaml',
  'gitlab-runner.yaml',
  'isolated-tenant.yaml',
  'kubevirt-container-vm.yaml',
  'legacy-vm-container.yaml',
  'node-agents.yaml',
  'payments-shared.yaml',
  'pytorch-training.yaml',
  'tenant-notebooks.yaml',
  'vllm-inference.yaml',
];
const files = NAMES.map((name) => ({ path: name, text: fixture(name) }));

describe('layering across workloads', () => {
  const report = analyze(files);
  const byId = new Map(report.workloads.map((workload) => [workload.id, workload]));

  it('puts each workload in the node groups it can be scheduled to', () => {
    assert.deepEqual(byId.get('Deployment/health/records')?.nodeGroups, [
      'cloud.google.com/gke-nodepool=hipaa',
    ]);
    assert.deepEqual(byId.get('Deployment/payments/api')?.nodeGroups, ['shared']);
    // Tolerating everything takes Fluent Bit onto the tainted pool too; node-exporter stays off.
    assert.deepEqual(byId.get('DaemonSet/apps/fluent-bit')?.nodeGroups, [
      'cloud.google.com/gke-nodepool=hipaa',
      'shared',
    ]);
    assert.deepEqual(byId.get('DaemonSet/monitoring/node-exporter')?.nodeGroups, ['shared']);
    assert.deepEqual(byId.get('Deployment/health/records')?.colocatedWith, [
      'DaemonSet/apps/fluent-bit',
    ]);
  });

  it('reports the cross-workload findings with the other workload as a related location', () => {
    const cross = report.findings
      .filter((finding) =>
        ['layering-colocated-untrusted', 'layering-agent-on-regulated-pool'].includes(
          finding.ruleId,
        ),
      )
      .map((finding) => ({
        rule: finding.ruleId,
        at: `${finding.path}:${formatRange(finding.range)}`,
        workload: finding.workload,
        related: finding.related.map((related) => `${related.path}:${formatRange(related.range)}`),
      }));
    assert.deepEqual(cross, [
      {
        rule: 'layering-agent-on-regulated-pool',
        at: 'node-agents.yaml:45:11-45:27',
        workload: 'DaemonSet/apps/fluent-bit',
        related: ['dedicated-regulated.yaml:3:7-3:17'],
      },
      {
        rule: 'layering-colocated-untrusted',
        at: 'payments-shared.yaml:2:7-2:17',
        workload: 'Deployment/payments/api',
        related: [
          'gitlab-runner.yaml:2:7-2:17',
          'legacy-vm-container.yaml:2:7-2:18',
          'pytorch-training.yaml:2:7-2:17',
          'tenant-notebooks.yaml:3:7-3:10',
        ],
      },
    ]);
  });

  it('reports nothing for the isolated tenant and the dedicated regulated workload', () => {
    const quiet = report.findings.filter(
      (finding) =>
        finding.ruleId.startsWith('layering-') &&
        ['Deployment/tenant-globex/runner', 'Deployment/health/records'].includes(
          finding.workload ?? '',
        ),
    );
    assert.deepEqual(quiet, []);
  });

  it('names an undefined RuntimeClass, with the defined ones as related locations', () => {
    const text = fixture('isolated-tenant.yaml').replace(
      'runtimeClassName: sandboxed',
      'runtimeClassName: gvisor',
    );
    const found = analyze([{ path: 't.yaml', text }]).findings.filter(
      (finding) => finding.ruleId === 'layering-unknown-runtime-class',
    );
    assert.deepEqual(
      found.map((finding) => [
        formatRange(finding.range),
        finding.related.map((r) => formatRange(r.range)),
      ]),
      [['24:25-24:31', ['5:9-5:18']]],
    );
  });

  it('prints a short text summary per workload', () => {
    assert.deepEqual(formatLayeringSummary(report, 'payments-shared.yaml'), [
      'Deployment/payments/api  regulated, service · shared kernel · shared nodes · baseline → ' +
        'dedicated nodes, restricted',
      '  regulated: label compliance: pci-dss names PCI (line 8)',
      '  service: kind Deployment keeps its pods running (line 2)',
    ]);
    assert.deepEqual(formatLayeringSummary(report, 'kubevirt-container-vm.yaml'), [
      'VirtualMachine/web/web-vm  service · vm kernel · shared nodes · no pod spec → a ' +
        'container (shared kernel)',
      '  service: its guest only starts containers (podman run -d -p 80:80 ' +
        'docker.io/library/nginx:1.27) (line 29)',
    ]);
    assert.deepEqual(formatLayeringSummary(report, 'other.yaml'), []);
  });

  it('keys cached results by the layering options', () => {
    const analyzer = new Analyzer();
    const file = [{ path: 'p.yaml', text: fixture('payments-shared.yaml') }];
    assert.deepEqual(analyzer.analyze(file).workloads[0]?.roles, ['regulated', 'service']);
    const mapped = {
      layering: { roles: [{ roles: ['batch' as const], namespaces: ['payments'] }] },
    };
    assert.deepEqual(analyzer.analyze(file, mapped).workloads[0]?.roles, ['batch']);
    assert.deepEqual(analyzer.analyze(file).workloads[0]?.roles, ['regulated', 'service']);
  });
});
