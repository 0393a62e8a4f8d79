import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { formatRange } from '../../helpers/rule-tester.js';

describe('parseConfig', () => {
  it('reads every setting', () => {
    const config = parseConfig(
      '.layerwise.yaml',
      `# platform team settings
profile: baseline
pssVersion: v1.31
rules:
  privileged: warning
  suppression-reason: off
ignore:
  - vendor/**
  - "**/generated/*.yaml"
layering:
  sandboxRuntimeClasses: [gvisor, kata-qemu]
  poolLabelKeys: [example.com/pool]
  roles:
    - roles: [regulated]
      namespaces: [payments]
    - roles: [gpu-training, batch]
      matchLabels: {team: ml}
  fixes:
    runtimeClassName: gvisor
    nodeSelector: {example.com/pool: sandbox}
    toleration: {key: sandbox, operator: Exists, effect: NoSchedule}
`,
    );
    assert.deepEqual(config.findings, []);
    assert.deepEqual(config.ignore, ['vendor/**', '**/generated/*.yaml']);
    assert.deepEqual(config.options, {
      profile: 'baseline',
      pssVersion: 'v1.31',
      rules: { privileged: 'warning', 'suppression-reason': 'off' },
      layering: {
        sandboxRuntimeClasses: ['gvisor', 'kata-qemu'],
        poolLabelKeys: ['example.com/pool'],
        roles: [
          { roles: ['regulated'], namespaces: ['payments'] },
          { roles: ['gpu-training', 'batch'], matchLabels: { team: 'ml' } },
        ],
        fixes: {
          runtimeClassName: 'gvisor',
          nodeSelector: { 'example.com/pool': 'sandbox' },
          toleration: { key: 'sandbox', operator: 'Exists', effect: 'NoSchedule' },
        },
      },
    });
  });

  it('reads an empty file or one with only comments as no settings', () => {
    for (const text of ['', '# nothing yet\n', '~\n']) {
      assert.deepEqual(parseConfig('.layerwise.yaml', text), {
        options: {},
        ignore: [],
        findings: [],
      });
    }
  });

  it('keeps the good settings when one is bad', () => {
    const config = parseConfig('.layerwise.yaml', 'profile: strict\npssVersion: latest\n');
    assert.deepEqual(config.options, { pssVersion: 'latest' });
    assert.deepEqual(
      config.findings.map((finding) => finding.ruleId),
      ['config-invalid'],
    );
  });

  it('reports syntax errors as yaml-syntax findings and still reads what it can', () => {
    const config = parseConfig('.layerwise.yaml', 'pssVersion: v1.30\nprofile: [baseline\n');
    assert.deepEqual(config.options, { pssVersion: 'v1.30' });
    assert.deepEqual(
      config.findings.map((finding) => `${finding.ruleId} ${formatRange(finding.range)}`),
      ['config-invalid 2:10-2:19', 'yaml-syntax 3:1-3:2'],
    );
  });
});
