// Bundles the real-editor suite: test/integration/index.ts and each suite/*.test.ts become
// dist/test/integration/**.js. `vscode` comes from the extension host and mocha from the
// project's node_modules, so both stay outside the bundles.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './code-server.mjs';

const SOURCE_DIR = join(PROJECT_ROOT, 'test', 'integration');
export const TESTS_OUT_DIR = join(PROJECT_ROOT, 'dist', 'test', 'integration');
export const TESTS_ENTRY = join(TESTS_OUT_DIR, 'index.js');

/** Copies test/integration/workspace into `runDir`, so tests may edit and save its files. */
export function copyFixtureWorkspace(runDir) {
  const workspace = join(runDir, 'workspace');
  cpSync(join(SOURCE_DIR, 'workspace'), workspace, { recursive: true });
  return workspace;
}

/** Builds the suite's bundles; returns the number of suite files. */
export async function buildTests() {
  const suites = readdirSync(join(SOURCE_DIR, 'suite'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(SOURCE_DIR, 'suite', name));
  rmSync(TESTS_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: [join(SOURCE_DIR, 'index.ts'), ...suites],
    outbase: SOURCE_DIR,
    outdir: TESTS_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return suites.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = await buildTests();
  console.log(`built the integration suite (${count} suite files) in ${TESTS_OUT_DIR}`);
}
