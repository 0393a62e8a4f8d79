import * as vscode from 'vscode';
import type { LayerwiseContext } from '../layerwise-context.js';
import { LayersTree } from './layers-tree.js';
import { LAYERS_VIEW_ID } from './tree-model.js';

/**
 * Registers the side view in the Layerwise activity bar container. Its toolbar runs
 * `layerwise.refresh`, `layerwise.openPanel` and `layerwise.scanWorkspace` (see the manifest);
 * when there is nothing to show, the manifest's welcome view offers the scan.
 */
export function registerTree(context: LayerwiseContext): LayersTree {
  const tree = context.register(new LayersTree(context));
  const view = context.register(
    vscode.window.createTreeView(LAYERS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
  );

  const updateBadge = () => {
    const count = tree.attentionCount();
    view.badge =
      count > 0 ? { value: count, tooltip: `${count} workloads need more isolation` } : undefined;
  };
  context.register(tree.onDidChangeTreeData(updateBadge));
  updateBadge();
  return tree;
}
