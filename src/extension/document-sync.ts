import * as vscode from 'vscode';
import { isCandidateDocument } from './file-kinds.js';
import type { LayerwiseContext } from './layerwise-context.js';

/**
 * Keeps the index in step with open documents: analysis on open and save at once, and while
 * typing after the configured pause. A keystroke only restarts a timer: the document's text is
 * read (and ordinary YAML told apart) once the pause is over. A closed file leaves the set
 * unless a scan found it.
 */
export function registerDocumentSync(context: LayerwiseContext): void {
  const { index, settings } = context;

  const track = (document: vscode.TextDocument, delayMs: number) => {
    if (!accepts(context, document)) {
      if (index.has(document.uri) && index.remove(document.uri)) index.schedule(0);
      return;
    }
    if (index.setDocument(document)) index.schedule(delayMs);
  };

  context.register(vscode.workspace.onDidOpenTextDocument((document) => track(document, 0)));
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  context.register({ dispose: () => pending.forEach((timer) => clearTimeout(timer)) });
  context.register(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      const document = event.document;
      const key = document.uri.toString();
      clearTimeout(pending.get(key));
      const timer = setTimeout(() => {
        pending.delete(key);
        if (!document.isClosed) track(document, 0);
      }, settings.window.debounceMs);
      pending.set(key, timer);
    }),
  );
  context.register(vscode.workspace.onDidSaveTextDocument((document) => track(document, 0)));
  context.register(
    vscode.workspace.onDidCloseTextDocument(async (document) => {
      const uri = document.uri;
      if (!index.has(uri)) return;
      const diskText = index.isScanned(uri) ? await readText(uri) : undefined;
      if (index.closeDocument(uri, diskText)) index.schedule(0);
    }),
  );
  context.register(settings.onDidChange(() => resyncOpenDocuments(context)));

  for (const document of vscode.workspace.textDocuments) track(document, 0);
}

/** Re-reads open documents after a settings change (filters may differ) and re-analyses. */
function resyncOpenDocuments(context: LayerwiseContext): void {
  for (const document of vscode.workspace.textDocuments) {
    if (accepts(context, document)) context.index.setDocument(document);
    else if (context.index.has(document.uri)) context.index.remove(document.uri);
  }
  context.index.schedule(0);
}

function accepts(context: LayerwiseContext, document: vscode.TextDocument): boolean {
  const settings = context.settings.forResource(document.uri);
  const facts = {
    scheme: document.uri.scheme,
    languageId: document.languageId,
    path: document.uri.path,
    size: document.getText().length,
  };
  if (!isCandidateDocument(facts, settings.maxFileSize)) return false;
  return !settings.exclude.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/** A file's text from the file system (any scheme, so virtual workspaces work too). */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
