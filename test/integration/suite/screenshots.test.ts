// The README's pictures: the workbench on files of examples/, with the layering panel open in
// a light and a dark theme, and the quick-fix menu open on a finding. Browser runner only.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  evaluateInWebview,
  evaluateInWorkbench,
  hasBrowserRunner,
  pressKey,
  takeScreenshot,
} from '../helpers/browser.js';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers/workspace.js';

/** The examples/ files the pictures show, copied into the workspace under showcase/. */
const SHOWCASE = [
  '.layerwise.yaml',
  'platform/namespaces.yaml',
  'platform/runtimeclass-gvisor.yaml',
  'payments/payments-api.yaml',
  'payments/payments-ledger.yaml',
  'tenants/notebook-alice.yaml',
  'tenants/notebook-bob.yaml',
  'ml/train-llm.yaml',
];

const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

async function copyShowcase(examples: vscode.Uri): Promise<void> {
  for (const path of SHOWCASE) {
    const target = workspaceUri(`showcase/${path}`);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, path), target, {
      overwrite: true,
    });
  }
}

async function setTheme(theme: string): Promise<void> {
  const workbench = vscode.workspace.getConfiguration('workbench');
  await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
  await waitFor(
    () =>
      evaluateInWorkbench<string[]>(
        `() => [...(document.querySelector('.monaco-workbench')?.classList ?? [])]`,
      ),
    (classes) => classes.includes(theme.includes('Dark') ? 'vs-dark' : 'vs'),
    `the ${theme} theme`,
  );
}

/** Lays out the picture: a manifest with its findings, the Problems panel, the layering panel. */
async function showPanelBeside(file: string): Promise<void> {
  await closeAllEditors();
  for (const other of SHOWCASE.filter((path) => path.endsWith('.yaml') && !path.startsWith('.'))) {
    await openWorkspaceFile(`showcase/${other}`);
  }
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const editor = await openWorkspaceFile(file);
  await waitForDiagnostics(editor.document.uri, (all) => all.length > 0);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('layerwise.openPanel');
  const cards = await evaluateInWebview<number>(
    'article.card',
    `() => document.querySelectorAll('article.card').length`,
  );
  assert.ok(cards > 0, 'the panel shows no workload card');
}

describe('screenshots', () => {
  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    const extension = await activateExtension();
    await copyShowcase(vscode.Uri.joinPath(extension.extensionUri, 'examples'));
  });
  after(async () => {
    if (!hasBrowserRunner()) return;
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.workspace.fs.delete(workspaceUri('showcase'), { recursive: true });
  });

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`shows the layering panel beside a manifest in the ${name} theme`, async () => {
      await setTheme(theme);
      await showPanelBeside('showcase/payments/payments-api.yaml');
      await takeScreenshot(`panel-${name}`);
    });
  }

  it('shows the quick-fix menu on a finding', async () => {
    await closeAllEditors();
    await setTheme(THEMES.light);
    const editor = await openWorkspaceFile('showcase/tenants/notebook-alice.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (all) =>
      all.some((d) => d.message.includes('shared kernel')),
    );
    const finding = diagnostics.find((d) => d.message.includes('shared kernel'))!;
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);

    // The menu lists what the provider offers for the analysed version: wait for that first.
    await waitFor(
      async () =>
        (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          finding.range,
        )) ?? [],
      (actions) => actions.some((action) => action.title === 'Set runtimeClassName to gvisor'),
      'the runtimeClassName fix',
    );
    const titles = await waitFor(
      async () => {
        await vscode.commands.executeCommand('editor.action.quickFix');
        return evaluateInWorkbench<string[]>(`() =>
          [...document.querySelectorAll('.action-widget .monaco-list-row.action')]
            .map((row) => row.getAttribute('aria-label') || '')`);
      },
      (rows) => rows.includes('Set runtimeClassName to gvisor'),
      'the quick-fix menu with the runtimeClassName fix',
    );
    assert.ok(titles.includes('Disable layering-untrusted-shared-kernel for this line'));
    await takeScreenshot('quick-fix-menu');
    await pressKey('Escape');
  });
});
