import type { Range, Severity } from '../core/report/types.js';

/** What runs a workload's code: a kernel shared with its node, a sandbox, or a virtual machine. */
export type Kernel = 'shared' | 'sandboxed' | 'vm';

/** Whether a workload's nodes also run other workloads. */
export type Nodes = 'shared' | 'dedicated';

/** The highest Pod Security level a workload's pods meet. */
export type PodSecurity = 'privileged' | 'baseline' | 'restricted';

/** The three layers of a workload; `podSecurity` is null where no pod is judged (a VM). */
export interface Isolation {
  kernel: Kernel;
  nodes: Nodes;
  podSecurity: PodSecurity | null;
}

/** A layer where the workload is not where the analysis recommends. */
export interface Mismatch {
  layer: keyof Isolation;
  current: string;
  recommended: string;
  /** `below`: less isolated than it needs; `above`: more than it needs. */
  direction: 'below' | 'above';
  /** The role that asks for the recommendation, when the analysis says. */
  because: string | null;
}

/** Why a workload has a role: the lines that gave it away. */
export interface PanelEvidence {
  role: string;
  path: string;
  range: Range;
  reason: string;
}

/** A workload as the panel and the tree draw it; every field is plain data. */
export interface PanelWorkload {
  /** Names the workload in the panel: its path and id, as two files may define the same id. */
  key: string;
  /** `<Kind>/<namespace>/<name>`. */
  id: string;
  kind: string;
  name: string;
  namespace: string;
  path: string;
  /** The path as the user reads it, e.g. relative to the workspace folder. */
  displayPath: string;
  range: Range;
  roles: string[];
  evidence: PanelEvidence[];
  /** Null when the analysis did not work out the layers. */
  isolation: Isolation | null;
  /** Only the layers the analysis recommends; an absent layer has no recommendation. */
  recommended: Partial<Isolation>;
  /** Where the layers differ from the recommendation, as the analysis reports it. */
  mismatches: Mismatch[];
  /** The dedicated node pool the workload is pinned to (`label=value`), when one is named. */
  pool: string | null;
  /** Keys of other workloads that can land on the same nodes (the core lists up to ten ids). */
  colocatedWith: string[];
  /** Keys of other workloads a cross-workload finding names together with this one. */
  flaggedWith: string[];
}

/** A finding as the panel shows it. */
export interface PanelFinding {
  /** Identifies the finding within one snapshot of the index; see `findingKey`. */
  key: string;
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  /** The path as the user reads it, e.g. relative to the workspace folder. */
  displayPath: string;
  range: Range;
  /** The id of the workload the finding is about, if any. */
  workload: string | null;
  /** The key of that workload in the panel's data, if it has one. */
  workloadKey: string | null;
  /** The title of the fix "Apply fix" applies, or null when the finding has none. */
  fixTitle: string | null;
}

/** Everything the panel draws, sent whole on each change. */
export interface PanelData {
  workloads: PanelWorkload[];
  findings: PanelFinding[];
  /** The path of the file in the active editor, for the "current file" scope. */
  activePath: string | null;
}
