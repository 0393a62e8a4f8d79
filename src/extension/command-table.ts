/**
 * Every command the extension contributes, in one table. `package.json` declares the same list
 * (a unit test keeps them in step); `owner` says which part of the extension registers the
 * handler, so the core glue never registers a command the panel or the tree implements.
 */
export const COMMANDS = [
  { id: 'layerwise.fixAll', title: 'Fix All Auto-Fixable Problems', owner: 'core' },
  { id: 'layerwise.exportReport', title: 'Export Layering Report', owner: 'panel' },
  { id: 'layerwise.openPanel', title: 'Open Layering Panel', owner: 'panel' },
  { id: 'layerwise.refresh', title: 'Refresh', owner: 'core' },
  { id: 'layerwise.scanWorkspace', title: 'Scan Workspace', owner: 'core' },
  { id: 'layerwise.showLog', title: 'Show Log', owner: 'core' },
  { id: 'layerwise.showRuleDocumentation', title: 'Show Rule Documentation', owner: 'core' },
] as const;

export type CommandId = (typeof COMMANDS)[number]['id'];

/** The category every command is listed under in the Command Palette. */
export const COMMAND_CATEGORY = 'Layerwise';
