import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { LayerwiseApi } from '../../../src/extension/extension.js';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  workspaceUri,
} from '../helpers/workspace.js';

// Runs first (files run in name order), before any suite scans the workspace.
describe('activation cost', () => {
  let api: LayerwiseApi;

  before(async () => {
    const extension = await activateExtension();
    api = extension.exports as LayerwiseApi;
  });
  after(closeAllEditors);

  it('analyses no closed file at activation', () => {
    api.index.analyseNow();
    const open = new Set(vscode.workspace.textDocuments.map((document) => String(document.uri)));
    const analysed = api.index.analysedUris().map(String);
    assert.deepEqual(
      analysed.filter((uri) => !open.has(uri)),
      [],
    );
    assert.deepEqual(
      vscode.languages.getDiagnostics(workspaceUri('scan/closed-privileged.yaml')),
      [],
    );
  });

  it('keeps ordinary YAML out of the analysed set', async () => {
    const editor = await openWorkspaceFile('scan/plain.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    api.index.analyseNow();
    assert.equal(api.index.has(editor.document.uri), false);
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
  });
});
