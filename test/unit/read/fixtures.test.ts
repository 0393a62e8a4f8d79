import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../../src/core/analyze.js';
import { formatRange } from '../../helpers/rule-tester.js';

function analyseFixtures(...paths: string[]) {
  const files = paths.map((path) => ({
    path,
    text: readFileSync(`test/fixtures/${path}`, 'utf8'),
  }));
  return analyze(files);
}

function describeFindings(report: ReturnType<typeof analyze>): string[] {
  return report.findings.map(
    (finding) => `${finding.path} ${formatRange(finding.range)} ${finding.ruleId}`,
  );
}

describe('realistic fixtures', () => {
  it('a web app with a database and a privileged monitoring agent', () => {
    const report = analyseFixtures('compose/web-app/compose.yaml');
    const path = 'compose/web-app/compose.yaml';
    assert.deepEqual(describeFindings(report), [
      `${path} 21:3-21:5 run-as-root`,
      `${path} 28:3-28:19 run-as-root`,
      `${path} 30:5-30:21 privileged`,
      `${path} 31:5-31:14 host-namespaces`,
      `${path} 32:5-32:23 host-namespaces`,
      `${path} 34:9-34:18 capabilities-baseline`,
      `${path} 37:9-37:28 apparmor`,
      `${path} 38:9-38:27 seccomp-baseline`,
      `${path} 40:9-40:53 compose-docker-socket`,
      `${path} 42:9-42:18 compose-host-root-mount`,
      `${path} 46:9-46:28 compose-devices`,
    ]);
    assert.deepEqual(
      report.workloads.map((workload) => workload.id),
      ['ComposeService/shop/web', 'ComposeService/shop/db', 'ComposeService/shop/monitoring-agent'],
    );
    const agent = report.findings.filter(
      (finding) => finding.workload === 'ComposeService/shop/monitoring-agent',
    );
    assert.equal(agent.length, 10);
  });

  it('a clean compose file has nothing to report', () => {
    const report = analyseFixtures('compose/clean/docker-compose.yml');
    assert.deepEqual(describeFindings(report), []);
    assert.equal(report.workloads.length, 2);
  });

  it('a multi-stage Go build that ends in distroless nonroot has nothing to report', () => {
    assert.deepEqual(describeFindings(analyseFixtures('dockerfile/go-distroless/Dockerfile')), []);
  });

  it('an old-style Ubuntu image with sshd and systemd', () => {
    const path = 'dockerfile/ubuntu-legacy/Dockerfile';
    assert.deepEqual(describeFindings(analyseFixtures(path)), [
      `${path} 1:1-1:18 run-as-root`,
      `${path} 8:7-8:21 dockerfile-full-os`,
      `${path} 17:8-17:10 dockerfile-full-os`,
      `${path} 20:6-20:28 dockerfile-full-os`,
    ]);
  });

  it('a Helm chart: the literal privileged: true, nothing templating causes', () => {
    const report = analyseFixtures(
      'helm/web-chart/Chart.yaml',
      'helm/web-chart/values.yaml',
      'helm/web-chart/templates/_helpers.tpl',
      'helm/web-chart/templates/deployment.yaml',
    );
    assert.deepEqual(describeFindings(report), [
      'helm/web-chart/templates/deployment.yaml 39:13-39:29 privileged',
    ]);
    assert.deepEqual(
      report.workloads.map((workload) => workload.id),
      ['Deployment/default/{{ include "web-chart.fullname" . }}'],
    );
  });
});
