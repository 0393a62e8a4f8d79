import * as vscode from 'vscode';
import type { Range } from '../../core/report/types.js';
import type { ExportFormat } from '../../protocol/messages.js';
import type { PanelData } from '../../protocol/panel-data.js';
import { chooseFix, keyFindings } from '../../protocol/to-panel-data.js';
import type { ViewOptions } from '../../protocol/view-model.js';
import { toRange } from '../diagnostics.js';
import { FixChecker } from '../fix-edits.js';
import type { LayerwiseContext } from '../layerwise-context.js';
import { renderHtmlReport } from './export-html.js';
import { renderSvgReport } from './export-svg.js';

const STATUS_MESSAGE_MS = 5000;

/**
 * Opens a file of the analysed set at a range, beside the panel. Paths the index does not know
 * are refused: the page asks only for places it was sent.
 */
export async function revealRange(
  context: LayerwiseContext,
  path: string,
  range: Range,
  panelColumn: vscode.ViewColumn | undefined,
): Promise<void> {
  const uri = vscode.Uri.parse(path);
  if (!context.index.has(uri)) {
    context.log.warn(`Reveal refused for a file outside the analysed set: ${path}`);
    return;
  }
  const column =
    panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  const selection = toRange(range);
  const editor = await vscode.window.showTextDocument(uri, { selection, viewColumn: column });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Applies the fix the analysis recorded for a finding, as one workspace edit. Nothing is applied
 * when the file changed since that analysis (the recorded ranges would point at other text), or
 * when the edit would leave a document that no longer parses, as with the quick fixes.
 */
export async function applyFinding(context: LayerwiseContext, key: string): Promise<boolean> {
  const finding = keyFindings(context.index.allFindings()).get(key);
  const fix = finding ? chooseFix(finding) : undefined;
  if (!finding || !fix) {
    vscode.window.setStatusBarMessage(
      'Layerwise: that finding changed since the panel drew it.',
      STATUS_MESSAGE_MS,
    );
    return false;
  }

  const uri = vscode.Uri.parse(finding.path);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== context.index.analysedText(uri)?.text) {
    context.index.analyseNow();
    vscode.window.setStatusBarMessage(
      'Layerwise: the file changed; the panel now shows the current findings.',
      STATUS_MESSAGE_MS,
    );
    return false;
  }

  if (!new FixChecker(finding.path, document.getText()).isSafe(fix)) {
    context.log.warn(`Not applying "${fix.title}" to ${finding.path}: the result would not parse`);
    vscode.window.setStatusBarMessage(
      `Layerwise: "${fix.title}" would break the file; not applied.`,
      STATUS_MESSAGE_MS,
    );
    return false;
  }

  const edit = new vscode.WorkspaceEdit();
  for (const change of fix.edits) edit.replace(uri, toRange(change.range), change.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) context.log.warn(`The editor refused the fix "${fix.title}" for ${finding.path}`);
  else context.log.info(`Applied "${fix.title}" (${finding.ruleId}) to ${finding.path}`);
  return applied;
}

/**
 * Saves the picture as a self-contained HTML report or an SVG file. Without a target, asks
 * where; returns the file written, or undefined when the user cancelled.
 */
export async function exportPicture(
  data: PanelData,
  format: ExportFormat,
  options: ViewOptions,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const destination = target ?? (await askDestination(format));
  if (!destination) return undefined;

  const about = {
    title: vscode.workspace.name ?? 'workspace',
    generatedAt: new Date().toISOString(),
  };
  const text =
    format === 'html'
      ? renderHtmlReport(data, options, about)
      : renderSvgReport(data, options, about);
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));

  const name = destination.path.slice(destination.path.lastIndexOf('/') + 1);
  vscode.window.setStatusBarMessage(`Layerwise: saved ${name}`, STATUS_MESSAGE_MS);
  return destination;
}

async function askDestination(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `layering-report.${format}`;
  return vscode.window.showSaveDialog({
    title: 'Export the layering picture',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: format === 'html' ? { 'HTML report': ['html'] } : { 'SVG picture': ['svg'] },
  });
}
