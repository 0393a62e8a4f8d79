import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  waitFor,
  waitForDiagnostics,
} from '../helpers/workspace.js';

const FILE = 'layering/regulated.yaml';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
  return hovers ?? [];
}

describe('hover and CodeLens', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    editor = await openWorkspaceFile(FILE);
    await waitForDiagnostics(editor.document.uri, (all) => all.length > 0, `findings in ${FILE}`);
  });
  after(closeAllEditors);

  it('shows layers, roles with evidence and the recommendation on the kind', async () => {
    const uri = editor.document.uri;
    const text = hoverText(
      await waitFor(
        () => hoversAt(uri, new vscode.Position(1, 8)),
        (hovers) => hoverText(hovers).includes('Layers:'),
        'a Layerwise hover on the kind',
      ),
    );
    assert.match(text, /\*\*Deployment payments\/ledger\*\*/);
    assert.match(text, /Layers: shared kernel · shared nodes · baseline/);
    assert.match(text, /Roles: regulated, service/);
    assert.match(text, /- regulated: label compliance: pci\\-dss names PCI \(line 7\)/);
    assert.match(text, /Recommended: shared kernel · dedicated nodes · restricted/);
    assert.match(text, /\(command:layerwise\.openPanel\?/);
  });

  it('shows the same hover on metadata.name, and none elsewhere', async () => {
    const uri = editor.document.uri;
    const onName = hoverText(await hoversAt(uri, new vscode.Position(3, 9)));
    assert.match(onName, /\*\*Deployment payments\/ledger\*\*/);
    const onImage = hoverText(await hoversAt(uri, new vscode.Position(16, 20)));
    assert.doesNotMatch(onImage, /Deployment payments\/ledger/);
  });

  it('puts a CodeLens above the workload that opens the panel at it', async () => {
    const lenses = await waitFor(
      async () =>
        (await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          editor.document.uri,
        )) ?? [],
      (all) => all.some((lens) => lens.command?.command === 'layerwise.openPanel'),
      'a Layerwise CodeLens',
    );
    const lens = lenses.find((candidate) => candidate.command?.command === 'layerwise.openPanel');
    assert.ok(lens?.command);
    assert.equal(lens.range.start.line, 0);
    assert.equal(
      lens.command.title,
      'shared kernel · shared nodes · baseline → recommended: dedicated nodes · restricted',
    );
    assert.deepEqual(lens.command.arguments, ['Deployment/payments/ledger']);
  });

  it('offers the rule documentation as a command action', async () => {
    const [finding] = vscode.languages.getDiagnostics(editor.document.uri);
    assert.ok(finding);
    const actions =
      (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        finding.range,
      )) ?? [];
    const code = finding.code as { value: string };
    const title = `Show documentation for ${code.value}`;
    const documentation = actions.find((action) => action.title === title);
    assert.ok(documentation, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    const command = 'command' in documentation ? documentation.command : undefined;
    const id = typeof command === 'string' ? command : command?.command;
    assert.equal(id, 'layerwise.showRuleDocumentation', JSON.stringify(documentation));
  });
});
