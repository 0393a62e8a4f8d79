import * as vscode from 'vscode';
import { readText } from './document-sync.js';
import type { LayerwiseContext } from './layerwise-context.js';

/** Files read at once during a scan; small enough to keep the extension host responsive. */
const BATCH_SIZE = 25;

/**
 * The "Scan Workspace" command and the optional scan at start-up: closed files that match the
 * include globs join the analysed set, so the Problems panel lists them, and file watchers keep
 * them current afterwards. Without a scan, no closed file is read.
 */
export function registerWorkspaceScan(context: LayerwiseContext): void {
  const watchers = new WatcherSet(context);
  context.register(watchers);
  context.registerCommand('layerwise.scanWorkspace', () => scanWorkspace(context, watchers));
  if (context.settings.window.scanOnStartup) void scanWorkspace(context, watchers);
}

async function scanWorkspace(context: LayerwiseContext, watchers: WatcherSet): Promise<void> {
  const options = {
    location: vscode.ProgressLocation.Notification,
    title: 'Layerwise: scanning the workspace',
    cancellable: true,
  };
  await vscode.window.withProgress(options, async (progress, token) => {
    const started = Date.now();
    const uris = await findCandidateFiles(context, token);
    let read = 0;
    for (let start = 0; start < uris.length && !token.isCancellationRequested;) {
      const batch = uris.slice(start, start + BATCH_SIZE);
      await Promise.all(batch.map((uri) => addFile(context, uri)));
      start += batch.length;
      read += batch.length;
      progress.report({
        increment: (100 * batch.length) / uris.length,
        message: `${read} of ${uris.length} files`,
      });
    }
    context.index.analyseNow();
    watchers.watch();

    const cancelled = token.isCancellationRequested ? ' (cancelled)' : '';
    context.log.info(
      `Scanned ${read} of ${uris.length} files in ${Date.now() - started} ms${cancelled}`,
    );
  });
}

/** Files matching the include globs of each workspace folder, less its exclude globs. */
async function findCandidateFiles(
  context: LayerwiseContext,
  token: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = context.settings.forResource(folder.uri);
    const exclude = settings.exclude.length > 0 ? `{${settings.exclude.join(',')}}` : null;
    for (const include of settings.include) {
      if (token.isCancellationRequested) break;
      const pattern = new vscode.RelativePattern(folder, include);
      for (const uri of await vscode.workspace.findFiles(pattern, exclude, undefined, token)) {
        found.set(uri.toString(), uri);
      }
    }
  }
  return [...found.values()];
}

/** Reads a closed file into the set, unless it is open (the editor's text wins) or too big. */
async function addFile(context: LayerwiseContext, uri: vscode.Uri): Promise<boolean> {
  const isOpen = vscode.workspace.textDocuments.some(
    (document) => document.uri.toString() === uri.toString(),
  );
  if (isOpen) return false;
  const limit = context.settings.forResource(uri).maxFileSize;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > limit) {
      context.log.info(`Skipped ${uri.toString()}: ${stat.size} bytes is over maxFileSize`);
      return false;
    }
  } catch {
    return false;
  }
  const text = await readText(uri);
  return text !== undefined && context.index.setFileText(uri, text);
}

/** After a scan, watches the include globs so closed files stay current. */
class WatcherSet implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];

  constructor(private readonly context: LayerwiseContext) {}

  watch(): void {
    if (this.watchers.length > 0) return;
    const { index } = this.context;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const include of this.context.settings.forResource(folder.uri).include) {
        const pattern = new vscode.RelativePattern(folder, include);
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        const update = async (uri: vscode.Uri) => {
          if (await addFile(this.context, uri)) index.schedule(0);
        };
        this.watchers.push(
          watcher,
          watcher.onDidCreate(update),
          watcher.onDidChange(update),
          watcher.onDidDelete((uri) => {
            if (index.isScanned(uri) && index.remove(uri)) index.schedule(0);
          }),
        );
      }
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
  }
}
