// Pure: what the side view shows. No `vscode` import, so unit tests can check it.
import type { Kernel, PanelData, PanelFinding } from '../../protocol/panel-data.js';
import {
  buildViewModel,
  DEFAULT_VIEW_OPTIONS,
  podSecurityOf,
  type OuterBox,
  type WorkloadCard,
} from '../../protocol/view-model.js';

/** The id of the side view, as the manifest declares it. */
export const LAYERS_VIEW_ID = 'layerwise.layers';

/** A node pool (or the shared nodes), with its workloads. */
export interface PoolNode {
  type: 'pool';
  key: string;
  box: OuterBox['kind'];
  label: string;
  description: string;
  workloads: WorkloadNode[];
}

/** A workload, with the findings about it. */
export interface WorkloadNode {
  type: 'workload';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  needsIsolation: boolean;
  card: WorkloadCard;
  findings: FindingNode[];
}

/** One finding, which opens the file at its range. */
export interface FindingNode {
  type: 'finding';
  finding: PanelFinding;
}

export type LayersNode = PoolNode | WorkloadNode | FindingNode;

const KERNEL_LABELS: Record<Kernel, string> = {
  shared: 'shared kernel',
  sandboxed: 'sandboxed kernel',
  vm: 'virtual machine',
};

/** Groups the workspace's workloads by node pool, as the panel's default view draws them. */
export function buildTree(data: PanelData): PoolNode[] {
  const model = buildViewModel(data, DEFAULT_VIEW_OPTIONS);
  return model.boxes.map((box) => {
    const cards = box.runtimes.flatMap((runtime) => runtime.cards);
    const attention = box.mismatchCount > 0 ? ` · ${box.mismatchCount} need more isolation` : '';
    return {
      type: 'pool',
      key: box.key,
      box: box.kind,
      label: box.title,
      description: `${box.workloadCount}${attention}`,
      workloads: cards.map(toWorkloadNode),
    };
  });
}

function toWorkloadNode(card: WorkloadCard): WorkloadNode {
  const { workload } = card;
  const below = card.mismatches.filter((item) => item.direction === 'below');
  const kernel = workload.isolation ? KERNEL_LABELS[workload.isolation.kernel] : 'layers not known';
  const needs = below.map((item) => `${item.layer}: ${item.current} → ${item.recommended}`);
  const tooltip = [
    workload.id,
    `${kernel} · Pod Security ${podSecurityOf(workload)}`,
    workload.roles.length > 0 ? `Roles: ${workload.roles.join(', ')}` : '',
    ...needs,
  ].filter(Boolean);
  return {
    type: 'workload',
    id: workload.key,
    label: workload.name,
    description: [workload.kind, kernel, podSecurityOf(workload)].join(' · '),
    tooltip: tooltip.join('\n'),
    needsIsolation: below.length > 0,
    card,
    findings: card.findings.map((finding) => ({ type: 'finding', finding })),
  };
}
