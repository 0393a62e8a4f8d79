import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from '../helpers/workspace.js';

describe('activation', () => {
  it('loads Layerwise from the development path and activates it', async () => {
    const extension = await activateExtension();

    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];

    assert.equal(folders.length, 1);
    assert.match(folders[0]?.uri.path ?? '', /\/workspace$/);
  });
});
