import * as vscode from 'vscode';
import type { Range } from '../../core/report/types.js';
import type { PanelData } from '../../protocol/panel-data.js';
import { currentPanelData } from '../panel/current-data.js';
import { toRange } from '../diagnostics.js';
import type { LayerwiseContext } from '../layerwise-context.js';
import { buildTree, type LayersNode, type PoolNode } from './tree-model.js';

const REFRESH_DELAY_MS = 100;

const POOL_ICONS: Record<PoolNode['box'], string> = {
  pool: 'server-environment',
  'shared-nodes': 'server',
  'unknown-nodes': 'question',
  namespace: 'symbol-namespace',
  role: 'tag',
};

/** Node pools (or the shared nodes), then workloads, then findings; built from the index. */
export class LayersTree implements vscode.TreeDataProvider<LayersNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: PoolNode[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly context: LayerwiseContext) {
    this.disposables.push(context.index.onDidChange(() => this.scheduleRefresh()));
  }

  /** Rebuilds the tree from the index now. */
  refresh(): void {
    this.roots = undefined;
    this.changed.fire();
  }

  /** The count of workloads that need more isolation, for the view's badge. */
  attentionCount(): number {
    return this.rootsNow().reduce(
      (sum, pool) => sum + pool.workloads.filter((node) => node.needsIsolation).length,
      0,
    );
  }

  getChildren(node?: LayersNode): LayersNode[] {
    if (!node) return this.rootsNow();
    if (node.type === 'pool') return node.workloads;
    if (node.type === 'workload') return node.findings;
    return [];
  }

  getTreeItem(node: LayersNode): vscode.TreeItem {
    if (node.type === 'pool') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `pool:${node.key}`;
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(POOL_ICONS[node.box]);
      item.contextValue = 'pool';
      return item;
    }
    if (node.type === 'workload') {
      const state =
        node.findings.length > 0
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None;
      const item = new vscode.TreeItem(node.label, state);
      const workload = node.card.workload;
      item.id = `workload:${node.id}`;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
      item.iconPath = node.needsIsolation
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('pass');
      item.command = openCommand(workload.path, workload.range);
      item.contextValue = 'workload';
      return item;
    }
    const { finding } = node;
    const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
    item.id = `finding:${finding.key}`;
    item.description = finding.ruleId;
    item.tooltip = `${finding.ruleId}: ${finding.message}`;
    item.iconPath = new vscode.ThemeIcon(finding.severity);
    item.command = openCommand(finding.path, finding.range);
    item.contextValue = finding.fixTitle ? 'finding.fixable' : 'finding';
    return item;
  }

  private rootsNow(): PoolNode[] {
    this.roots ??= buildTree(this.data());
    return this.roots;
  }

  private data(): PanelData {
    return currentPanelData(this.context, null);
  }

  private scheduleRefresh(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function openCommand(path: string, range: Range): vscode.Command {
  return {
    command: 'vscode.open',
    title: 'Reveal in Editor',
    arguments: [vscode.Uri.parse(path), { selection: toRange(range) }],
  };
}
