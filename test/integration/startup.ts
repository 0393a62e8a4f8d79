// Entry of the start-up part of the real-editor suite, run on workspace-startup/ (whose
// settings turn layerwise.scanOnStartup on). It runs startup/*.test.js, then reloads the window;
// code-server reloads the page, and the new extension host runs this entry again, which then
// runs after-reload/*.test.js. A file in the workspace tells the two runs apart.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { hasBrowserRunner } from './helpers/browser.js';
import { checkCounts, reportCounts, runTestFolder } from './helpers/run-mocha.js';

/** Runs the part of the suite for this page load; rejects when a test failed. */
export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the start-up suite runs without a workspace folder');
  const reloaded = join(folder.uri.fsPath, '.vscode', 'layerwise-reloaded');

  if (existsSync(reloaded)) {
    const stats = await runTestFolder(join(__dirname, 'after-reload'));
    reportCounts(stats);
    checkCounts(stats);
    return;
  }
  const stats = await runTestFolder(join(__dirname, 'startup'));
  reportCounts(stats);
  checkCounts(stats);
  // Without the browser runner (@vscode/test-electron) nothing would run this entry again.
  if (!hasBrowserRunner()) return;

  writeFileSync(reloaded, `${new Date().toISOString()}\n`);
  await vscode.commands.executeCommand('workbench.action.reloadWindow');
  // The reload ends this extension host; the run goes on in the next one.
  await new Promise<never>(() => undefined);
}
