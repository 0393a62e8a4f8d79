import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, parseConfig } from '../core/config/parse-config.js';
import { ConfigTable, type FileConfig } from './config-lookup.js';
import { toDiagnostic } from './diagnostics.js';
import { readText } from './document-sync.js';
import type { LayerwiseContext } from './layerwise-context.js';

const CONFIG_GLOB = `**/${CONFIG_FILE_NAME}`;

/**
 * Reads the workspace's `.layerwise.yaml` files (through `workspace.fs`: nothing is run) and
 * keeps them current; their problems are diagnostics of their own. Reading config files is a
 * file search, not an analysis, so it happens at activation.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly table = new ConfigTable();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('layerwise-config');
  private readonly watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly listeners: vscode.Disposable[];

  /** Fires after a config file was read, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: LayerwiseContext) {
    this.listeners = [
      this.watcher.onDidCreate((uri) => this.reload(uri)),
      this.watcher.onDidChange((uri) => this.reload(uri)),
      this.watcher.onDidDelete((uri) => this.forget(uri)),
    ];
  }

  /** What the nearest config says about a file. */
  lookup(uri: vscode.Uri): FileConfig {
    return this.table.lookup(uri.toString());
  }

  /** Reads every config file of the workspace. */
  async loadAll(): Promise<void> {
    const uris = await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**');
    await Promise.all(uris.map((uri) => this.read(uri)));
    this.context.log.info(`Read ${uris.length} ${CONFIG_FILE_NAME} file(s)`);
    this.changed.fire();
  }

  private async reload(uri: vscode.Uri): Promise<void> {
    await this.read(uri);
    this.changed.fire();
  }

  private forget(uri: vscode.Uri): void {
    this.table.delete(uri.toString());
    this.diagnostics.delete(uri);
    this.changed.fire();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const text = await readText(uri);
    if (text === undefined) {
      this.context.log.warn(`Cannot read ${uri.toString()}`);
      this.table.delete(uri.toString());
      return;
    }
    const config = parseConfig(uri.toString(), text);
    this.table.set(uri.toString(), config);
    this.diagnostics.set(
      uri,
      config.findings.map((finding) => toDiagnostic(this.context, finding)),
    );
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.watcher.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
