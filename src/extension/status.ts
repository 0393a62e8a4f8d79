import * as vscode from 'vscode';
import type { Finding } from '../core/report/types.js';
import { LANGUAGE_IDS } from './file-kinds.js';
import type { LayerwiseContext } from './layerwise-context.js';
import { describeCounts, plural } from './counts.js';

/**
 * A language status item beside the language mode: the active file's counts, the workspace's
 * in its detail; clicking it opens the layering panel. Routine state, so never a pop-up.
 */
export function registerStatus(context: LayerwiseContext): void {
  const selector = LANGUAGE_IDS.map((language) => ({ language }));
  const item = context.register(vscode.languages.createLanguageStatusItem('layerwise', selector));
  item.name = 'Layerwise';
  item.command = { title: 'Open Layering Panel', command: 'layerwise.openPanel' };

  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const file: readonly Finding[] = uri ? context.index.findings(uri) : [];
    const all = context.index.allFindings();
    const workloads = context.index.workloads().length;
    item.text = `Layerwise: ${describeCounts(file)}`;
    item.detail = `Workspace: ${describeCounts(all)} in ${plural(workloads, 'workload')}`;
  };
  context.register(context.index.onDidChange(update));
  context.register(vscode.window.onDidChangeActiveTextEditor(update));
  update();
}
