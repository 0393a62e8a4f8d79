import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_RESOURCE_SETTINGS,
  mergeOptions,
  readResourceSettings,
  readWindowSettings,
} from '../../../src/extension/settings-model.js';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readResourceSettings', () => {
  it('fills in defaults for missing values', () => {
    assert.deepEqual(readResourceSettings(reader({})), DEFAULT_RESOURCE_SETTINGS);
  });

  it('keeps defaults for values of the wrong type and drops bad rule levels', () => {
    const settings = readResourceSettings(
      reader({
        profile: 'strict',
        pssVersion: 3,
        rules: { privileged: 'warning', 'host-ports': 'loud', 'run-as-root': 'off' },
        maxFileSize: -1,
        'layering.fixes.toleration': { operator: 'Exists' },
        'layering.fixes.nodeSelector': { pool: 'regulated', size: 3 },
      }),
    );
    assert.equal(settings.profile, 'restricted');
    assert.equal(settings.pssVersion, 'latest');
    assert.deepEqual(settings.rules, { privileged: 'warning', 'run-as-root': 'off' });
    assert.equal(settings.maxFileSize, DEFAULT_RESOURCE_SETTINGS.maxFileSize);
    assert.equal(settings.fixToleration, null);
    assert.deepEqual(settings.fixNodeSelector, { pool: 'regulated' });
  });

  it('reads the window settings, allowing no debounce', () => {
    assert.deepEqual(readWindowSettings(reader({ debounceMs: 0, scanOnStartup: true })), {
      debounceMs: 0,
      scanOnStartup: true,
    });
  });
});

describe('mergeOptions', () => {
  const settings = readResourceSettings(
    reader({
      profile: 'baseline',
      pssVersion: 'v1.30',
      rules: { privileged: 'warning', 'host-ports': 'off' },
      'layering.sandboxRuntimeClasses': ['secure'],
      'layering.fixes.runtimeClassName': 'kata',
      'layering.fixes.nodeSelector': { pool: 'regulated' },
      'layering.fixes.toleration': { key: 'dedicated', value: 'regulated', effect: 'NoSchedule' },
    }),
  );

  it('turns settings into analysis options', () => {
    assert.deepEqual(mergeOptions(settings, undefined), {
      profile: 'baseline',
      pssVersion: 'v1.30',
      rules: { privileged: 'warning', 'host-ports': 'off' },
      layering: {
        sandboxRuntimeClasses: ['secure'],
        fixes: {
          runtimeClassName: 'kata',
          nodeSelector: { pool: 'regulated' },
          toleration: { key: 'dedicated', value: 'regulated', effect: 'NoSchedule' },
        },
      },
    });
  });

  it('lets .layerwise.yaml win value by value, rules per id', () => {
    const merged = mergeOptions(settings, {
      profile: 'restricted',
      rules: { privileged: 'error' },
      layering: { poolLabelKeys: ['example.com/pool'], fixes: { runtimeClassName: 'gvisor' } },
    });
    assert.equal(merged.profile, 'restricted');
    assert.equal(merged.pssVersion, 'v1.30');
    assert.deepEqual(merged.rules, { privileged: 'error', 'host-ports': 'off' });
    assert.deepEqual(merged.layering?.sandboxRuntimeClasses, ['secure']);
    assert.deepEqual(merged.layering?.poolLabelKeys, ['example.com/pool']);
    assert.equal(merged.layering?.fixes?.runtimeClassName, 'gvisor');
    assert.deepEqual(merged.layering?.fixes?.nodeSelector, { pool: 'regulated' });
  });
});
