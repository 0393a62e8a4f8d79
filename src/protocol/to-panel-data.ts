import type { Report } from '../core/analyze.js';
import type { Finding } from '../core/report/types.js';
import { isObject, isRange, type Loose } from './guards.js';
import type {
  Isolation,
  Kernel,
  Nodes,
  PanelData,
  PanelEvidence,
  PanelFinding,
  PanelWorkload,
  PodSecurity,
  Mismatch,
} from './panel-data.js';

const KERNELS: readonly Kernel[] = ['shared', 'sandboxed', 'vm'];
const NODES: readonly Nodes[] = ['shared', 'dedicated'];
const POD_SECURITY: readonly PodSecurity[] = ['privileged', 'baseline', 'restricted'];

/**
 * Turns the index's reports into what the panel and the tree draw. Reads the layering fields of
 * a workload when they are there and tolerates their absence, so the panel works with any
 * report the core produces.
 */
export function toPanelData(
  reports: Iterable<Report>,
  activePath: string | null,
  describePath: (path: string) => string = (path) => path,
): PanelData {
  const workloads = new Map<string, PanelWorkload>();
  const all: Finding[] = [];
  for (const report of reports) {
    for (const summary of report.workloads) {
      const key = workloadKey(summary.path, summary.id);
      if (!workloads.has(key)) {
        workloads.set(key, toPanelWorkload(summary, key, describePath(summary.path)));
      }
    }
    all.push(...report.findings);
  }
  const list = [...workloads.values()];
  const resolve = keyResolver(list);
  const findings = [...keyFindings(all)].map(([key, finding]) =>
    toPanelFinding(finding, key, describePath(finding.path), resolve),
  );

  for (const workload of list) {
    workload.colocatedWith = workload.colocatedWith.flatMap((id) => resolve.all(id));
  }
  linkRelatedWorkloads(list, all, resolve);
  return { workloads: list, findings, activePath };
}

/** The key of a workload: two files may define the same id (overlays, environments). */
export function workloadKey(path: string, id: string): string {
  return `${path}|${id}`;
}

interface KeyResolver {
  /** The key of workload `id`, preferring the one defined in `path`. */
  one(id: string, path: string): string | undefined;
  /** The keys of every workload with this id. */
  all(id: string): string[];
}

function keyResolver(workloads: PanelWorkload[]): KeyResolver {
  const byId = new Map<string, PanelWorkload[]>();
  for (const workload of workloads) {
    const list = byId.get(workload.id) ?? [];
    list.push(workload);
    byId.set(workload.id, list);
  }
  return {
    one(id, path) {
      const list = byId.get(id) ?? [];
      return (list.find((workload) => workload.path === path) ?? list[0])?.key;
    },
    all(id) {
      return (byId.get(id) ?? []).map((workload) => workload.key);
    },
  };
}

/**
 * Names each finding by its file, rule and range (and an ordinal when those repeat), so a
 * message from the panel can point at a finding of the same snapshot of the index.
 */
export function keyFindings(findings: Iterable<Finding>): Map<string, Finding> {
  const keyed = new Map<string, Finding>();
  for (const finding of findings) {
    const { start, end } = finding.range;
    const where = `${start.line}:${start.character}-${end.line}:${end.character}`;
    const base = `${finding.path}|${finding.ruleId}|${where}`;
    let key = base;
    for (let ordinal = 1; keyed.has(key); ordinal += 1) key = `${base}#${ordinal}`;
    keyed.set(key, finding);
  }
  return keyed;
}

/** The fix "Apply fix" uses: the preferred one, else the first. */
export function chooseFix(finding: Finding): Finding['fixes'][number] | undefined {
  return finding.fixes.find((fix) => fix.preferred) ?? finding.fixes[0];
}

function toPanelFinding(
  finding: Finding,
  key: string,
  displayPath: string,
  resolve: KeyResolver,
): PanelFinding {
  return {
    key,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    displayPath,
    range: finding.range,
    workload: finding.workload,
    workloadKey: finding.workload ? (resolve.one(finding.workload, finding.path) ?? null) : null,
    fixTitle: chooseFix(finding)?.title ?? null,
  };
}

function toPanelWorkload(
  summary: Report['workloads'][number],
  key: string,
  displayPath: string,
): PanelWorkload {
  const loose = summary as unknown as Loose;
  return {
    key,
    id: summary.id,
    kind: summary.kind,
    name: summary.name,
    namespace: summary.namespace,
    path: summary.path,
    displayPath,
    range: summary.range,
    roles: readStrings(loose.roles),
    evidence: readEvidence(loose.evidence),
    isolation: readIsolation(loose.isolation),
    recommended: readPartialIsolation(loose.recommended),
    mismatches: readMismatches(loose.mismatches),
    pool: readPool(loose),
    colocatedWith: readStrings(loose.colocatedWith),
    flaggedWith: [],
  };
}

function readStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

function readEvidence(value: unknown): PanelEvidence[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isEvidence).map((item) => ({
    role: item.role,
    path: item.path,
    range: item.range,
    reason: item.reason,
  }));
}

function isEvidence(value: unknown): value is PanelEvidence {
  if (!isObject(value)) return false;
  const item = value;
  return (
    typeof item.role === 'string' &&
    typeof item.path === 'string' &&
    typeof item.reason === 'string' &&
    isRange(item.range)
  );
}

function readIsolation(value: unknown): Isolation | null {
  const partial = readPartialIsolation(value);
  if (!partial.kernel || !partial.nodes) return null;
  return { kernel: partial.kernel, nodes: partial.nodes, podSecurity: partial.podSecurity ?? null };
}

const LAYERS: readonly Mismatch['layer'][] = ['kernel', 'nodes', 'podSecurity'];

function readMismatches(value: unknown): Mismatch[] {
  if (!Array.isArray(value)) return [];
  const result: Mismatch[] = [];
  for (const item of value) {
    if (!isObject(item) || !isOneOf(item.layer, LAYERS)) continue;
    if (item.direction !== 'below' && item.direction !== 'above') continue;
    result.push({
      layer: item.layer,
      direction: item.direction,
      current: String(item.actual ?? item.current ?? 'none'),
      recommended: String(item.recommended ?? 'none'),
      because: typeof item.because === 'string' ? item.because : null,
    });
  }
  return result;
}

function readPartialIsolation(value: unknown): Partial<Isolation> {
  if (!isObject(value)) return {};
  const loose = value;
  const result: Partial<Isolation> = {};
  if (isOneOf(loose.kernel, KERNELS)) result.kernel = loose.kernel;
  if (isOneOf(loose.nodes, NODES)) result.nodes = loose.nodes;
  if (isOneOf(loose.podSecurity, POD_SECURITY)) result.podSecurity = loose.podSecurity;
  return result;
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** The first node group other than the shared nodes, for a workload on dedicated nodes. */
function readPool(loose: Loose): string | null {
  if (!isObject(loose.isolation) || loose.isolation.nodes !== 'dedicated') return null;
  return readStrings(loose.nodeGroups).find((group) => group !== 'shared') ?? null;
}

/**
 * Records the pairs that cross-workload findings name: a finding about one workload whose
 * related location lies in another workload flags the two together.
 */
function linkRelatedWorkloads(
  workloads: PanelWorkload[],
  findings: Finding[],
  resolve: KeyResolver,
): void {
  const byKey = new Map(workloads.map((workload) => [workload.key, workload]));
  const byPath = new Map<string, PanelWorkload[]>();
  for (const workload of workloads) {
    const list = byPath.get(workload.path) ?? [];
    list.push(workload);
    byPath.set(workload.path, list);
  }
  for (const list of byPath.values()) list.sort((a, b) => a.range.start.line - b.range.start.line);

  for (const finding of findings) {
    const sourceKey = finding.workload ? resolve.one(finding.workload, finding.path) : undefined;
    const source = sourceKey ? byKey.get(sourceKey) : undefined;
    if (!source) continue;
    for (const related of finding.related) {
      const target = workloadAt(byPath.get(related.path), related.range.start.line);
      if (target && target !== source) link(source, target);
    }
  }
}

/**
 * The workload a related location points into: one whose range starts on that line, else the
 * last one starting before it (a workload's range is its `kind` value, near the object's top).
 */
function workloadAt(list: PanelWorkload[] | undefined, line: number): PanelWorkload | undefined {
  let found: PanelWorkload | undefined;
  for (const workload of list ?? []) {
    if (workload.range.start.line > line) break;
    found = workload;
  }
  return found;
}

function link(a: PanelWorkload, b: PanelWorkload): void {
  if (!a.flaggedWith.includes(b.key)) a.flaggedWith.push(b.key);
  if (!b.flaggedWith.includes(a.key)) b.flaggedWith.push(a.key);
}
