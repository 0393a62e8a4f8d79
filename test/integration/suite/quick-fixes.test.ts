import * as assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  copyWorkspaceFile,
  openWorkspaceFile,
  readWorkspaceFile,
  waitFor,
  writeWorkspaceFile,
  waitForDiagnostics,
} from '../helpers/workspace.js';

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** Waits for the finding of `ruleId` in the editor's file and returns its diagnostic. */
async function findingOf(editor: vscode.TextEditor, ruleId: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(
    editor.document.uri,
    (all) => all.some((diagnostic) => codeOf(diagnostic) === ruleId),
    `a ${ruleId} finding in ${editor.document.uri.path}`,
  );
  return diagnostics.find((diagnostic) => codeOf(diagnostic) === ruleId)!;
}

/** The code actions VS Code's quick-fix menu would list at `range`. */
async function actionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
  );
  return actions ?? [];
}

/**
 * Waits until the menu at the finding offers `title` and returns that action. Actions come
 * from the latest analysis of the open document, which may still be running just after open.
 */
async function actionTitled(
  editor: vscode.TextEditor,
  finding: vscode.Diagnostic,
  title: string,
): Promise<vscode.CodeAction> {
  const actions = await waitFor(
    () => actionsAt(editor.document.uri, finding.range),
    (offered) => offered.some((candidate) => candidate.title === title),
    `the action "${title}"`,
  );
  return actions.find((candidate) => candidate.title === title)!;
}

/** Applies the action titled `title` at the finding, as choosing it in the menu does. */
async function applyAction(
  editor: vscode.TextEditor,
  finding: vscode.Diagnostic,
  title: string,
): Promise<void> {
  const action = await actionTitled(editor, finding, title);
  assert.ok(action.edit, `action "${title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
}

/** Waits until no finding of `ruleId` is left in the file. */
async function waitForNoFinding(uri: vscode.Uri, ruleId: string): Promise<void> {
  await waitForDiagnostics(
    uri,
    (all) => !all.some((diagnostic) => codeOf(diagnostic) === ruleId),
    `no ${ruleId} finding left in ${uri.path}`,
  );
}

describe('quick fixes', () => {
  before(activateExtension);
  // Every test edits its own copy of a fixture; the fixtures stay as they are.
  afterEach(closeAllEditors);

  it('replaces a value and keeps the comment after it', async () => {
    const original = await copyWorkspaceFile('fixes/replace-value.yaml', 'fixes/replaced.yaml');
    const editor = await openWorkspaceFile('fixes/replaced.yaml');
    const finding = await findingOf(editor, 'privileged');

    await applyAction(editor, finding, 'Set privileged to false');

    const expected = original.replace(
      'privileged: true # needed for the old driver',
      'privileged: false # needed for the old driver',
    );
    assert.notEqual(expected, original);
    assert.equal(editor.document.getText(), expected);
    await waitForNoFinding(editor.document.uri, 'privileged');
  });

  it('removes one item of a flow list', async () => {
    const original = await copyWorkspaceFile('fixes/remove-item.yaml', 'fixes/removed.yaml');
    const editor = await openWorkspaceFile('fixes/removed.yaml');
    const finding = await findingOf(editor, 'capabilities-baseline');

    await applyAction(editor, finding, 'Remove SYS_ADMIN');

    assert.equal(
      editor.document.getText(),
      original.replace('add: [CHOWN, SYS_ADMIN]', 'add: [CHOWN]'),
    );
    await waitForNoFinding(editor.document.uri, 'capabilities-baseline');
  });

  it('inserts runtimeClassName as the last key of the pod spec', async () => {
    const original = await copyWorkspaceFile('fixes/insert.yaml', 'fixes/inserted.yaml');
    const editor = await openWorkspaceFile('fixes/inserted.yaml');
    const finding = await findingOf(editor, 'layering-untrusted-shared-kernel');

    await applyAction(editor, finding, 'Set runtimeClassName to gvisor');

    assert.ok(original.endsWith('          image: quay.io/jupyter/base-notebook:2025-01-06\n'));
    assert.equal(editor.document.getText(), `${original}      runtimeClassName: gvisor\n`);
    await waitForNoFinding(editor.document.uri, 'layering-untrusted-shared-kernel');
  });

  it('offers the rule’s documentation, which opens in the Markdown preview', async () => {
    const editor = await openWorkspaceFile('fixes/replace-value.yaml');
    const finding = await findingOf(editor, 'privileged');
    const documentation = await actionTitled(editor, finding, 'Show documentation for privileged');

    assert.ok(documentation.command);
    assert.equal(documentation.command.command, 'layerwise.showRuleDocumentation');
    assert.deepEqual(documentation.command.arguments, ['privileged']);

    await vscode.commands.executeCommand(
      documentation.command.command,
      ...(documentation.command.arguments ?? []),
    );
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)),
      (labels) => labels.some((label) => label.includes('privileged.md')),
      'a tab showing privileged.md',
    );
  });

  it('fixes every fixable finding of a file with the fix-all action', async () => {
    const original = await copyWorkspaceFile('fixes/fix-all.yaml', 'fixes/fix-action.yaml');
    const editor = await openWorkspaceFile('fixes/fix-action.yaml');
    await findingOf(editor, 'capabilities-baseline');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const kind = vscode.CodeActionKind.SourceFixAll.append('layerwise');

    const actions = await waitFor(
      () => actionsAt(editor.document.uri, whole, kind),
      (offered) => offered.length > 0,
      'the fix-all action',
    );
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value]),
      [['Fix all Layerwise problems', 'source.fixAll.layerwise']],
    );
    assert.equal(await vscode.workspace.applyEdit(actions[0]!.edit!), true);

    assert.equal(editor.document.getText(), fixedAll(original));
  });

  it('offers fix-all in the quick-fix menu and works its edits out only when resolved', async () => {
    const original = await copyWorkspaceFile('fixes/fix-all.yaml', 'fixes/fix-menu.yaml');
    const editor = await openWorkspaceFile('fixes/fix-menu.yaml');
    const finding = await findingOf(editor, 'capabilities-baseline');
    const title = 'Fix all Layerwise problems';

    const unresolved = await waitFor(
      () => actionsAt(editor.document.uri, finding.range),
      (offered) => offered.some((action) => action.title === title),
      'the fix-all entry of the quick-fix menu',
    );
    const entry = unresolved.find((action) => action.title === title)!;
    assert.equal(entry.kind?.value, 'quickfix');
    assert.equal(entry.edit, undefined, 'the menu computed fix-all before it was chosen');

    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      finding.range,
      undefined,
      100,
    );
    const chosen = resolved.find((action) => action.title === title);
    assert.ok(chosen?.edit, 'resolving the entry gives its edits');
    assert.equal(await vscode.workspace.applyEdit(chosen.edit), true);
    assert.equal(editor.document.getText(), fixedAll(original));
  });

  it('fixes all on save when editor.codeActionsOnSave asks for source.fixAll.layerwise', async () => {
    await saveWithFixAll('fixes/fix-on-save.yaml', { waitForAnalysis: true });
  });

  it('fixes all on a save right after typing', async () => {
    await saveWithFixAll('fixes/fix-on-quick-save.yaml', { waitForAnalysis: false });
  });

  it('fixes the active editor with the Fix All command', async () => {
    const original = await copyWorkspaceFile('fixes/fix-all.yaml', 'fixes/fix-command.yaml');
    const editor = await openWorkspaceFile('fixes/fix-command.yaml');
    await findingOf(editor, 'capabilities-baseline');

    await vscode.commands.executeCommand('layerwise.fixAll');

    await waitFor(
      () => editor.document.getText(),
      (text) => text === fixedAll(original),
      'the text after Layerwise: Fix All',
    );
  });
});

describe('suppression actions', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  const cases = [
    {
      title: 'Disable privileged for this line',
      expect: (text: string) =>
        text.replace(
          '        privileged: true\n',
          '        # layerwise-disable-next-line privileged -- reason\n        privileged: true\n',
        ),
    },
    {
      title: 'Disable privileged for this object',
      expect: (text: string) => `# layerwise-disable-next-line privileged -- reason\n${text}`,
    },
    {
      title: 'Disable privileged for this file',
      expect: (text: string) => `# layerwise-disable-file privileged -- reason\n${text}`,
    },
  ];
  for (const [index, { title, expect }] of cases.entries()) {
    it(`"${title}" inserts the comment and the finding goes away`, async () => {
      const path = `suppress/case-${index}.yaml`;
      const original = await copyWorkspaceFile('suppress/privileged.yaml', path);
      const editor = await openWorkspaceFile(path);
      const finding = await findingOf(editor, 'privileged');

      await applyAction(editor, finding, title);

      assert.equal(editor.document.getText(), expect(original));
      await waitForDiagnostics(editor.document.uri, (all) => all.length === 0, `no finding left`);
    });
  }

  it('offers no "Disable" action on a suppression that lacks its reason', async () => {
    const original = await readWorkspaceFile('suppress/privileged.yaml');
    const text = original.replace(
      '        privileged: true\n',
      '        # layerwise-disable-next-line privileged\n        privileged: true\n',
    );
    await writeWorkspaceFile('suppress/no-reason.yaml', text);
    const editor = await openWorkspaceFile('suppress/no-reason.yaml');
    const finding = await findingOf(editor, 'suppression-reason');

    // The documentation action shows the menu is answered; a disable comment would not help.
    await actionTitled(editor, finding, 'Show documentation for suppression-reason');
    const titles = (await actionsAt(editor.document.uri, finding.range)).map((a) => a.title);
    assert.deepEqual(
      titles.filter((title) => title.startsWith('Disable')),
      [],
      titles.join(' | '),
    );
  });
});

/**
 * Edits a copy of fixes/fix-all.yaml, saves it with fix-all on save turned on, and checks the
 * saved text. With `waitForAnalysis`, the save waits until the edit is analysed, as it is when
 * a person pauses before saving.
 */
async function saveWithFixAll(path: string, { waitForAnalysis }: { waitForAnalysis: boolean }) {
  const original = await copyWorkspaceFile('fixes/fix-all.yaml', path);
  const settings = vscode.workspace.getConfiguration('editor');
  const target = vscode.ConfigurationTarget.Workspace;
  await settings.update('codeActionsOnSave', { 'source.fixAll.layerwise': 'explicit' }, target);
  try {
    const editor = await openWorkspaceFile(path);
    await findingOf(editor, 'capabilities-baseline');
    const image = editor.document.getText().indexOf('nginx:1.27');
    const imageRange = new vscode.Range(
      editor.document.positionAt(image),
      editor.document.positionAt(image + 'nginx:1.27'.length),
    );
    await editor.edit((edit) => edit.replace(imageRange, 'nginx:1.28'));
    if (waitForAnalysis) {
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const kind = vscode.CodeActionKind.SourceFixAll.append('layerwise');
      await waitFor(
        () => actionsAt(editor.document.uri, whole, kind),
        (offered) => offered.length > 0,
        'the fix-all action for the edited text',
      );
    }

    await vscode.commands.executeCommand('workbench.action.files.save');

    const expected = fixedAll(original).replace('nginx:1.27', 'nginx:1.28');
    await waitFor(
      () => editor.document.getText(),
      (text) => text === expected && !editor.document.isDirty,
      'the fixed text, saved',
    );
    assert.equal(await readWorkspaceFile(path), expected);
  } finally {
    await settings.update('codeActionsOnSave', undefined, target);
  }
}

/** What fix-all must leave of fixes/fix-all.yaml: each of its three findings fixed. */
function fixedAll(original: string): string {
  const fixed = original
    .replace('hostPID: true', 'hostPID: false')
    .replace('privileged: true', 'privileged: false')
    .replace('add: [SYS_ADMIN]', 'add: []');
  assert.notEqual(fixed, original);
  return fixed;
}
