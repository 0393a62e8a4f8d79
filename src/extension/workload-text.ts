import type { Range } from '../core/report/types.js';

/** The three layers of a workload, as the report writes them. */
export interface LayersView {
  kernel: string;
  nodes: string;
  podSecurity: string | null;
}

/**
 * The layering fields of a report's workload that the editor shows. Every field is optional:
 * files analysed before the layering model ran, or kinds it does not judge, have none.
 */
export interface WorkloadView {
  id: string;
  kind: string;
  name: string;
  namespace: string;
  path?: string;
  roles?: string[];
  rolesDeclared?: boolean;
  evidence?: { role: string; path: string; range: Range; reason: string }[];
  isolation?: LayersView;
  recommended?: LayersView;
}

const KERNEL_WORDS: Record<string, string> = {
  shared: 'shared kernel',
  sandboxed: 'sandboxed kernel',
  vm: 'VM',
};

/** `shared kernel · shared nodes · baseline`, or undefined without layering data. */
export function describeLayers(layers: LayersView | undefined): string | undefined {
  if (!layers) return undefined;
  const parts = [KERNEL_WORDS[layers.kernel] ?? `${layers.kernel} kernel`, `${layers.nodes} nodes`];
  if (layers.podSecurity) parts.push(layers.podSecurity);
  return parts.join(' · ');
}

/** The layers where the recommendation differs from the workload, in the same words. */
export function describeChanges(workload: WorkloadView): string | undefined {
  const { isolation, recommended } = workload;
  if (!isolation || !recommended) return undefined;
  const changes: string[] = [];
  if (recommended.kernel !== isolation.kernel) {
    changes.push(KERNEL_WORDS[recommended.kernel] ?? `${recommended.kernel} kernel`);
  }
  if (recommended.nodes !== isolation.nodes) changes.push(`${recommended.nodes} nodes`);
  if (recommended.podSecurity && recommended.podSecurity !== isolation.podSecurity) {
    changes.push(recommended.podSecurity);
  }
  return changes.join(' · ');
}

/**
 * The CodeLens title above a workload:
 * `shared kernel · shared nodes · baseline → recommended: dedicated nodes`.
 */
export function lensTitle(workload: WorkloadView): string {
  const layers = describeLayers(workload.isolation);
  if (!layers) return 'Layerwise: show in the layering panel';
  const changes = describeChanges(workload);
  if (changes === undefined) return layers;
  return changes === '' ? `${layers} · fits its roles` : `${layers} → recommended: ${changes}`;
}

/** Escapes text from a file for Markdown, so a name or label cannot add links or markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (character) => `\\${character}`);
}

/**
 * The hover of a workload as Markdown: its layers, its roles with the evidence for each (line
 * numbers are 1-based, as the editor shows them), and the recommendation. Every string from a
 * file is escaped; `openPanelLink` is the only link.
 */
export function hoverMarkdown(workload: WorkloadView, openPanelLink: string): string {
  const lines = [
    `**${escapeMarkdown(`${workload.kind} ${workload.namespace}/${workload.name}`)}**`,
  ];
  const layers = describeLayers(workload.isolation);
  lines.push('', layers ? `Layers: ${escapeMarkdown(layers)}` : 'Layers: not judged');

  const roles = workload.roles ?? [];
  if (roles.length > 0) {
    const declared = workload.rolesDeclared ? ' (declared)' : '';
    lines.push('', `Roles: ${escapeMarkdown(roles.join(', '))}${declared}`);
    for (const clue of workload.evidence ?? []) {
      const where = placeOf(clue, workload.path);
      lines.push(`- ${escapeMarkdown(clue.role)}: ${escapeMarkdown(clue.reason)} (${where})`);
    }
  }
  const changes = describeChanges(workload);
  if (changes !== undefined) {
    const text = changes === '' ? 'nothing to change' : describeLayers(workload.recommended);
    lines.push('', `Recommended: ${escapeMarkdown(text ?? changes)}`);
  }
  lines.push('', `[Show in the layering panel](${openPanelLink})`);
  return lines.join('\n');
}

/** `line 7`, or `namespace.yaml line 3` for evidence in another file; lines count from 1. */
function placeOf(clue: { path: string; range: Range }, workloadPath: string | undefined): string {
  const line = `line ${clue.range.start.line + 1}`;
  if (workloadPath === undefined || clue.path === workloadPath) return line;
  const name = clue.path.slice(clue.path.lastIndexOf('/') + 1);
  return `${escapeMarkdown(decodeURIComponent(name))} ${line}`;
}
