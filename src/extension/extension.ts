import type * as vscode from 'vscode';
import { registerCodeActions } from './code-actions.js';
import { registerCodeLens } from './code-lens.js';
import { registerCoreCommands } from './commands.js';
import { registerDiagnostics } from './diagnostics.js';
import { registerDocumentSync } from './document-sync.js';
import { registerHover } from './hover.js';
import { LayerwiseContext } from './layerwise-context.js';
import { registerPanel } from './panel/index.js';
import { registerStatus } from './status.js';
import { registerTree } from './tree/index.js';
import type { WorkspaceIndex } from './workspace-index.js';
import { registerWorkspaceScan } from './workspace-scan.js';

/** What `activate` returns: integration tests read the index through it. */
export interface LayerwiseApi {
  index: WorkspaceIndex;
}

export function activate(extension: vscode.ExtensionContext): LayerwiseApi {
  const context = new LayerwiseContext(extension);
  extension.subscriptions.push(context);
  const configsRead = context.configs.loadAll().catch((error: unknown) => {
    context.reportError('Reading .layerwise.yaml files failed', error);
  });
  context.index.holdUntil(configsRead);

  registerCoreCommands(context);
  registerDiagnostics(context);
  registerCodeActions(context);
  registerHover(context);
  registerCodeLens(context);
  registerStatus(context);
  registerDocumentSync(context);
  registerWorkspaceScan(context);
  registerPanel(context);
  registerTree(context);

  context.log.info(`Layerwise ${String(extension.extension.packageJSON.version)} activated`);
  return { index: context.index };
}

export function deactivate(): void {
  // Everything is owned by the context, which the extension context's subscriptions dispose.
}
