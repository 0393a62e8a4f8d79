import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  waitForDiagnostics,
  workspaceUri,
} from '../helpers/workspace.js';

function byRule(diagnostics: vscode.Diagnostic[], ruleId: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === ruleId);
}

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

function rangeOf(diagnostic: vscode.Diagnostic | vscode.Location): number[] {
  const { start, end } = diagnostic.range;
  return [start.line, start.character, end.line, end.character];
}

describe('diagnostics', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('reports a privileged container at its key, with code, doc link and severity', async () => {
    const editor = await openWorkspaceFile('diagnostics/privileged-pod.yaml');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (all) => all.length === 1,
      'only the privileged finding (the workspace holds workloads to Baseline)',
    );

    const [privileged] = diagnostics;
    assert.ok(privileged);
    assert.equal(privileged.source, 'Layerwise');
    assert.equal(codeOf(privileged), 'privileged');
    assert.deepEqual(rangeOf(privileged), [10, 8, 10, 24]);
    assert.equal(editor.document.getText(privileged.range), 'privileged: true');
    assert.equal(privileged.severity, vscode.DiagnosticSeverity.Error);
    assert.match(privileged.message, /^Privileged Containers: container "web" is privileged/);

    const code = privileged.code as { value: string; target: vscode.Uri };
    assert.match(code.target.path, /\/docs\/rules\/privileged\.md$/);
    const page = await vscode.workspace.fs.readFile(code.target);
    assert.match(Buffer.from(page).toString('utf8'), /^# privileged\n/);
  });

  it('applies a rule severity from the settings, and the default again once removed', async () => {
    const uri = workspaceUri('diagnostics/privileged-pod.yaml');
    await openWorkspaceFile('diagnostics/privileged-pod.yaml');
    const settings = vscode.workspace.getConfiguration('layerwise');
    const target = vscode.ConfigurationTarget.Workspace;
    try {
      await settings.update('rules', { privileged: 'warning' }, target);
      const warned = await waitForDiagnostics(
        uri,
        (all) => byRule(all, 'privileged')[0]?.severity === vscode.DiagnosticSeverity.Warning,
        'privileged as a warning',
      );
      assert.equal(warned.length, 1);

      await settings.update('rules', { privileged: 'off' }, target);
      await waitForDiagnostics(uri, (all) => all.length === 0, 'privileged turned off');
    } finally {
      await settings.update('rules', undefined, target);
    }
    const restored = await waitForDiagnostics(
      uri,
      (all) => byRule(all, 'privileged')[0]?.severity === vscode.DiagnosticSeverity.Error,
      'privileged back to an error',
    );
    assert.equal(restored.length, 1);
  });

  it('points at the Namespace whose enforce label admission would apply', async () => {
    const namespace = await openWorkspaceFile('admission/namespace.yaml');
    const pod = await openWorkspaceFile('admission/host-network-pod.yaml');
    const diagnostics = await waitForDiagnostics(
      pod.document.uri,
      (all) => (byRule(all, 'host-namespaces')[0]?.relatedInformation?.length ?? 0) > 0,
      'host-namespaces with the Namespace as related information',
    );

    const [hostNetwork] = byRule(diagnostics, 'host-namespaces');
    assert.ok(hostNetwork);
    assert.deepEqual(rangeOf(hostNetwork), [6, 2, 6, 19]);
    assert.equal(hostNetwork.severity, vscode.DiagnosticSeverity.Error);
    assert.match(
      hostNetwork.message,
      /Namespace "team" enforces baseline .*admission would reject/,
    );

    const related = hostNetwork.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0]?.location.uri.toString(), namespace.document.uri.toString());
    assert.deepEqual(rangeOf(related[0]!.location), [5, 4, 5, 48]);
    assert.equal(related[0]?.message, 'Namespace "team" enforces Pod Security baseline (latest).');
  });

  it('updates a workload’s findings when the Namespace is edited', async () => {
    const namespace = await openWorkspaceFile('admission/namespace.yaml');
    const podUri = workspaceUri('admission/host-network-pod.yaml');
    const level = namespace.document.getText().indexOf('baseline');
    const levelRange = new vscode.Range(
      namespace.document.positionAt(level),
      namespace.document.positionAt(level + 'baseline'.length),
    );

    await namespace.edit((edit) => edit.replace(levelRange, 'privileged'));
    const relaxed = await waitForDiagnostics(
      podUri,
      (all) => byRule(all, 'host-namespaces')[0]?.relatedInformation === undefined,
      'host-namespaces without the Namespace',
    );
    assert.doesNotMatch(byRule(relaxed, 'host-namespaces')[0]?.message ?? '', /admission/);

    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(
      podUri,
      (all) => (byRule(all, 'host-namespaces')[0]?.relatedInformation?.length ?? 0) === 1,
      'host-namespaces with the Namespace again',
    );
  });

  it('updates when a closed Namespace file changes on disk', async () => {
    await closeAllEditors();
    const namespaceUri = workspaceUri('admission/namespace.yaml');
    const original = Buffer.from(await vscode.workspace.fs.readFile(namespaceUri));
    await vscode.commands.executeCommand('layerwise.scanWorkspace');
    const pod = await openWorkspaceFile('admission/host-network-pod.yaml');
    await waitForDiagnostics(
      pod.document.uri,
      (all) => (byRule(all, 'host-namespaces')[0]?.relatedInformation?.length ?? 0) === 1,
      'host-namespaces with the closed Namespace file',
    );

    const relaxed = original.toString('utf8').replace('enforce: baseline', 'enforce: privileged');
    try {
      await vscode.workspace.fs.writeFile(namespaceUri, Buffer.from(relaxed));
      await waitForDiagnostics(
        pod.document.uri,
        (all) => byRule(all, 'host-namespaces')[0]?.relatedInformation === undefined,
        'host-namespaces after the Namespace changed on disk',
      );
    } finally {
      await vscode.workspace.fs.writeFile(namespaceUri, original);
    }
  });
});
