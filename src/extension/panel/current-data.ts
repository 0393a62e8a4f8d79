import * as vscode from 'vscode';
import type { PanelData } from '../../protocol/panel-data.js';
import { toPanelData } from '../../protocol/to-panel-data.js';
import type { LayerwiseContext } from '../layerwise-context.js';

/**
 * What the panel and the side view draw, from the index as it is now. Paths in the index are
 * URIs; they are shown relative to the workspace folder.
 */
export function currentPanelData(context: LayerwiseContext, activePath: string | null): PanelData {
  const index = context.index;
  const report = { findings: index.allFindings(), workloads: index.workloads() };
  return toPanelData([report], activePath, (path) =>
    vscode.workspace.asRelativePath(vscode.Uri.parse(path)),
  );
}
