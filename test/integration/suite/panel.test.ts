import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  evaluateInWebview,
  evaluateInWorkbench,
  hasBrowserRunner,
  takeScreenshot,
} from '../helpers/browser.js';
import {
  activateExtension,
  closeAllEditors,
  copyWorkspaceFile,
  openWorkspaceFile,
  readWorkspaceFile,
  waitFor,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers/workspace.js';

const FIXTURE = 'panel/markup-names.yaml';
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/** What the suite reads from the panel's document. */
interface PanelDom {
  cards: number;
  names: string[];
  activeElements: number;
  summary: string;
}

const READ_PANEL = `() => ({
  cards: document.querySelectorAll('article.card').length,
  names: [...document.querySelectorAll('article.card .name')].map((node) => node.textContent),
  activeElements: document.querySelectorAll('#root img, #root script, #root iframe').length,
  summary: document.querySelector('.summary')?.textContent ?? '',
})`;

/** A function source that clicks the button labelled `label` in the card of `key`. */
function clickInCard(key: string, label: string): string {
  return `() => {
    const card = [...document.querySelectorAll('article.card')].find(
      (node) => node.dataset.key === ${JSON.stringify(key)},
    );
    const button = [...(card?.querySelectorAll('button') ?? [])].find((node) =>
      (node.getAttribute('aria-label') ?? node.textContent).startsWith(${JSON.stringify(label)}),
    );
    button?.click();
    return Boolean(button);
  }`;
}

/** The panel's key of a workload of this test's copy. */
function keyIn(file: string, id: string): string {
  return `${workspaceUri(file).toString()}|${id}`;
}

function readPanel(): Promise<PanelDom> {
  return evaluateInWebview<PanelDom>('article.card', READ_PANEL);
}

describe('layering panel', () => {
  let file: string;

  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    await activateExtension();
  });
  beforeEach(async () => {
    // Each test edits its own copy, so a fix applied by one never shapes the next.
    file = `panel/copy-${Date.now()}.yaml`;
    await copyWorkspaceFile(FIXTURE, file);
    const editor = await openWorkspaceFile(file);
    await waitForDiagnostics(editor.document.uri, (all) => all.length > 0, `findings in ${file}`);
  });
  after(closeAllEditors);

  it('opens, draws the workloads, and shows a markup name as text', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel');
    const dom = await waitFor(readPanel, (value) => value.names.includes(MARKUP_NAME), 'cards');
    const keys = await evaluateInWebview<string[]>(
      'article.card',
      `() => [...document.querySelectorAll('article.card')].map((card) => card.dataset.key)`,
    );
    assert.ok(keys.includes(keyIn(file, `Deployment/payments/${MARKUP_NAME}`)), keys.join(', '));

    assert.ok(dom.names.includes('ci-runner'), dom.names.join(', '));
    assert.equal(dom.activeElements, 0, 'the name became markup');
    assert.match(dom.summary, /workloads/);
    await takeScreenshot('layering-panel');
  });

  it('selects the workload a CodeLens or hover names', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel', 'Job/ci/ci-runner');
    const selected = await waitFor(
      () =>
        evaluateInWebview<string | null>(
          'article.card',
          `() => document.querySelector('article.card[aria-current="true"]')?.dataset.key ?? null`,
        ),
      (key) => key === keyIn(file, 'Job/ci/ci-runner'),
      'the runner of this copy selected',
    );
    assert.equal(selected, keyIn(file, 'Job/ci/ci-runner'));
  });

  it('reveals a workload in the editor', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel');
    await waitFor(readPanel, (value) => value.names.includes('ci-runner'), 'the runner card');
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const clicked = await evaluateInWebview<boolean>(
      'article.card',
      clickInCard(keyIn(file, 'Job/ci/ci-runner'), 'Reveal Job ci/ci-runner in editor'),
    );
    assert.equal(clicked, true);
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (active) => active?.document.uri.toString() === workspaceUri(file).toString(),
      'the copy open in an editor',
    );
    // The runner's `kind` value is on line 20 of the fixture.
    assert.equal(editor?.selection.start.line, 19);
    assert.equal(editor?.document.getText(editor.selection), 'Job');
  });

  it('applies the recorded fix of a finding', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel');
    await waitFor(readPanel, (value) => value.names.includes(MARKUP_NAME), 'the payments card');

    const clicked = await evaluateInWebview<boolean>(
      'article.card',
      clickInCard(
        keyIn(file, `Deployment/payments/${MARKUP_NAME}`),
        'Apply fix: Set privileged to false',
      ),
    );
    assert.equal(clicked, true, 'no "Apply fix: Set privileged to false" button');
    const document = await vscode.workspace.openTextDocument(workspaceUri(file));
    await waitFor(
      () => document.getText(),
      (text) => text.includes('privileged: false'),
      'the fix in the document',
    );
    assert.equal(
      document.getText(),
      (await readWorkspaceFile(FIXTURE)).replace('privileged: true', 'privileged: false'),
    );
  });

  it('follows edits live', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel');
    const before = await waitFor(readPanel, (value) => value.cards > 0, 'cards');
    const document = await vscode.workspace.openTextDocument(workspaceUri(file));
    const edit = new vscode.WorkspaceEdit();
    const extra =
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: added-live\nspec:\n' +
      '  containers:\n    - name: app\n      image: nginx:1.27\n';
    edit.insert(document.uri, document.positionAt(document.getText().length), extra);
    await vscode.workspace.applyEdit(edit);

    const after = await waitFor(
      readPanel,
      (value) => value.names.includes('added-live'),
      'the new workload drawn',
    );
    assert.equal(after.cards, before.cards + 1);
  });

  it('keeps its filter when the webview reloads', async () => {
    await vscode.commands.executeCommand('layerwise.openPanel');
    await waitFor(readPanel, (value) => value.names.includes('ci-runner'), 'the runner card');
    await evaluateInWebview<boolean>(
      'article.card',
      `() => {
        const input = document.querySelector('input.filter');
        input.value = 'ci-runner';
        input.dispatchEvent(new Event('input'));
        window.loadedBeforeReload = true;
        return true;
      }`,
    );
    await waitFor(readPanel, (value) => !value.names.includes(MARKUP_NAME), 'the filter applied');

    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    const reloaded = await waitFor(
      () =>
        evaluateInWebview<{ filter: string; names: string[]; fresh: boolean }>(
          'article.card',
          `() => ({
            fresh: window.loadedBeforeReload === undefined,
            filter: document.querySelector('input.filter').value,
            names: [...document.querySelectorAll('article.card .name')].map((n) => n.textContent),
          })`,
        ),
      (value) => value.fresh && value.filter === 'ci-runner',
      'a reloaded page with the filter restored',
    );
    assert.ok(!reloaded.names.includes(MARKUP_NAME), reloaded.names.join(', '));
    await evaluateInWebview<boolean>(
      'article.card',
      `() => {
        const input = document.querySelector('input.filter');
        input.value = '';
        input.dispatchEvent(new Event('input'));
        return true;
      }`,
    );
  });

  it('exports a self-contained, escaped HTML report and an SVG', async () => {
    const html = workspaceUri('panel/exported.html');
    const svg = workspaceUri('panel/exported.svg');
    await vscode.commands.executeCommand('layerwise.exportReport', 'html', html);
    await vscode.commands.executeCommand('layerwise.exportReport', 'svg', svg);

    const htmlText = Buffer.from(await vscode.workspace.fs.readFile(html)).toString('utf8');
    assert.ok(htmlText.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!htmlText.includes(MARKUP_NAME));
    // Markup of the file shows only escaped; the report has no script or resource of its own.
    assert.doesNotMatch(htmlText, /<script|<img|<link|\shref=/);
    const svgText = Buffer.from(await vscode.workspace.fs.readFile(svg)).toString('utf8');
    assert.match(svgText, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svgText.includes('ci-runner'));
  });
});

describe('side view', () => {
  before(async function () {
    if (!hasBrowserRunner()) this.skip();
    await activateExtension();
    const editor = await openWorkspaceFile(FIXTURE);
    await waitForDiagnostics(
      editor.document.uri,
      (all) => all.length > 0,
      `findings in ${FIXTURE}`,
    );
  });
  after(closeAllEditors);

  it('lists node pools, then workloads, in the Layerwise container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.layerwise');
    const rows = await waitFor(
      () =>
        evaluateInWorkbench<string[]>(
          `() => [...document.querySelectorAll('.sidebar .monaco-list-row')].map(
            (row) => row.getAttribute('aria-label') ?? '')`,
        ),
      (labels) => labels.some((label) => label.startsWith('ci-runner, Job')),
      'the runner row',
    );
    assert.ok(
      rows.some((label) => label.startsWith('Shared nodes')),
      rows.join(' | '),
    );
    const payments = `${MARKUP_NAME}, Deployment · shared kernel · privileged`;
    assert.ok(rows.includes(payments), rows.join(' | '));
    await takeScreenshot('side-view');
  });
});
