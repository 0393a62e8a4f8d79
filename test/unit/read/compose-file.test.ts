import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { formatRange } from '../../helpers/rule-tester.js';

describe('compose files', () => {
  it('makes each service a ComposeService workload of the project named in the file', () => {
    const text = 'name: shop\nservices:\n  web:\n    image: nginx\n  db:\n    image: postgres\n';
    const report = analyze([{ path: 'deploy/compose.yaml', text }]);
    assert.deepEqual(
      report.workloads.map((workload) => ({
        id: workload.id,
        kind: workload.kind,
        namespace: workload.namespace,
        range: formatRange(workload.range),
      })),
      [
        {
          id: 'ComposeService/shop/web',
          kind: 'ComposeService',
          namespace: 'shop',
          range: '3:3-3:6',
        },
        {
          id: 'ComposeService/shop/db',
          kind: 'ComposeService',
          namespace: 'shop',
          range: '5:3-5:5',
        },
      ],
    );
    assert.ok(report.findings.every((finding) => finding.workload?.startsWith('ComposeService/')));
  });

  it('takes the project from the folder when the file names none', () => {
    const text = 'services:\n  web:\n    image: nginx\n';
    const [inFolder] = analyze([{ path: 'apps/blog/docker-compose.yml', text }]).workloads;
    const [atRoot] = analyze([{ path: 'compose.yaml', text }]).workloads;
    assert.equal(inFolder?.id, 'ComposeService/blog/web');
    assert.equal(atRoot?.id, 'ComposeService/default/web');
  });

  it('runs no Kubernetes pod check on a service', () => {
    const text = 'services:\n  web:\n    image: nginx\n    user: "101"\n';
    const report = analyze([{ path: 'compose.yaml', text }]);
    assert.deepEqual(report.findings, []);
  });

  it('follows extends in a cycle only so far, and still reports', () => {
    const text = 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n    privileged: true\n';
    const report = analyze([{ path: 'compose.yaml', text }]);
    assert.deepEqual(
      report.findings.filter((finding) => finding.ruleId === 'privileged').map((f) => f.workload),
      ['ComposeService/default/a', 'ComposeService/default/b'],
    );
  });

  it('does not take a top-level services list for compose', () => {
    const text = 'services:\n  - postgres:16\nimage: node:22\n';
    assert.deepEqual(analyze([{ path: 'ci.yml', text }]), { findings: [], workloads: [] });
  });
});
