// Shared steps of the real-editor suites: activate the extension, open fixture files from the
// throw-away copy of test/integration/workspace, and wait for the editor to settle.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'layerwise.layerwise';

/** Activates Layerwise; tests may start before `onStartupFinished`, so they call this first. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

/** The URI of `relativePath` inside the opened workspace folder. */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs without a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** The text of a workspace file as it is on disk. */
export async function readWorkspaceFile(relativePath: string): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(workspaceUri(relativePath));
  return Buffer.from(bytes).toString('utf8');
}

/** Writes a workspace file on disk, creating its folder. */
export async function writeWorkspaceFile(relativePath: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(relativePath), Buffer.from(text, 'utf8'));
}

/** Copies a fixture to a new file, so a test edits its own copy; returns the text. */
export async function copyWorkspaceFile(from: string, to: string): Promise<string> {
  const text = await readWorkspaceFile(from);
  await writeWorkspaceFile(to, text);
  return text;
}

/** Opens a workspace file in an editor and returns it. */
export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/**
 * Polls `read` until `accept` holds for its value, then returns the value; fails after
 * `timeoutMs` with the last value seen, so a failure shows what the editor had.
 */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  description: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${description}; last value: ${describe(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Waits until the diagnostics of `uri` satisfy `accept`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  description = `diagnostics of ${uri.path}`,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(() => vscode.languages.getDiagnostics(uri), accept, description, timeoutMs);
}

/**
 * Saves and closes every editor, so one test's tabs never shape the next. Saving first keeps
 * VS Code from asking about unsaved changes, a dialog nobody would answer.
 */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Empties a workspace file through its editor, waits until Layerwise has no workloads left in
 * it, then deletes it, so a test's large fixture does not crowd the views later suites read.
 * (A closed document can stay open for VS Code for minutes, so closing alone is not enough.)
 */
export async function removeWorkspaceFile(relativePath: string): Promise<void> {
  const uri = workspaceUri(relativePath);
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.delete(uri, new vscode.Range(0, 0, document.lineCount, 0));
  await vscode.workspace.applyEdit(edit);
  await document.save();
  const { index } = (await activateExtension()).exports as {
    index: { workloadsIn(uri: vscode.Uri): readonly unknown[] };
  };
  await waitFor(
    () => index.workloadsIn(uri).length,
    (count) => count === 0,
    `${relativePath} to leave the analysed set`,
  );
  await closeAllEditors();
  await vscode.workspace.fs.delete(uri);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2_000) ?? String(value);
  } catch {
    return String(value);
  }
}
