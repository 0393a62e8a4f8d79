// Runs the real-editor suite in desktop VS Code through @vscode/test-electron, which downloads
// VS Code on first use (into .vscode-test/): for machines that can reach Microsoft's servers.
// On Linux without a display, run it under xvfb-run. Set LAYERWISE_VSCODE_VERSION to pin one.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { TESTS_ENTRY, buildTests, copyFixtureWorkspace } from './build-tests.mjs';
import { PROJECT_ROOT } from './code-server.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

async function main() {
  await buildTests();
  const runDir = mkdtempSync(join(tmpdir(), 'layerwise-electron-'));
  const workspace = copyFixtureWorkspace(runDir);
  const summaryFile = join(runDir, 'summary.txt');

  let exitCode = 1;
  try {
    exitCode = await runTests({
      version: process.env.LAYERWISE_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: { LAYERWISE_SUMMARY_FILE: summaryFile, LAYERWISE_TEST_GREP: options.grep },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(runDir, 'user-data')}`,
      ],
    });
  } catch (error) {
    console.error(`the electron run failed: ${error instanceof Error ? error.message : error}`);
  }

  const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').trim() : undefined;
  rmSync(runDir, { recursive: true, force: true });
  console.log(summary ?? '0 passed, 1 failed');
  process.exit(exitCode === 0 ? 0 : 1);
}

await main();
