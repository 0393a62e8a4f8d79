import * as vscode from 'vscode';
import { COMMAND_CATEGORY, type CommandId } from './command-table.js';
import { ConfigFiles } from './config-files.js';
import { Settings } from './settings.js';
import { WorkspaceIndex } from './workspace-index.js';

/**
 * Owns every resource of the extension: the log, the settings, the workspace index and all
 * registrations. Components receive it, register through it, and are disposed with it.
 */
export class LayerwiseContext implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly settings: Settings;
  readonly index: WorkspaceIndex;
  readonly configs: ConfigFiles;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.register(vscode.window.createOutputChannel('Layerwise', { log: true }));
    this.settings = this.register(new Settings());
    this.index = this.register(
      new WorkspaceIndex(this.settings, this.log, (message, error) =>
        this.reportError(message, error),
      ),
    );
    this.configs = this.register(new ConfigFiles(this));
    this.index.setConfigLookup((uri) => this.configs.lookup(uri));
    this.register(this.configs.onDidChange(() => this.index.optionsChanged()));
  }

  /** The extension's root, for resources shipped in the package (docs, media, bundles). */
  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  /** The category commands are listed under. */
  get commandCategory(): string {
    return COMMAND_CATEGORY;
  }

  /** Keeps `disposable` until the extension is deactivated; returns it for chaining. */
  register<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  /** Registers the handler of a command declared in the command table. */
  registerCommand(id: CommandId, handler: (...args: never[]) => unknown): void {
    const run = async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        this.reportError(`Command ${id} failed`, error);
        return undefined;
      }
    };
    this.register(vscode.commands.registerCommand(id, run));
  }

  /** The documentation page of a rule, shipped inside the package. */
  ruleDocUri(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  }

  /** Logs a failure and tells the user once, with a button that opens the log. */
  reportError(message: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.log.error(`${message}: ${detail}`);
    void vscode.window.showErrorMessage(`Layerwise: ${message}.`, 'Show Log').then((choice) => {
      if (choice) this.log.show();
    });
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        this.log.error(`Dispose failed: ${String(error)}`);
      }
    }
  }
}
