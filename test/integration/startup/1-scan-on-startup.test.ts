import * as assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, waitForDiagnostics, workspaceUri } from '../helpers/workspace.js';

const CLOSED = 'closed/privileged-pod.yaml';

function isPrivileged(diagnostic: vscode.Diagnostic): boolean {
  const code = diagnostic.code;
  return (typeof code === 'object' ? code.value : code) === 'privileged';
}

// The workspace's .vscode/settings.json turns layerwise.scanOnStartup on; no test here runs
// the Scan Workspace command.
describe('scan at start-up', () => {
  before(activateExtension);

  it('fills the Problems panel for closed files when layerwise.scanOnStartup is on', async () => {
    assert.equal(vscode.workspace.getConfiguration('layerwise').get('scanOnStartup'), true);
    const uri = workspaceUri(CLOSED);
    const diagnostics = await waitForDiagnostics(
      uri,
      (all) => all.some(isPrivileged),
      'the privileged finding of a file no test opened',
    );
    const open = vscode.workspace.textDocuments.map((document) => document.uri.toString());
    assert.equal(open.includes(uri.toString()), false, 'the file was never opened');
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.range),
      [new vscode.Range(11, 8, 11, 24)],
    );
  });
});
