import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  copyWorkspaceFile,
  openWorkspaceFile,
  readWorkspaceFile,
  waitFor,
  waitForDiagnostics,
} from '../helpers/workspace.js';

describe('fix all on a save right after typing', () => {
  const target = vscode.ConfigurationTarget.Workspace;
  before(activateExtension);
  after(async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', undefined, target);
    await vscode.workspace.getConfiguration('layerwise').update('debounceMs', undefined, target);
    await closeAllEditors();
  });

  it('runs the pending analysis instead of fixing nothing', async () => {
    const path = 'fixes/quick-save.yaml';
    const original = await copyWorkspaceFile('fixes/fix-all.yaml', path);
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', { 'source.fixAll.layerwise': 'explicit' }, target);
    // A long typing pause, so the save surely comes before the analysis of the edit.
    await vscode.workspace.getConfiguration('layerwise').update('debounceMs', 10_000, target);
    const editor = await openWorkspaceFile(path);
    await waitForDiagnostics(editor.document.uri, (all) => all.length > 0, `findings in ${path}`);

    const image = editor.document.getText().indexOf('nginx:1.27');
    const range = new vscode.Range(
      editor.document.positionAt(image),
      editor.document.positionAt(image + 'nginx:1.27'.length),
    );
    await editor.edit((edit) => edit.replace(range, 'nginx:1.28'));
    await vscode.commands.executeCommand('workbench.action.files.save');

    const expected = original
      .replace('hostPID: true', 'hostPID: false')
      .replace('privileged: true', 'privileged: false')
      .replace('add: [SYS_ADMIN]', 'add: []')
      .replace('nginx:1.27', 'nginx:1.28');
    assert.notEqual(expected, original.replace('nginx:1.27', 'nginx:1.28'));
    await waitFor(
      () => editor.document.getText(),
      (text) => text === expected && !editor.document.isDirty,
      'the fixed text, saved',
    );
    assert.equal(await readWorkspaceFile(path), expected);
  });
});
