import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { evaluateInWebview, hasBrowserRunner } from '../helpers/browser.js';
import { READ_SELECTED_CARD, SELECTED_WORKLOAD, selectedKey } from '../helpers/reload-panel.js';
import { activateExtension, openWorkspaceFile, waitFor } from '../helpers/workspace.js';

// Runs last before the window reloads: the panel it leaves open, with a workload selected, is
// what after-reload/ expects VS Code to restore.
describe('layering panel before a window reload', () => {
  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    await activateExtension();
  });

  it('shows the workspace with a workload selected', async () => {
    await openWorkspaceFile(SELECTED_WORKLOAD.file);
    await vscode.commands.executeCommand('layerwise.openPanel', SELECTED_WORKLOAD.id);
    const selected = await waitFor(
      () => evaluateInWebview<string | null>('article.card', READ_SELECTED_CARD),
      (key) => key === selectedKey(),
      'the selected card',
    );
    assert.equal(selected, selectedKey());
  });
});
