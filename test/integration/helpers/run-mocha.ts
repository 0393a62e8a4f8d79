// Runs the bundled `*.test.js` files of one folder with mocha and writes the closing counts
// the runners read. Shared by the suite's entries (index.ts, startup.ts).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { SUMMARY_MARKER } from './markers.js';

/** Runs every test file of `folder` in name order; resolves with mocha's counts. */
export async function runTestFolder(folder: string): Promise<Mocha.Stats> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    reporter: 'spec',
  });
  const grep = process.env.LAYERWISE_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(join(folder, name));

  return new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
  });
}

/**
 * Prints the counts for the browser runner, which adds up the counts of every part of a run,
 * and writes them where the @vscode/test-electron runner reads them.
 */
export function reportCounts(stats: Mocha.Stats): void {
  const pending = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
  const summary = `${stats.passes} passed, ${stats.failures} failed${pending}`;
  console.log(`${SUMMARY_MARKER} ${summary}`);
  const summaryFile = process.env.LAYERWISE_SUMMARY_FILE;
  if (summaryFile) writeFileSync(summaryFile, `${summary}\n`);
}

/** Rejects when a test failed, so the runner exits non-zero. */
export function checkCounts(stats: Mocha.Stats): void {
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  // With a grep, a part of the run may hold no matching test; the runner checks the total.
  if (stats.passes === 0 && !process.env.LAYERWISE_TEST_GREP) {
    throw new Error('no integration test ran');
  }
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
