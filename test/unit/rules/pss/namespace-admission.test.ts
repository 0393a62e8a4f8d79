import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type AnalyzeOptions } from '../../../../src/core/analyze.js';
import { formatRange } from '../../../helpers/rule-tester.js';

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
${labels}
`;

/** Runs as root at container level (run-as-user, 1.23+) and adds NET_RAW (baseline). */
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: prod}
spec:
  template:
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: app
          image: nginx
          securityContext:
            allowPrivilegeEscalation: false
            runAsUser: 0
            capabilities: {drop: [ALL], add: [NET_RAW]}
`;

function findings(labels: string, options: AnalyzeOptions = {}, workload = deployment) {
  const report = analyze(
    [
      { path: 'ns.yaml', text: namespace(labels) },
      { path: 'web.yaml', text: workload },
    ],
    options,
  );
  return report.findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    range: formatRange(finding.range),
    message: finding.message,
    related: finding.related.map((related) => `${related.path} ${formatRange(related.range)}`),
  }));
}

const enforce = (level: string, version?: string) =>
  `    pod-security.kubernetes.io/enforce: ${level}` +
  (version ? `\n    pod-security.kubernetes.io/enforce-version: ${version}` : '');

describe('namespace admission', () => {
  it('leaves findings alone without enforce labels', () => {
    const result = findings('    team: web');
    assert.deepEqual(
      result.map((finding) => [finding.rule, finding.severity, finding.related.length]),
      [
        ['run-as-user', 'warning', 0],
        ['capabilities-baseline', 'error', 0],
      ],
    );
  });

  it('turns restricted findings into errors that point at the enforce label', () => {
    const result = findings(enforce('restricted'));
    assert.deepEqual(result, [
      {
        rule: 'run-as-user',
        severity: 'error',
        range: '13:13-13:25',
        message:
          'Running as Non-root user: the container "app" sets runAsUser=0, which runs as root. ' +
          'Namespace "prod" enforces restricted (latest), so admission would reject this workload.',
        related: ['ns.yaml 6:5-6:51'],
      },
      {
        rule: 'capabilities-baseline',
        severity: 'error',
        range: '14:47-14:54',
        message:
          'Capabilities: container "app" adds NET_RAW, which is outside the default set and ' +
          'widens what it can do to the node\'s kernel. Namespace "prod" enforces restricted ' +
          '(latest), so admission would reject this workload.',
        related: ['ns.yaml 6:5-6:51'],
      },
    ]);
  });

  it('keeps restricted findings of a restricted namespace under the baseline profile', () => {
    const result = findings(enforce('restricted'), { profile: 'baseline' });
    assert.deepEqual(
      result.map((finding) => finding.rule),
      ['run-as-user', 'capabilities-baseline'],
    );
  });

  it('a baseline namespace makes baseline findings errors and leaves restricted ones', () => {
    const result = findings(enforce('baseline'), { rules: { 'capabilities-baseline': 'info' } });
    assert.deepEqual(
      result.map((finding) => [finding.rule, finding.severity, finding.related.length]),
      [
        ['run-as-user', 'warning', 0],
        ['capabilities-baseline', 'error', 1],
      ],
    );
  });

  it('privileged enforcement leaves severities as configured', () => {
    const result = findings(enforce('privileged'), { rules: { 'capabilities-baseline': 'info' } });
    assert.deepEqual(
      result.map((finding) => [finding.rule, finding.severity, finding.related.length]),
      [
        ['run-as-user', 'warning', 0],
        ['capabilities-baseline', 'info', 0],
      ],
    );
  });

  it("checks the namespace's workloads at the namespace's version", () => {
    // run-as-user exists from 1.23: pinned to v1.22, admission would take the root user.
    const pinned = findings(enforce('restricted', 'v1.22'));
    assert.deepEqual(
      pinned.map((finding) => [finding.rule, finding.severity]),
      [['capabilities-baseline', 'error']],
    );
    assert.match(pinned[0]?.message ?? '', /enforces restricted \(v1\.22\)/);

    // The other way round: configured v1.22, the namespace at latest brings run-as-user back.
    const newer = findings(enforce('restricted', 'latest'), { pssVersion: 'v1.22' });
    assert.deepEqual(
      newer.map((finding) => [finding.rule, finding.severity]),
      [
        ['run-as-user', 'error'],
        ['capabilities-baseline', 'error'],
      ],
    );
  });

  it('reads an unknown level as restricted, as admission fails closed', () => {
    const result = findings('    pod-security.kubernetes.io/enforce: restrictd');
    assert.deepEqual(
      result.map((finding) => [finding.rule, finding.severity]),
      [
        ['run-as-user', 'error'],
        ['capabilities-baseline', 'error'],
      ],
    );
  });

  // From 1.25 Restricted's seccomp check, which replaces Baseline's, lets Windows pods through:
  // a restricted namespace admits this pod, a baseline one rejects it.
  const windows = `apiVersion: v1
kind: Pod
metadata: {name: win, namespace: prod}
spec:
  os: {name: windows}
  securityContext: {runAsNonRoot: true}
  containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      securityContext: {seccompProfile: {type: Unconfined}}
`;

  it('a restricted namespace admits a Windows pod that turns seccomp off, from 1.25', () => {
    assert.deepEqual(findings(enforce('restricted'), {}, windows), []);
    const baseline = findings(enforce('restricted'), { profile: 'baseline' }, windows);
    assert.deepEqual(
      baseline.map((finding) => [finding.rule, finding.severity, finding.related.length]),
      [['seccomp-baseline', 'error', 0]],
    );
    // At 1.24 no Restricted check exempts Windows pods yet.
    const before = findings(enforce('restricted', 'v1.24'), {}, windows);
    assert.deepEqual(
      before.map((finding) => [finding.rule, finding.severity, finding.related.length]),
      [
        ['allow-privilege-escalation', 'error', 1],
        ['capabilities-restricted', 'error', 1],
        ['seccomp-baseline', 'error', 1],
      ],
    );
  });

  it('a baseline namespace rejects that Windows pod whatever the profile', () => {
    for (const profile of ['baseline', 'restricted'] as const) {
      const result = findings(enforce('baseline'), { profile }, windows);
      assert.deepEqual(
        result.map((finding) => [finding.rule, finding.severity, finding.related]),
        [['seccomp-baseline', 'error', ['ns.yaml 6:5-6:49']]],
        profile,
      );
    }
  });

  it('ignores workloads of other namespaces', () => {
    const other = deployment.replace('namespace: prod', 'namespace: dev');
    const result = findings(enforce('restricted'), {}, other);
    assert.deepEqual(
      result.map((finding) => [finding.rule, finding.severity]),
      [
        ['run-as-user', 'warning'],
        ['capabilities-baseline', 'error'],
      ],
    );
  });
});
