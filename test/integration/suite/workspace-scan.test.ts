import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { evaluateInWorkbench, hasBrowserRunner, pressKey } from '../helpers/browser.js';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  readWorkspaceFile,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
  writeWorkspaceFile,
} from '../helpers/workspace.js';

const CLOSED = 'scan/closed-privileged.yaml';
const IGNORED = 'scan/ignored/ignored-privileged.yaml';
const CONFIG = 'scan/.layerwise.yaml';
const OPENED_AFTER_SCAN = 'scan/opened-after-scan.yaml';
const FILTERED = 'scan/filtered/filtered-privileged.yaml';
const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

function privileged(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return diagnostics.find((diagnostic) => codeOf(diagnostic) === 'privileged');
}

/** Sets a `layerwise.*` setting of the workspace; undefined removes it. */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('layerwise');
  await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Waits until the file has a privileged finding again, or none, as `present` says. */
function waitForPrivileged(relativePath: string, present: boolean): Promise<unknown> {
  return waitForDiagnostics(
    workspaceUri(relativePath),
    (all) => (privileged(all) !== undefined) === present,
    `${present ? 'a' : 'no'} privileged finding in ${relativePath}`,
  );
}

/** The rows of the quick-fix menu the workbench shows. */
function quickFixMenuRows(): Promise<string[]> {
  return evaluateInWorkbench<string[]>(`() =>
    [...document.querySelectorAll('.action-widget .monaco-list-row.action')]
      .map((row) => row.getAttribute('aria-label') || '')`);
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
    for (const key of ['rules', 'include', 'exclude']) await updateSetting(key, undefined);
    await closeAllEditors();
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

  it('offers the quick fixes of a scanned file as soon as it opens', async () => {
    await vscode.commands.executeCommand('layerwise.scanWorkspace');
    const uri = workspaceUri(OPENED_AFTER_SCAN);
    const [finding] = await waitForDiagnostics(uri, (all) => privileged(all) !== undefined);
    const editor = await openWorkspaceFile(OPENED_AFTER_SCAN);

    // No wait: the menu serves the findings the scan recorded for the text on disk.
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        finding!.range,
      )) ?? [];
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Set privileged to false'), titles.join(' | '));
    if (!hasBrowserRunner()) return;

    editor.selection = new vscode.Selection(finding!.range.start, finding!.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    const rows = await waitFor(quickFixMenuRows, (all) => all.length > 0, 'the quick-fix menu');
    await pressKey('Escape');
    assert.ok(rows.includes('Set privileged to false'), rows.join(' | '));
    assert.ok(rows.includes('Disable privileged for this line'), rows.join(' | '));
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

  it('drops a scanned file that layerwise.exclude comes to match, and takes it back', async () => {
    await waitForPrivileged(FILTERED, true);
    await updateSetting('exclude', [...DEFAULT_EXCLUDE, '**/filtered/**']);
    await waitForPrivileged(FILTERED, false);

    await updateSetting('exclude', undefined);
    await waitForPrivileged(FILTERED, true);
  });

  it('drops scanned files that include leaves out, and reads newly included ones', async () => {
    await openWorkspaceFile(OPENED_AFTER_SCAN);
    await updateSetting('include', ['**/Dockerfile']);
    await waitForPrivileged(FILTERED, false);
    // An open file stays analysed whatever the scan's globs say.
    await waitForPrivileged(OPENED_AFTER_SCAN, true);

    await updateSetting('include', ['scan/filtered/*.yaml']);
    await waitForPrivileged(FILTERED, true);
    await updateSetting('include', undefined);
  });

  it('drops a scanned file that the ignore list of .layerwise.yaml comes to match', async () => {
    await waitForPrivileged(FILTERED, true);
    await writeWorkspaceFile(CONFIG, `${originalConfig}  - filtered/**\n`);
    await waitForPrivileged(FILTERED, false);

    await writeWorkspaceFile(CONFIG, originalConfig);
    await waitForPrivileged(FILTERED, true);
  });
});
