// Bundles the real-editor suite: the entries test/integration/index.ts and startup.ts, and each
// *.test.ts of suite/, startup/ and after-reload/, become dist/test/integration/**.js. `vscode`
// comes from the extension host and mocha from the project's node_modules, so both stay outside
// the bundles.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './code-server.mjs';

const SOURCE_DIR = join(PROJECT_ROOT, 'test', 'integration');
export const TESTS_OUT_DIR = join(PROJECT_ROOT, 'dist', 'test', 'integration');
export const TESTS_ENTRY = join(TESTS_OUT_DIR, 'index.js');
/** The entry of the start-up part, run on workspace-startup/ (scan at start-up, reload). */
export const STARTUP_TESTS_ENTRY = join(TESTS_OUT_DIR, 'startup.js');

const TEST_FOLDERS = ['suite', 'startup', 'after-reload'];

/**
 * Copies a fixture folder of test/integration (`workspace` or `workspace-startup`) into
 * `runDir`, so tests may edit and save its files.
 */
export function copyFixtureWorkspace(runDir, fixture = 'workspace') {
  const workspace = join(runDir, fixture);
  cpSync(join(SOURCE_DIR, fixture), workspace, { recursive: true });
  return workspace;
}

/** Builds the suite's bundles; returns the number of test files. */
export async function buildTests() {
  const suites = TEST_FOLDERS.flatMap((folder) =>
    readdirSync(join(SOURCE_DIR, folder))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join(SOURCE_DIR, folder, name)),
  );
  rmSync(TESTS_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: [join(SOURCE_DIR, 'index.ts'), join(SOURCE_DIR, 'startup.ts'), ...suites],
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
  console.log(`built the integration suite (${count} test files) in ${TESTS_OUT_DIR}`);
}
