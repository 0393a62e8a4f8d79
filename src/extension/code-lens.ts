import * as vscode from 'vscode';
import { LANGUAGE_IDS } from './file-kinds.js';
import type { LayerwiseContext } from './layerwise-context.js';
import { toView } from './hover.js';
import { objectInsertion } from './suppression-edits.js';
import { lensTitle } from './workload-text.js';

/**
 * A CodeLens above each workload with its layers and what to change; it opens the layering
 * panel at that workload (the panel registers `layerwise.openPanel`).
 */
class WorkloadLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly context: LayerwiseContext) {
    context.register(this.changed);
    context.register(context.index.onDidChange(() => this.changed.fire()));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const analysed = this.context.index.analysedText(document.uri);
    if (!analysed) return [];
    const lines = analysed.text.split(/\r?\n/);
    return this.context.index.workloadsIn(document.uri).map((workload) => {
      const line = objectInsertion(lines, workload.range.start.line).line;
      const range = new vscode.Range(line, 0, line, 0);
      return new vscode.CodeLens(range, {
        title: lensTitle(toView(workload)),
        tooltip: `Show ${workload.id} in the layering panel`,
        command: 'layerwise.openPanel',
        arguments: [workload.id],
      });
    });
  }
}

export function registerCodeLens(context: LayerwiseContext): void {
  const selector = LANGUAGE_IDS.map((language) => ({ language }));
  context.register(
    vscode.languages.registerCodeLensProvider(selector, new WorkloadLenses(context)),
  );
}
