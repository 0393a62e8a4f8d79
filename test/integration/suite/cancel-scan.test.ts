import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../src/extension/extension.js';
import { evaluateInWorkbench, hasBrowserRunner } from '../helpers/browser.js';
import {
  activateExtension,
  closeAllEditors,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers/workspace.js';

/** Enough files that a scan takes many batches of reads. */
const COUNT = 1500;
const FOLDER = 'bulk';

function podText(index: number, privileged: boolean): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: bulk-${index}`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      securityContext:',
    `        privileged: ${privileged}`,
    '',
  ].join('\n');
}

function bulkPath(index: number): string {
  return join(workspaceUri(FOLDER).fsPath, `pod-${index}.yaml`);
}

function isBulk(uri: vscode.Uri): boolean {
  return uri.path.includes(`/${FOLDER}/`);
}

/** Waits for the next turn of the event loop, so a scan's reads can go on meanwhile. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether a scan's progress notification is in the workbench. */
const SCAN_NOTIFICATION_SHOWN = `() => [...document.querySelectorAll('.notification-toast')].some(
  (toast) => (toast.textContent || '').includes('scanning the workspace'),
)`;

/**
 * Clicks the Cancel button of the scan's progress notification as soon as there is one, and
 * returns the notification's text; null while there is none.
 */
const CLICK_CANCEL = `() => {
  const toasts = [...document.querySelectorAll('.notification-toast')].filter((toast) =>
    (toast.textContent || '').includes('scanning the workspace'),
  );
  const buttons = toasts.flatMap((toast) => [...toast.querySelectorAll('.monaco-button')]);
  const cancel = buttons.find((button) => (button.textContent || '').trim() === 'Cancel');
  if (!cancel) return null;
  const text = cancel.closest('.notification-toast').textContent;
  cancel.click();
  return text;
}`;

// Runs before any other suite scans the workspace (files run in name order): after a complete
// scan the watchers would read the bulk files as they are created. The scans here read only
// bulk/ (layerwise.include), and the files are deleted afterwards.
describe('workspace scan cancelled', () => {
  let api: LayerwiseApi;

  const scannedBulk = () => api.index.scannedUris().filter(isBulk);
  const diagnosedBulk = () =>
    vscode.languages
      .getDiagnostics()
      .filter(([uri, diagnostics]) => isBulk(uri) && diagnostics.length > 0)
      .map(([uri]) => uri.toString());

  before(async () => {
    api = (await activateExtension()).exports as LayerwiseApi;
    await closeAllEditors();
    await vscode.workspace
      .getConfiguration('layerwise')
      .update('include', [`${FOLDER}/**`], vscode.ConfigurationTarget.Workspace);
    mkdirSync(workspaceUri(FOLDER).fsPath, { recursive: true });
    for (let index = 0; index < COUNT; index++)
      writeFileSync(bulkPath(index), podText(index, true));
  });
  after(async () => {
    await vscode.workspace
      .getConfiguration('layerwise')
      .update('include', undefined, vscode.ConfigurationTarget.Workspace);
    // One by one: the watchers report deleted files, not always the files of a deleted folder.
    for (let index = 0; index < COUNT; index++) unlinkSync(bulkPath(index));
    await waitFor(scannedBulk, (uris) => uris.length === 0, 'the bulk files to leave the set');
    rmSync(workspaceUri(FOLDER).fsPath, { recursive: true, force: true });
    await waitFor(diagnosedBulk, (uris) => uris.length === 0, 'no diagnostics left in bulk/');
  });

  it('stops when its CancellationToken is cancelled and reports the files it read', async () => {
    const source = new vscode.CancellationTokenSource();
    const scan = vscode.commands.executeCommand('layerwise.scanWorkspace', source.token);
    while (scannedBulk().length === 0) await nextTurn();
    source.cancel();
    await scan;

    const read = scannedBulk().map((uri) => uri.toString());
    assert.ok(read.length > 0 && read.length < COUNT, `${read.length} of ${COUNT} files read`);
    const diagnosed = await waitFor(
      diagnosedBulk,
      (uris) => uris.length === read.length,
      `diagnostics for the ${read.length} files read`,
    );
    assert.deepEqual([...diagnosed].sort(), [...read].sort());
  });

  it('follows the files it read as they change, and no others', async () => {
    const read = new Set(scannedBulk().map((uri) => uri.fsPath));
    const readIndex = [...Array(COUNT).keys()].find((index) => read.has(bulkPath(index)))!;
    const unreadIndex = [...Array(COUNT).keys()].find((index) => !read.has(bulkPath(index)))!;

    writeFileSync(bulkPath(unreadIndex), podText(unreadIndex, false));
    writeFileSync(bulkPath(readIndex), podText(readIndex, false));
    await waitForDiagnostics(
      vscode.Uri.file(bulkPath(readIndex)),
      (all) => all.length === 0,
      'the read file followed on disk',
    );
    assert.equal(api.index.has(vscode.Uri.file(bulkPath(unreadIndex))), false);
  });

  it('stops when the Cancel button of its notification is clicked', async function () {
    if (!hasBrowserRunner()) this.skip();
    // The notification of the scan cancelled above may still be closing; a click on its
    // Cancel would miss the new scan (CI saw it read all files).
    await waitFor(
      () => evaluateInWorkbench<boolean>(SCAN_NOTIFICATION_SHOWN),
      (shown) => !shown,
      'the previous scan notification to close',
    );
    const before = scannedBulk().length;
    const scan = vscode.commands.executeCommand('layerwise.scanWorkspace');
    // Clicked while the scan still looks for files or reads them: both take a while for
    // 1500 files, longer than the runner's round trip to the page.
    const notification = await waitFor(
      () => evaluateInWorkbench<string | null>(CLICK_CANCEL),
      (text) => text !== null,
      'the Cancel button of the scan notification',
    );
    await scan;

    const after = scannedBulk().length;
    const read = `${after} of ${COUNT} files read; clicked at "${notification}"`;
    assert.ok(after >= before && after < COUNT, read);
    await waitFor(
      diagnosedBulk,
      (uris) => uris.length === after - 1, // the file the previous test fixed has none
      `diagnostics for the ${after} files read`,
    );
  });
});
