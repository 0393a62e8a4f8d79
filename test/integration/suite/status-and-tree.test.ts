// The language status item and the Layers tree, read from the workbench's DOM as a person sees
// them (neither is readable through the API). Browser runner only.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { evaluateInWorkbench, hasBrowserRunner } from '../helpers/browser.js';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  waitFor,
  waitForDiagnostics,
} from '../helpers/workspace.js';

const READ_LANGUAGE_STATUS = `() =>
  document.getElementById('status.languageStatus')?.getAttribute('aria-label') ?? ''`;

const READ_LAYERS_ROWS = `() => {
  const pane = [...document.querySelectorAll('.pane')].find(
    (node) => node.querySelector('.pane-header')?.textContent?.includes('Layers'),
  );
  return [...(pane?.querySelectorAll('.monaco-list-row') ?? [])].map(
    (row) => row.getAttribute('aria-label') ?? '',
  );
}`;

describe('status item and tree', () => {
  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    await activateExtension();
  });
  after(async () => {
    if (!hasBrowserRunner()) return;
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('shows the active file’s counts in the language status item', async () => {
    await closeAllEditors();
    const editor = await openWorkspaceFile('diagnostics/privileged-pod.yaml');
    await waitForDiagnostics(editor.document.uri, (all) => all.length === 1);

    const label = await waitFor(
      () => evaluateInWorkbench<string>(READ_LANGUAGE_STATUS),
      (text) => text.includes('Layerwise: 1 error'),
      'the language status item with the file’s count',
    );
    assert.match(label, /Layerwise: 1 error,/);
    assert.match(label, /Workspace: \d+ errors?/);

    const clean = await openWorkspaceFile('admission/namespace.yaml');
    await waitFor(
      () => evaluateInWorkbench<string>(READ_LANGUAGE_STATUS),
      (text) => text.includes('Layerwise: no problems'),
      `the status item of ${clean.document.uri.path}`,
    );
  });

  it('lists the analysed workloads in the Layers view', async () => {
    await openWorkspaceFile('diagnostics/privileged-pod.yaml');
    await vscode.commands.executeCommand('layerwise.layers.focus');

    const rows = await waitFor(
      () => evaluateInWorkbench<string[]>(READ_LAYERS_ROWS),
      (labels) => labels.some((label) => label.startsWith('web, Pod')),
      'the Pod shop/web row in the Layers view',
    );
    const web = rows.find((label) => label.startsWith('web, Pod'))!;
    assert.match(web, /shared kernel/);
    assert.match(web, /privileged/);
    assert.ok(
      rows.some((label) => label.startsWith('Shared nodes')),
      rows.join(' | '),
    );
  });
});
