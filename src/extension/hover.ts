import * as vscode from 'vscode';
import type { WorkloadSummary } from '../core/analyze.js';
import { toRange } from './diagnostics.js';
import { LANGUAGE_IDS } from './file-kinds.js';
import type { LayerwiseContext } from './layerwise-context.js';
import { findNameRange } from './workload-anchors.js';
import { hoverMarkdown, type WorkloadView } from './workload-text.js';

/** Hovering a workload's kind or name shows its layers, roles with evidence, recommendation. */
export function registerHover(context: LayerwiseContext): void {
  const selector = LANGUAGE_IDS.map((language) => ({ language }));
  context.register(
    vscode.languages.registerHoverProvider(selector, {
      provideHover: (document, position) => provideHover(context, document, position),
    }),
  );
}

function provideHover(
  context: LayerwiseContext,
  document: vscode.TextDocument,
  position: vscode.Position,
): vscode.Hover | undefined {
  const text = context.index.currentText(document);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);

  for (const workload of context.index.workloadsIn(document.uri)) {
    const anchor = anchorAt(lines, workload, position);
    if (!anchor) continue;
    const link = openPanelLink(workload.id);
    const markdown = new vscode.MarkdownString(hoverMarkdown(toView(workload), link));
    markdown.isTrusted = { enabledCommands: ['layerwise.openPanel'] };
    return new vscode.Hover(markdown, anchor);
  }
  return undefined;
}

/** The workload's kind or name range, when `position` is on one of them. */
function anchorAt(
  lines: readonly string[],
  workload: WorkloadSummary,
  position: vscode.Position,
): vscode.Range | undefined {
  const kind = toRange(workload.range);
  if (kind.contains(position)) return kind;
  if (position.line < kind.start.line - 50 || position.line > kind.start.line + 50) {
    return undefined;
  }
  const name = findNameRange(lines, workload.range.start.line, workload.name);
  const nameRange = name ? toRange(name) : undefined;
  return nameRange?.contains(position) ? nameRange : undefined;
}

/** A command link that opens the panel at a workload. */
export function openPanelLink(workloadId: string): string {
  return `command:layerwise.openPanel?${encodeURIComponent(JSON.stringify([workloadId]))}`;
}

/** The report's workload as the editor reads it; layering fields may be absent. */
export function toView(workload: WorkloadSummary): WorkloadView {
  return workload as WorkloadSummary & WorkloadView;
}
