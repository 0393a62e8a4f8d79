// Bad input in the editor: a manifest typed one key at a time, a Helm template, a huge file.
// None of it may raise an error notification or hold up the extension host while typing.
import * as assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { hasBrowserRunner } from '../helpers/browser.js';
import { clearNotifications, listNotifications } from '../helpers/notifications.js';
import {
  activateExtension,
  closeAllEditors,
  openWorkspaceFile,
  removeWorkspaceFile,
  waitForDiagnostics,
  writeWorkspaceFile,
} from '../helpers/workspace.js';

/**
 * The longest the extension host may be busy while a person types. Generous, because the
 * machines that run the suite are shared; a second is when a person notices hovers and quick
 * fixes lag behind the text.
 */
const MAX_STALL_MS = 1_000;

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: typed
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

const HELM_TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "demo.fullname" . }}
  labels:
    {{- include "demo.labels" . | nindent 4 }}
spec:
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/**
 * Measures how long the extension host's event loop stalls while `work` runs: a timer that
 * should fire every 10 ms records the longest gap between two firings.
 */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

/**
 * Types `text` into the active editor one character at a time, as a person does; returns the
 * slowest round trip of one key, which includes the workbench's own work (logged only).
 */
async function typeSlowly(text: string): Promise<number> {
  let slowest = 0;
  for (const character of text) {
    const started = Date.now();
    await vscode.commands.executeCommand('type', { text: character });
    slowest = Math.max(slowest, Date.now() - started);
  }
  return slowest;
}

/** Lets the debounced analysis of the last keystroke run, then a little longer. */
async function settle(): Promise<void> {
  const debounce = vscode.workspace.getConfiguration('layerwise').get<number>('debounceMs', 250);
  await new Promise((resolve) => setTimeout(resolve, debounce + 1_000));
}

async function assertNoErrorNotification(): Promise<void> {
  if (!hasBrowserRunner()) return;
  const errors = (await listNotifications()).filter((item) => item.severity === 'error');
  assert.deepEqual(errors, [], 'an error notification was raised');
}

/** Kubernetes manifests: `count` Deployments, each with a privileged container. */
function manyDeployments(count: number): string {
  const documents = [];
  for (let index = 0; index < count; index++) {
    documents.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${index}
  namespace: bulk
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/bulk/app:${index}
          securityContext:
            privileged: true
`);
  }
  return documents.join('---\n');
}

describe('bad input', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
    if (hasBrowserRunner()) await clearNotifications();
  });
  afterEach(async () => {
    await assertNoErrorNotification();
    await closeAllEditors();
  });

  it('keeps up while a manifest is typed one key at a time', async () => {
    // Without auto-indentation, typing the text key by key leaves exactly that text.
    const yamlEditor = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    const target = vscode.ConfigurationTarget.Workspace;
    await yamlEditor.update('autoIndent', 'none', target, true);
    try {
      await writeWorkspaceFile('bad-input/typed.yaml', '');
      const editor = await openWorkspaceFile('bad-input/typed.yaml');
      let slowestKey = 0;
      const stall = await longestStall(async () => {
        slowestKey = await typeSlowly(MANIFEST);
      });

      console.log(`    typing: slowest key ${slowestKey} ms, longest stall ${stall} ms`);
      assert.equal(editor.document.getText(), MANIFEST);
      const diagnostics = await waitForDiagnostics(
        editor.document.uri,
        (all) => all.some((diagnostic) => codeOf(diagnostic) === 'privileged'),
        'the privileged finding once the manifest is complete',
      );
      assert.deepEqual(diagnostics.map(codeOf), ['privileged']);
      assert.ok(stall < MAX_STALL_MS, `the extension host stalled ${stall} ms`);
    } finally {
      await yamlEditor.update('autoIndent', undefined, target, true);
    }
  });

  it('reads a Helm template without syntax errors or crashes, while typing in it', async () => {
    await writeWorkspaceFile('bad-input/chart/Chart.yaml', 'apiVersion: v2\nname: demo\n');
    await writeWorkspaceFile('bad-input/chart/templates/deployment.yaml', HELM_TEMPLATE);
    const editor = await openWorkspaceFile('bad-input/chart/templates/deployment.yaml');
    const end = new vscode.Position(editor.document.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);

    const stall = await longestStall(async () => {
      await typeSlowly('          {{- if .Values.debug }}\n');
      await settle();
    });

    console.log(`    Helm template: longest stall ${stall} ms`);
    const codes = vscode.languages.getDiagnostics(editor.document.uri).map(codeOf);
    assert.ok(!codes.includes('yaml-syntax'), `template actions read as YAML: ${codes}`);
    assert.ok(!codes.includes('internal-error'), `a rule crashed: ${codes}`);
    assert.ok(stall < MAX_STALL_MS, `the extension host stalled ${stall} ms`);
  });

  for (const count of [100, 500]) {
    it(`stays responsive in a ${count}-workload file`, async () => {
      try {
        await typeIntoManyWorkloads(count);
      } finally {
        await removeWorkspaceFile(`bad-input/huge-${count}.yaml`);
      }
    });
  }

  it('leaves a file over layerwise.maxFileSize alone, without a notification', async () => {
    const text = manyDeployments(4_500);
    assert.ok(text.length > 1_048_576, `${text.length} characters`);
    await writeWorkspaceFile('bad-input/too-big.yaml', text);
    const editor = await openWorkspaceFile('bad-input/too-big.yaml');
    await settle();

    const codes = vscode.languages.getDiagnostics(editor.document.uri).map(codeOf);
    assert.ok(!codes.includes('privileged'), 'a file over the limit was analysed');
  });
});

/** Opens a file of `count` Deployments, waits for its findings and types at its end. */
async function typeIntoManyWorkloads(count: number): Promise<void> {
  const path = `bad-input/huge-${count}.yaml`;
  await writeWorkspaceFile(path, manyDeployments(count));
  let opened = 0;
  const openStall = await longestStall(async () => {
    const started = Date.now();
    const editor = await openWorkspaceFile(path);
    await waitForDiagnostics(
      editor.document.uri,
      (all) => all.filter((diagnostic) => codeOf(diagnostic) === 'privileged').length === count,
      `${count} privileged findings`,
      60_000,
    );
    opened = Date.now() - started;
  });
  const editor = vscode.window.activeTextEditor!;
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);

  let slowestKey = 0;
  const typingStall = await longestStall(async () => {
    slowestKey = await typeSlowly('# a comment typed at the end of a huge file');
    await settle();
  });

  console.log(
    `    ${count} workloads: analysed in ${opened} ms (longest stall ${openStall} ms); typing: ` +
      `slowest key ${slowestKey} ms, longest stall ${typingStall} ms`,
  );
  assert.ok(typingStall < MAX_STALL_MS, `the extension host stalled ${typingStall} ms`);
}
