import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { ConfigTable } from '../../../src/extension/config-lookup.js';

const config = (text: string) => parseConfig('.layerwise.yaml', text);

describe('ConfigTable', () => {
  const table = new ConfigTable();
  table.set('file:///work/.layerwise.yaml', config('profile: baseline\nignore: [vendor/**]\n'));
  table.set('file:///work/apps/team%20a/.layerwise.yaml', config('profile: restricted\n'));

  it('finds the nearest config in the folder or above', () => {
    assert.equal(table.lookup('file:///work/deploy/a.yaml').options?.profile, 'baseline');
    assert.equal(table.lookup('file:///work/apps/team%20a/b.yaml').options?.profile, 'restricted');
    assert.equal(table.lookup('file:///work/apps/c.yaml').options?.profile, 'baseline');
    assert.deepEqual(table.lookup('file:///elsewhere/d.yaml'), {
      options: undefined,
      ignored: false,
    });
  });

  it('applies ignore globs relative to the config folder', () => {
    assert.equal(table.lookup('file:///work/vendor/chart/e.yaml').ignored, true);
    assert.equal(table.lookup('file:///work/deploy/vendor/e.yaml').ignored, false);
  });

  it('works for virtual workspace schemes and forgets deleted configs', () => {
    const virtual = new ConfigTable();
    virtual.set('vscode-vfs://github/org/repo/.layerwise.yaml', config('profile: baseline\n'));
    assert.equal(
      virtual.lookup('vscode-vfs://github/org/repo/k8s/f.yaml').options?.profile,
      'baseline',
    );
    virtual.delete('vscode-vfs://github/org/repo/.layerwise.yaml');
    assert.equal(virtual.lookup('vscode-vfs://github/org/repo/k8s/f.yaml').options, undefined);
  });
});
