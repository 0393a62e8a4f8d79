import * as vscode from 'vscode';
import type { ExportFormat } from '../../protocol/messages.js';
import { DEFAULT_VIEW_OPTIONS } from '../../protocol/view-model.js';
import type { LayerwiseContext } from '../layerwise-context.js';
import { LayeringPanel } from './layering-panel.js';
import { PANEL_VIEW_TYPE } from './page.js';
import { exportPicture } from './panel-actions.js';

/**
 * Registers the layering panel: its commands, and the serializer that restores it after a
 * reload (the manifest's `onWebviewPanel:layerwise.panel` activates the extension for that).
 */
export function registerPanel(context: LayerwiseContext): LayeringPanel {
  const panel = context.register(new LayeringPanel(context));

  context.register(
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel) {
        // The page restores its own options, selection and scroll from `getState`.
        panel.adopt(webviewPanel);
      },
    }),
  );
  context.registerCommand('layerwise.openPanel', (workloadId: unknown) =>
    panel.show(typeof workloadId === 'string' ? workloadId : undefined),
  );
  context.registerCommand('layerwise.exportReport', async (format: unknown, target: unknown) => {
    const chosen = isExportFormat(format) ? format : await pickFormat();
    if (!chosen) return undefined;
    const destination = target instanceof vscode.Uri ? target : undefined;
    return exportPicture(panel.data(), chosen, DEFAULT_VIEW_OPTIONS, destination);
  });
  return panel;
}

function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'html' || value === 'svg';
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'HTML report', description: 'the picture and every finding', format: 'html' },
      { label: 'SVG picture', description: 'the boxes and cards as one image', format: 'svg' },
    ] as const,
    { title: 'Export the layering picture as' },
  );
  return picked?.format;
}
