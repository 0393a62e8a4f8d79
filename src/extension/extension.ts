import type * as vscode from 'vscode';
import { registerCodeActions } from './code-actions.js';
import { registerCoreCommands } from './commands.js';
import { registerDiagnostics } from './diagnostics.js';
import { registerDocumentSync } from './document-sync.js';
import { LayerwiseContext } from './layerwise-context.js';
import type { WorkspaceIndex } from './workspace-index.js';

/** What `activate` returns: integration tests read the index through it. */
export interface LayerwiseApi {
  index: WorkspaceIndex;
}

export function activate(extension: vscode.ExtensionContext): LayerwiseApi {
  const context = new LayerwiseContext(extension);
  extension.subscriptions.push(context);

  registerCoreCommands(context);
  registerDiagnostics(context);
  registerDocumentSync(context);
  registerCodeActions(context);

  context.log.info(`Layerwise ${String(extension.extension.packageJSON.version)} activated`);
  return { index: context.index };
}

export function deactivate(): void {
  // Everything is owned by the context, which the extension context's subscriptions dispose.
}
