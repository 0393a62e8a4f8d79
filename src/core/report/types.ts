/** A half-open range of UTF-16 offsets into one file's text. */
export interface Span {
  start: number;
  end: number;
}

/** A zero-based position, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

/** A zero-based range, as in the Language Server Protocol. */
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export type PssLevel = 'baseline' | 'restricted';

/** A replacement of the text in `span` by `newText`; offsets refer to the file before any edit. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A fix a rule offers: one or more edits to the file the finding is in. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix for the finding, offered first and applied by "fix all". */
  preferred?: boolean;
}

/** Another place that explains a finding, possibly in another file. */
export interface RelatedSpan {
  path: string;
  span: Span;
  message: string;
}

/** A finding as rules produce it: offsets, before positions are computed. */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  span: Span;
  pss: PssLevel | null;
  /** `<Kind>/<namespace>/<name>` of the workload the finding is about, if any. */
  workload: string | null;
  related: RelatedSpan[];
  fixes: Fix[];
  /** For an `internal-error` finding: the rule that threw, whose findings there are missing. */
  crashedRule?: string;
}

/** A finding as the report carries it: LSP ranges, JSON-serialisable. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  range: Range;
  pss: PssLevel | null;
  workload: string | null;
  related: { path: string; range: Range; message: string }[];
  fixable: boolean;
  fixes: { title: string; preferred: boolean; edits: { range: Range; newText: string }[] }[];
}
