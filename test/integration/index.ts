// Entry of the real-editor suite: VS Code's extension host `require`s the bundle built from this
// file and awaits `run()`. It runs every bundled suite/*.test.js with mocha.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { SUMMARY_MARKER } from './helpers/markers.js';

/** Runs the suite; rejects when a test failed, so the runner exits non-zero. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    reporter: 'spec',
  });
  const grep = process.env.LAYERWISE_TEST_GREP;
  if (grep) mocha.grep(grep);

  const folder = join(__dirname, 'suite');
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(join(folder, name));

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
  });
  const pending = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
  const summary = `${stats.passes} passed, ${stats.failures} failed${pending}`;
  console.log(`${SUMMARY_MARKER} ${summary}`);
  // The @vscode/test-electron runner reads the counts from here.
  const summaryFile = process.env.LAYERWISE_SUMMARY_FILE;
  if (summaryFile) writeFileSync(summaryFile, `${summary}\n`);

  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
