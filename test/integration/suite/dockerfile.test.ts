import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  copyWorkspaceFile,
  openWorkspaceFile,
  waitForDiagnostics,
} from '../helpers/workspace.js';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

describe('Dockerfile in the editor', () => {
  before(activateExtension);
  after(async () => {
    await vscode.workspace.saveAll(false);
    await closeAllEditors();
  });

  it('reports root in the final stage and disables it with a hadolint-style pragma', async () => {
    const original = await copyWorkspaceFile('dockerfile/Dockerfile', 'dockerfile/Dockerfile.copy');
    const editor = await openWorkspaceFile('dockerfile/Dockerfile.copy');
    assert.equal(editor.document.languageId, 'dockerfile');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (all) => all.some((diagnostic) => codeOf(diagnostic) === 'run-as-root'),
      'a run-as-root finding',
    );
    const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'run-as-root')!;
    assert.equal(finding.range.start.line, 0);

    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        finding.range,
      )) ?? [];
    const titles = actions.map((action) => action.title);
    assert.ok(!titles.includes('Disable run-as-root for this object'), titles.join(' | '));
    const disable = actions.find((action) => action.title === 'Disable run-as-root for this line');
    assert.ok(disable?.edit, titles.join(' | '));
    assert.equal(await vscode.workspace.applyEdit(disable.edit), true);

    assert.equal(editor.document.getText(), `# layerwise ignore=run-as-root\n${original}`);
    await waitForDiagnostics(
      editor.document.uri,
      (all) => !all.some((diagnostic) => codeOf(diagnostic) === 'run-as-root'),
      'no run-as-root finding after the pragma',
    );
  });
});
