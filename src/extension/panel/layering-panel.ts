import * as vscode from 'vscode';
import type { HostMessage, PanelMessage } from '../../protocol/messages.js';
import { parsePanelMessage } from '../../protocol/messages.js';
import type { PanelData } from '../../protocol/panel-data.js';
import type { LayerwiseContext } from '../layerwise-context.js';
import { currentPanelData } from './current-data.js';
import { applyFinding, exportPicture, revealRange } from './panel-actions.js';
import { createNonce, PANEL_VIEW_TYPE, renderPage } from './page.js';

/** How long to gather index changes before the panel is sent a new picture. */
const UPDATE_DELAY_MS = 100;

/**
 * The one layering panel: created on demand, reused, restored after a reload, and fed the
 * index's picture whenever it changes while the panel is visible.
 */
export class LayeringPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the page has loaded and said so; a hidden panel's page is unloaded. */
  private ready = false;
  private pendingFocus: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The file of the last text editor that was active: focusing the panel leaves no active text
   * editor, and the "current file" scope must still mean the file the user came from.
   */
  private activePath: string | null;

  constructor(private readonly context: LayerwiseContext) {
    this.activePath = vscode.window.activeTextEditor?.document.uri.toString() ?? null;
    this.disposables.push(
      context.index.onDidChange(() => this.scheduleUpdate()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || editor.document.uri.toString() === this.activePath) return;
        this.activePath = editor.document.uri.toString();
        this.scheduleUpdate();
      }),
    );
  }

  /** Shows the panel, creating it if needed; with an id, selects that workload. */
  show(workloadId?: string): void {
    if (workloadId) this.pendingFocus = workloadId;
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside);
      this.flushFocus();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Layerwise: Layering',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      this.webviewOptions(),
    );
    this.adopt(panel);
  }

  /** Takes over a panel, a new one or one VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'layerwise.svg');
    panel.webview.options = this.webviewOptions();
    panel.webview.html = this.renderHtml(panel.webview);
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // A hidden panel's page is unloaded; when shown again it loads and sends `ready`.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.disposePanel();
      }),
    );
  }

  /** The current picture, as the panel and the exports draw it. */
  data(): PanelData {
    return currentPanelData(this.context, this.activePath);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const root = this.context.extensionUri;
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [
        vscode.Uri.joinPath(root, 'dist', 'webview'),
        vscode.Uri.joinPath(root, 'media'),
      ],
    };
  }

  private renderHtml(webview: vscode.Webview): string {
    const bundle = (name: string) =>
      webview
        .asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', name))
        .toString();
    return renderPage({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: bundle('panel.js'),
      styleUri: bundle('panel.css'),
    });
  }

  private async receive(value: unknown): Promise<void> {
    const message = parsePanelMessage(value);
    if (!message) {
      this.context.log.warn('The layering panel sent a message of an unknown shape; ignored.');
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.context.reportError(`The layering panel could not ${message.type}`, error);
    }
  }

  private async handle(message: PanelMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.update();
        this.flushFocus();
        return;
      case 'reveal':
        await revealRange(this.context, message.path, message.range, this.panel?.viewColumn);
        return;
      case 'applyFix':
        await applyFinding(this.context, message.key);
        return;
      case 'export':
        await exportPicture(this.data(), message.format, message.options);
        return;
    }
  }

  private scheduleUpdate(): void {
    if (!this.panel?.visible || !this.ready || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DELAY_MS);
  }

  private update(): void {
    if (!this.panel || !this.ready) return;
    this.post({ type: 'update', data: this.data() });
  }

  private flushFocus(): void {
    if (!this.pendingFocus || !this.ready) return;
    this.post({ type: 'focusWorkload', id: this.pendingFocus });
    this.pendingFocus = undefined;
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private disposePanel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
  }

  dispose(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.disposePanel();
    panel?.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
