import * as vscode from 'vscode';
import { readText } from './document-sync.js';
import type { LayerwiseContext } from './layerwise-context.js';

/** Files read at once during a scan; small enough to keep the extension host responsive. */
const BATCH_SIZE = 25;

/** How long watcher events are gathered before one analysis: a checkout changes many files. */
const WATCH_DELAY_MS = 100;

/** The settings that decide which files a scan reads. */
const FILTER_SETTINGS = ['layerwise.include', 'layerwise.exclude'];

/**
 * How far scans got: none ran, the only ones were cancelled (the files read so far stay, no
 * others join), or one read every file.
 */
type ScanState = 'none' | 'cancelled' | 'complete';

/**
 * The "Scan Workspace" command and the optional scan at start-up: closed files that match the
 * include globs join the analysed set, so the Problems panel lists them, and file watchers keep
 * them current afterwards. Without a scan, no closed file is read. The command takes an
 * optional CancellationToken besides the notification's Cancel button.
 */
export function registerWorkspaceScan(context: LayerwiseContext): void {
  const scanner = context.register(new WorkspaceScanner(context));
  context.registerCommand('layerwise.scanWorkspace', (token: unknown) =>
    scanner.scan(isCancellationToken(token) ? token : undefined),
  );
  if (!context.settings.window.scanOnStartup) return;
  scanner.scan().catch((error: unknown) => {
    context.reportError('The workspace scan at start-up failed', error);
  });
}

/**
 * Runs scans one after another, and applies changed include and exclude globs to the files
 * scans read: those the globs leave out go, those they newly take join (after a complete scan).
 */
class WorkspaceScanner implements vscode.Disposable {
  private state: ScanState = 'none';
  private queue: Promise<void> = Promise.resolve();
  private watchers: vscode.Disposable[] = [];
  private watchedPatterns = '';
  private readonly listener: vscode.Disposable;

  constructor(private readonly context: LayerwiseContext) {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!FILTER_SETTINGS.some((key) => event.affectsConfiguration(key))) return;
      void this.enqueue(() => this.applyFilters()).catch((error: unknown) => {
        context.reportError('Applying the changed include and exclude settings failed', error);
      });
    });
  }

  /** Scans the workspace after any scan already running, with a cancellable notification. */
  scan(external?: vscode.CancellationToken): Promise<void> {
    const options = {
      location: vscode.ProgressLocation.Notification,
      title: 'Layerwise: scanning the workspace',
      cancellable: true,
    };
    return this.enqueue(() =>
      vscode.window.withProgress(options, (progress, token) =>
        this.scanNow(progress, linkTokens(token, external)),
      ),
    );
  }

  private enqueue(task: () => PromiseLike<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scanNow(
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    cancel: LinkedToken,
  ): Promise<void> {
    const started = Date.now();
    const { token } = cancel;
    try {
      const uris = await findCandidateFiles(this.context, token);
      let read = 0;
      while (read < uris.length && !token.isCancellationRequested) {
        const batch = uris.slice(read, read + BATCH_SIZE);
        await Promise.all(batch.map((uri) => addFile(this.context, uri)));
        read += batch.length;
        progress.report({
          increment: (100 * batch.length) / uris.length,
          message: `${read} of ${uris.length} files`,
        });
      }

      const cancelled = token.isCancellationRequested;
      if (!cancelled) this.state = 'complete';
      else if (this.state === 'none') this.state = 'cancelled';
      this.watch();
      this.context.index.schedule(0);
      this.context.log.info(
        `Scanned ${read} of ${uris.length} files in ${Date.now() - started} ms` +
          (cancelled ? ' (cancelled)' : ''),
      );
    } finally {
      cancel.dispose();
    }
  }

  /** Include or exclude changed: the scanned files follow the new globs. */
  private async applyFilters(): Promise<void> {
    if (this.state === 'none') return;
    const { index } = this.context;
    const candidates = await findCandidateFiles(this.context);
    const keys = new Set(candidates.map((uri) => uri.toString()));

    let changed = false;
    for (const uri of index.scannedUris()) {
      if (!keys.has(uri.toString()) && index.leaveScan(uri)) changed = true;
    }
    if (this.state === 'complete') {
      const added = candidates.filter((uri) => !index.isScanned(uri));
      for (let start = 0; start < added.length; start += BATCH_SIZE) {
        const batch = added.slice(start, start + BATCH_SIZE);
        const results = await Promise.all(batch.map((uri) => addFile(this.context, uri)));
        if (results.includes(true)) changed = true;
      }
    }
    this.watch();
    if (changed) index.schedule(0);
    this.context.log.info(`Include or exclude changed: ${keys.size} files match the globs now`);
  }

  /** Watches the include globs, so scanned files stay current; renews them when they change. */
  private watch(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const includes = folders.map((folder) => ({
      folder,
      include: this.context.settings.forResource(folder.uri).include,
    }));
    const patterns = JSON.stringify(includes.map(({ folder, include }) => [folder.uri, include]));
    if (patterns === this.watchedPatterns) return;
    this.disposeWatchers();
    this.watchedPatterns = patterns;

    const { index } = this.context;
    for (const { folder, include } of includes) {
      for (const glob of include) {
        const watcher = vscode.workspace.createFileSystemWatcher(
          new vscode.RelativePattern(folder, glob),
        );
        const update = async (uri: vscode.Uri) => {
          if (!(await this.follows(uri))) return;
          if (await addFile(this.context, uri)) index.schedule(WATCH_DELAY_MS);
        };
        this.watchers.push(
          watcher,
          watcher.onDidCreate(update),
          watcher.onDidChange(update),
          watcher.onDidDelete((uri) => {
            if (index.isScanned(uri) && index.remove(uri)) index.schedule(WATCH_DELAY_MS);
          }),
        );
      }
    }
  }

  /**
   * Whether a created or changed file is read: a scanned one is; another one only after a
   * complete scan, and when the exclude globs leave it in (the watcher matched an include).
   */
  private async follows(uri: vscode.Uri): Promise<boolean> {
    if (this.context.index.isScanned(uri)) return true;
    if (this.state !== 'complete') return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const exclude = excludeGlob(this.context.settings.forResource(folder.uri).exclude);
    const literal = vscode.workspace.asRelativePath(uri, false).replace(/[*?[\]{}]/g, '[$&]');
    const pattern = new vscode.RelativePattern(folder, literal);
    return (await vscode.workspace.findFiles(pattern, exclude, 1)).length > 0;
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers.splice(0)) watcher.dispose();
  }

  dispose(): void {
    this.listener.dispose();
    this.disposeWatchers();
  }
}

/** Files matching the include globs of each workspace folder, less its exclude globs. */
async function findCandidateFiles(
  context: LayerwiseContext,
  token?: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const settings = context.settings.forResource(folder.uri);
    const exclude = excludeGlob(settings.exclude);
    for (const include of settings.include) {
      if (token?.isCancellationRequested) break;
      const pattern = new vscode.RelativePattern(folder, include);
      for (const uri of await vscode.workspace.findFiles(pattern, exclude, undefined, token)) {
        found.set(uri.toString(), uri);
      }
    }
  }
  return [...found.values()];
}

function excludeGlob(exclude: readonly string[]): string | null {
  return exclude.length > 0 ? `{${exclude.join(',')}}` : null;
}

/**
 * Reads a closed file into the set, unless it is too big. An open file is only marked as
 * scanned: the editor's text wins, and the file stays in the set when its editor closes.
 */
async function addFile(context: LayerwiseContext, uri: vscode.Uri): Promise<boolean> {
  const isOpen = vscode.workspace.textDocuments.some(
    (document) => document.uri.toString() === uri.toString(),
  );
  if (isOpen) {
    context.index.markScanned(uri);
    return false;
  }
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

/** A cancellation token of its own, with the listeners that link it to others. */
interface LinkedToken extends vscode.Disposable {
  token: vscode.CancellationToken;
}

/** One token that is cancelled when the notification's or the caller's is. */
function linkTokens(
  progress: vscode.CancellationToken,
  external: vscode.CancellationToken | undefined,
): LinkedToken {
  const source = new vscode.CancellationTokenSource();
  const links = [progress, external].flatMap((token) =>
    token ? [token.onCancellationRequested(() => source.cancel())] : [],
  );
  if (progress.isCancellationRequested || external?.isCancellationRequested) source.cancel();
  return {
    token: source.token,
    dispose: () => {
      for (const link of links) link.dispose();
      source.dispose();
    },
  };
}

function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  if (typeof value !== 'object' || value === null) return false;
  const token = value as Partial<vscode.CancellationToken>;
  return (
    typeof token.isCancellationRequested === 'boolean' &&
    typeof token.onCancellationRequested === 'function'
  );
}
