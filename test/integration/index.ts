// Entry of the real-editor suite: VS Code's extension host `require`s the bundle built from this
// file and awaits `run()`. It runs every bundled suite/*.test.js with mocha.
import { join } from 'node:path';
import { checkCounts, reportCounts, runTestFolder } from './helpers/run-mocha.js';

/** Runs the suite; rejects when a test failed, so the runner exits non-zero. */
export async function run(): Promise<void> {
  const stats = await runTestFolder(join(__dirname, 'suite'));
  reportCounts(stats);
  checkCounts(stats);
}
