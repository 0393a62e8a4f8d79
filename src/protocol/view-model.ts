import type { Kernel, Mismatch, PanelData, PanelFinding, PanelWorkload } from './panel-data.js';

/** Which workloads the panel shows: the whole workspace or the file in the active editor. */
export type Scope = 'workspace' | 'file';

/** What the outer boxes are. */
export type GroupBy = 'pool' | 'namespace' | 'role';

/** How the user has set up the panel; kept in the webview's state. */
export interface ViewOptions {
  /** Default `workspace`. */
  scope: Scope;
  /** Default `pool`. */
  groupBy: GroupBy;
  /** Words that must all occur in a workload's text (name, kind, roles, rules...). Default ''. */
  filter: string;
}

export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  scope: 'workspace',
  groupBy: 'pool',
  filter: '',
};

/** Another workload that can land on the same nodes as the card's workload. */
export interface CardLink {
  /** The other workload's key. */
  key: string;
  label: string;
  /** Whether a cross-workload finding names the two together. */
  flagged: boolean;
  /** Whether both run on the node's kernel (neither sandboxed nor a VM), so share it. */
  sharesKernel: boolean;
  /** Whether its card is drawn under the current scope and filter. */
  shown: boolean;
}

/** A workload drawn as a card. */
export interface WorkloadCard {
  workload: PanelWorkload;
  findings: PanelFinding[];
  mismatches: Mismatch[];
  links: CardLink[];
}

/** The runtime inside an outer box: the node's kernel, sandboxes, or virtual machines. */
export interface RuntimeBox {
  kernel: Kernel | 'unknown';
  title: string;
  cards: WorkloadCard[];
}

/** An outer box: a node pool, the shared nodes, a namespace or a role. */
export interface OuterBox {
  key: string;
  kind: 'pool' | 'shared-nodes' | 'unknown-nodes' | 'namespace' | 'role';
  title: string;
  runtimes: RuntimeBox[];
  workloadCount: number;
  mismatchCount: number;
}

/** Everything the panel draws for one set of data and options. */
export interface ViewModel {
  boxes: OuterBox[];
  /** Workloads drawn, and workloads in scope before filtering. */
  shown: number;
  inScope: number;
  mismatchCount: number;
  /** Findings in scope that are about no workload (syntax errors, for instance). */
  looseFindings: PanelFinding[];
}

const RUNTIME_TITLES: Record<RuntimeBox['kernel'], string> = {
  shared: 'Shared kernel',
  sandboxed: 'Sandboxed kernel',
  vm: 'Virtual machines',
  unknown: 'Layers not known',
};
const RUNTIME_ORDER: RuntimeBox['kernel'][] = ['shared', 'sandboxed', 'vm', 'unknown'];

/** Works out the boxes and cards the panel draws; pure, so the panel and the export share it. */
export function buildViewModel(data: PanelData, options: ViewOptions): ViewModel {
  const inScope = data.workloads.filter((workload) => isInScope(workload.path, data, options));
  const findingsByWorkload = groupFindings(data.findings);
  const words = options.filter.toLowerCase().split(/\s+/).filter(Boolean);

  const cards: WorkloadCard[] = [];
  for (const workload of inScope) {
    const findings = findingsByWorkload.get(workload.key) ?? [];
    if (!matchesFilter(workload, findings, words)) continue;
    cards.push({ workload, findings, mismatches: workload.mismatches, links: [] });
  }

  const shownKeys = new Set(cards.map((card) => card.workload.key));
  const byKey = new Map(data.workloads.map((workload) => [workload.key, workload]));
  for (const card of cards) card.links = linksOf(card.workload, byKey, shownKeys);

  const looseFindings = data.findings.filter(
    (finding) => !finding.workloadKey && isInScope(finding.path, data, options),
  );
  const boxes = groupCards(cards, options.groupBy);
  return {
    boxes,
    shown: cards.length,
    inScope: inScope.length,
    mismatchCount: boxes.reduce((sum, box) => sum + box.mismatchCount, 0),
    looseFindings,
  };
}

/** `Kind name`, or `Kind namespace/name` outside the default namespace. */
export function labelOf(workload: Pick<PanelWorkload, 'kind' | 'name' | 'namespace'>): string {
  const where = workload.namespace === 'default' ? '' : `${workload.namespace}/`;
  return `${workload.kind} ${where}${workload.name}`;
}

/**
 * The card's links: workloads a finding names together with it first, then the ones that can
 * land on the same nodes.
 */
function linksOf(
  workload: PanelWorkload,
  byKey: Map<string, PanelWorkload>,
  shownKeys: Set<string>,
): CardLink[] {
  const keys = [...new Set([...workload.flaggedWith, ...workload.colocatedWith])];
  const links: CardLink[] = [];
  for (const key of keys) {
    const other = byKey.get(key);
    if (!other || other === workload) continue;
    links.push({
      key,
      label: labelOf(other),
      flagged: workload.flaggedWith.includes(key),
      sharesKernel: workload.isolation?.kernel === 'shared' && other.isolation?.kernel === 'shared',
      shown: shownKeys.has(key),
    });
  }
  return links;
}

/** The Pod Security level to show: none is judged for a VM, and unknown without layers. */
export function podSecurityOf(workload: PanelWorkload): string {
  if (!workload.isolation) return 'unknown';
  return workload.isolation.podSecurity ?? 'not judged';
}

/** The outer box a workload belongs in when grouped by node pool. */
export function poolBoxOf(workload: PanelWorkload): Pick<OuterBox, 'key' | 'kind' | 'title'> {
  if (!workload.isolation) {
    return { key: 'nodes:unknown', kind: 'unknown-nodes', title: 'Nodes not known' };
  }
  if (workload.isolation.nodes === 'shared') {
    return { key: 'nodes:shared', kind: 'shared-nodes', title: 'Shared nodes' };
  }
  const pool = workload.pool ?? '(unnamed)';
  return { key: `pool:${pool}`, kind: 'pool', title: `Dedicated pool ${pool}` };
}

function isInScope(path: string, data: PanelData, options: ViewOptions): boolean {
  return options.scope === 'workspace' || path === data.activePath;
}

function groupFindings(findings: PanelFinding[]): Map<string, PanelFinding[]> {
  const result = new Map<string, PanelFinding[]>();
  for (const finding of findings) {
    if (!finding.workloadKey) continue;
    const list = result.get(finding.workloadKey) ?? [];
    list.push(finding);
    result.set(finding.workloadKey, list);
  }
  return result;
}

function matchesFilter(workload: PanelWorkload, findings: PanelFinding[], words: string[]) {
  if (words.length === 0) return true;
  const text = [
    workload.id,
    workload.path,
    workload.pool ?? '',
    ...workload.roles,
    ...Object.values(workload.isolation ?? {}),
    ...findings.map((finding) => finding.ruleId),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

function boxOf(
  workload: PanelWorkload,
  groupBy: GroupBy,
): Pick<OuterBox, 'key' | 'kind' | 'title'> {
  if (groupBy === 'namespace') {
    return { key: `ns:${workload.namespace}`, kind: 'namespace', title: workload.namespace };
  }
  if (groupBy === 'role') {
    // A workload with several roles is drawn once, under its first role.
    const role = workload.roles[0] ?? 'no role';
    return { key: `role:${role}`, kind: 'role', title: role };
  }
  return poolBoxOf(workload);
}

const BOX_KIND_ORDER: Record<OuterBox['kind'], number> = {
  pool: 0,
  namespace: 0,
  role: 0,
  'shared-nodes': 1,
  'unknown-nodes': 2,
};

function groupCards(cards: WorkloadCard[], groupBy: GroupBy): OuterBox[] {
  const boxes = new Map<string, OuterBox>();
  for (const card of cards) {
    const where = boxOf(card.workload, groupBy);
    let box = boxes.get(where.key);
    if (!box) {
      box = { ...where, runtimes: [], workloadCount: 0, mismatchCount: 0 };
      boxes.set(where.key, box);
    }
    const kernel = card.workload.isolation?.kernel ?? 'unknown';
    let runtime = box.runtimes.find((candidate) => candidate.kernel === kernel);
    if (!runtime) {
      runtime = { kernel, title: RUNTIME_TITLES[kernel], cards: [] };
      box.runtimes.push(runtime);
    }
    runtime.cards.push(card);
    box.workloadCount += 1;
    if (card.mismatches.some((item) => item.direction === 'below')) box.mismatchCount += 1;
  }

  for (const box of boxes.values()) {
    box.runtimes.sort((a, b) => RUNTIME_ORDER.indexOf(a.kernel) - RUNTIME_ORDER.indexOf(b.kernel));
    for (const runtime of box.runtimes) runtime.cards.sort(compareCards);
  }
  return [...boxes.values()].sort(
    (a, b) => BOX_KIND_ORDER[a.kind] - BOX_KIND_ORDER[b.kind] || a.title.localeCompare(b.title),
  );
}

/** Cards that need attention first, then by id, so the order is stable between updates. */
function compareCards(a: WorkloadCard, b: WorkloadCard): number {
  const needs = (card: WorkloadCard) =>
    card.mismatches.some((m) => m.direction === 'below') ? 0 : 1;
  return needs(a) - needs(b) || a.workload.key.localeCompare(b.workload.key);
}
