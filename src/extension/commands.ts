import * as vscode from 'vscode';
import { RULES } from '../core/rules/registry.js';
import type { LayerwiseContext } from './layerwise-context.js';

/** Registers the handlers of the core glue's commands (the panel and tree register theirs). */
export function registerCoreCommands(context: LayerwiseContext): void {
  context.registerCommand('layerwise.showLog', () => context.log.show());
  context.registerCommand('layerwise.refresh', async () => {
    await context.configs.loadAll();
    context.index.analyseNow();
  });
  context.registerCommand('layerwise.showRuleDocumentation', (ruleId: unknown) =>
    showRuleDocumentation(context, ruleId),
  );
}

/** Opens a rule's page from the package in the Markdown preview: offline, inside the editor. */
async function showRuleDocumentation(context: LayerwiseContext, ruleId: unknown): Promise<void> {
  const id = typeof ruleId === 'string' ? ruleId : await pickRule(context);
  if (!id) return;
  await vscode.commands.executeCommand('markdown.showPreview', context.ruleDocUri(id));
}

async function pickRule(context: LayerwiseContext): Promise<string | undefined> {
  const ids = [...new Set(context.index.allFindings().map((finding) => finding.ruleId))].sort();
  const items = RULES.map((rule) => ({
    label: rule.meta.id,
    description: ids.includes(rule.meta.id) ? 'found in this workspace' : '',
    detail: rule.meta.description,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Rule' });
  return picked?.label;
}
