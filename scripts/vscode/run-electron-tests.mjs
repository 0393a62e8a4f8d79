// Runs the real-editor suite in desktop VS Code through @vscode/test-electron, which downloads
// VS Code on first use (into .vscode-test/): for machines that can reach Microsoft's servers.
// On Linux without a display, run it under xvfb-run. Set LAYERWISE_VSCODE_VERSION to pin one.
// Both parts run: the suite, and the start-up part without its window reload (only the browser
// runner can follow a reload), each in a VS Code of its own.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import {
  STARTUP_TESTS_ENTRY,
  TESTS_ENTRY,
  buildTests,
  copyFixtureWorkspace,
} from './build-tests.mjs';
import { PROJECT_ROOT } from './code-server.mjs';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });

const PARTS = [
  { name: 'suite', fixture: 'workspace', entry: TESTS_ENTRY },
  { name: 'start-up', fixture: 'workspace-startup', entry: STARTUP_TESTS_ENTRY },
];

async function main() {
  await buildTests();
  const runDir = mkdtempSync(join(tmpdir(), 'layerwise-electron-'));
  const total = { passed: 0, failed: 0, skipped: 0 };
  let failedParts = 0;
  for (const part of PARTS) {
    const counts = await runPart(runDir, part);
    if (!counts) {
      failedParts += 1;
      continue;
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  rmSync(runDir, { recursive: true, force: true });

  if (total.failed === 0 && failedParts > 0) total.failed = failedParts;
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
}

/** Runs one part; returns its counts, or undefined when it failed without reporting them. */
async function runPart(runDir, part) {
  const workspace = copyFixtureWorkspace(runDir, part.fixture);
  const summaryFile = join(runDir, `summary-${part.name}.txt`);
  let exitCode = 1;
  try {
    exitCode = await runTests({
      version: process.env.LAYERWISE_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: PROJECT_ROOT,
      extensionTestsPath: part.entry,
      extensionTestsEnv: { LAYERWISE_SUMMARY_FILE: summaryFile, LAYERWISE_TEST_GREP: options.grep },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(runDir, `user-data-${part.name}`)}`,
      ],
    });
  } catch (error) {
    console.error(`part ${part.name} failed: ${error instanceof Error ? error.message : error}`);
  }
  const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
  const match = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(summary);
  if (!match) return undefined;
  const counts = {
    passed: Number(match[1]),
    failed: Number(match[2]),
    skipped: Number(match[3] ?? 0),
  };
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

await main();
