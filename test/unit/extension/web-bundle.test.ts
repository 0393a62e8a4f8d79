import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

describe('the browser bundle', () => {
  it('needs no module but vscode, so it loads in VS Code for the Web', async () => {
    const result = await build({
      entryPoints: ['src/extension/extension.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      logLevel: 'silent',
      metafile: true,
    });
    const [output] = result.outputFiles;
    assert.ok(output);
    const required = [...output.text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map(
      (match) => match[1],
    );
    assert.deepEqual([...new Set(required)], ['vscode']);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/extension/extension.ts'));
    assert.ok(!inputs.some((input) => input.startsWith('src/cli/')), 'no CLI code in it');
  });
});
