import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../../src/core/config/parse-config.js';
import { configInvalid } from '../../../../src/core/rules/general/config-invalid.js';
import { formatRange } from '../../../helpers/rule-tester.js';

/** The config-invalid findings of a configuration, as `range message`, 1-based. */
function check(text: string): string[] {
  return parseConfig('.layerwise.yaml', text)
    .findings.filter((finding) => finding.ruleId === configInvalid.meta.id)
    .map((finding) => `${formatRange(finding.range)} ${finding.message}`);
}

describe('config-invalid', () => {
  it('accepts valid settings', () => {
    assert.deepEqual(check('profile: restricted\nrules: {privileged: off}\nignore: [a/**]\n'), []);
  });

  it('reports an unknown key at the key', () => {
    assert.deepEqual(check('profil: baseline\n'), [
      '1:1-1:7 Unknown setting "profil"; expected one of: profile, pssVersion, rules, ignore, ' +
        'layering.',
    ]);
  });

  it('reports bad values at the value', () => {
    assert.deepEqual(check('profile: strict\npssVersion: "1.30"\n'), [
      '1:10-1:16 "profile" must be one of: baseline, restricted.',
      '2:13-2:19 "pssVersion" must be "latest" or a version like "v1.33".',
    ]);
  });

  it('reports unknown rule ids and bad levels', () => {
    assert.deepEqual(check('rules:\n  privilegd: off\n  privileged: never\n'), [
      '2:3-2:12 There is no rule "privilegd".',
      '3:15-3:20 "rules.privileged" must be one of: error, warning, info, off.',
    ]);
  });

  it('reports a root that is not a mapping', () => {
    assert.deepEqual(check('- profile\n'), [
      '1:1-1:10 The configuration must be a mapping of settings.',
    ]);
  });

  it('reports bad globs and non-string ignore items', () => {
    assert.deepEqual(check('ignore:\n  - /abs/*.yaml\n  - 3\n'), [
      '2:5-2:16 Invalid glob "/abs/*.yaml": it must be relative to the configuration folder.',
      '3:5-3:6 "ignore[]" must be a string.',
    ]);
  });

  it('validates the layering section field by field', () => {
    const text = `layering:
  sandboxRuntimeClasses: gvisor
  roles:
    - namespaces: [payments]
    - roles: [regulated, trusted]
  fixes:
    toleration: {operator: Sometimes}
  pools: {}
`;
    assert.deepEqual(check(text), [
      '2:26-2:32 "layering.sandboxRuntimeClasses" must be a list of strings.',
      '4:7-4:29 "roles" is required here.',
      '5:26-5:33 "roles[]" must be one of: regulated, untrusted, gpu-training, gpu-inference, ' +
        'full-os, node-agent, stateful, batch, service.',
      '7:17-7:38 "key" is required here.',
      '7:28-7:37 "toleration.operator" must be one of: Equal, Exists.',
      '8:3-8:8 Unknown setting "pools"; expected one of: sandboxRuntimeClasses, poolLabelKeys, ' +
        'roles, fixes.',
    ]);
  });
});
