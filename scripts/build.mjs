// Bundles the extension (Node and browser), the CLI and the panel's script with esbuild.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = [
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The CLI's worker threads load this file from the folder of dist/cli.js.
  {
    ...common,
    entryPoints: ['src/cli/analyze-worker.ts'],
    outfile: 'dist/cli-worker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  // VS Code for the Web runs the same extension in a web worker: no Node API may be bundled.
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/panel.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  { ...common, entryPoints: ['src/webview/panel.css'], outfile: 'dist/webview/panel.css' },
];

async function main() {
  const started = Date.now();
  if (watch) {
    const { context } = await import('esbuild');
    for (const options of targets) await (await context(options)).watch();
    return;
  }
  // A development build's source maps would outlive a production build and describe nothing.
  if (production) for (const { outfile } of targets) rmSync(`${outfile}.map`, { force: true });
  await Promise.all(targets.map((options) => build(options)));
  console.log(`built ${targets.length} bundles in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
