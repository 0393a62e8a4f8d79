import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { evaluateInWebview, hasBrowserRunner } from '../helpers/browser.js';
import { READ_SELECTED_CARD, selectedKey } from '../helpers/reload-panel.js';
import { activateExtension, waitFor } from '../helpers/workspace.js';

const READ_CARD_NAMES = `() =>
  [...document.querySelectorAll('article.card .name')].map((node) => node.textContent)`;

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.endsWith('layerwise.panel'),
    );
}

// Runs in the extension host that the window reload started: nothing here opens the panel, so
// only the serializer can bring it back.
describe('layering panel after a window reload', () => {
  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    await activateExtension();
  });

  it('is restored with the workspace’s workloads and the selection it had', async () => {
    await waitFor(panelTabs, (tabs) => tabs.length === 1, 'one restored panel tab');
    const names = await waitFor(
      () => evaluateInWebview<string[]>('article.card', READ_CARD_NAMES),
      (shown) => ['closed', 'report', 'web'].every((name) => shown.includes(name)),
      'the cards of the workspace',
    );
    assert.equal(names.length, 3, names.join(', '));
    const selected = await evaluateInWebview<string | null>('article.card', READ_SELECTED_CARD);
    assert.equal(selected, selectedKey());
  });
});
