import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  readWorkspaceFile,
  waitForDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
} from '../helpers/workspace.js';

const CLOSED = 'scan/closed-privileged.yaml';
const IGNORED = 'scan/ignored/ignored-privileged.yaml';
const CONFIG = 'scan/.layerwise.yaml';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

function privileged(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return diagnostics.find((diagnostic) => codeOf(diagnostic) === 'privileged');
}

// Runs last (files run in name order): after the scan every workspace file stays analysed.
// That no closed file is read before a scan is checked by activation-cost.test.ts.
describe('workspace scan and .layerwise.yaml', () => {
  let originalConfig: string;

  before(async () => {
    await activateExtension();
    await closeAllEditors();
    originalConfig = await readWorkspaceFile(CONFIG);
  });
  after(async () => {
    await writeWorkspaceFile(CONFIG, originalConfig);
    await vscode.workspace
      .getConfiguration('layerwise')
      .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('fills the Problems panel for closed files, leaving out ignored ones', async () => {
    await vscode.commands.executeCommand('layerwise.scanWorkspace');
    const diagnostics = await waitForDiagnostics(
      workspaceUri(CLOSED),
      (all) => privileged(all) !== undefined,
      'the privileged finding of a file that was never opened',
    );
    assert.equal(diagnostics.length, 1, 'Baseline from scan/.layerwise.yaml: only privileged');
    assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri(IGNORED)), []);
  });

  it('lets .layerwise.yaml win over the settings', async () => {
    const uri = workspaceUri(CLOSED);
    await vscode.workspace
      .getConfiguration('layerwise')
      .update('rules', { privileged: 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (all) => privileged(all)?.severity === vscode.DiagnosticSeverity.Warning,
      'privileged as the settings say',
    );

    await writeWorkspaceFile(CONFIG, `${originalConfig}rules:\n  privileged: info\n`);
    await waitForDiagnostics(
      uri,
      (all) => privileged(all)?.severity === vscode.DiagnosticSeverity.Information,
      'privileged as .layerwise.yaml says, though the settings say warning',
    );
  });

  it('reports a bad setting of .layerwise.yaml at its key', async () => {
    await writeWorkspaceFile(CONFIG, `${originalConfig}colour: blue\n`);
    const diagnostics = await waitForDiagnostics(
      workspaceUri(CONFIG),
      (all) => all.some((diagnostic) => codeOf(diagnostic) === 'config-invalid'),
      'a config-invalid finding',
    );
    const invalid = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'config-invalid');
    assert.equal(invalid?.range.start.line, originalConfig.split('\n').length - 1);
  });

  it('follows a scanned file that changes on disk while closed', async () => {
    const text = await readWorkspaceFile(CLOSED);
    await writeWorkspaceFile(CLOSED, text.replace('privileged: true', 'privileged: false'));
    await waitForDiagnostics(
      workspaceUri(CLOSED),
      (all) => privileged(all) === undefined,
      'no privileged finding once the file says false',
    );
  });
});
