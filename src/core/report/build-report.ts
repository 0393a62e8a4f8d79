import { LineIndex } from './line-index.js';
import type { Finding, RawFinding, Range } from './types.js';

/** Line indexes of the files a report speaks of, built once per text. */
export class PositionTable {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  constructor(private readonly textOf: (path: string) => string | undefined) {}

  range(path: string, span: { start: number; end: number }): Range {
    const text = this.textOf(path) ?? '';
    let entry = this.indexes.get(path);
    if (!entry || entry.text !== text) {
      entry = { text, index: new LineIndex(text) };
      this.indexes.set(path, entry);
    }
    return entry.index.range(span);
  }
}

/** The one place where offsets become line and character positions. */
export function toFinding(raw: RawFinding, positions: PositionTable): Finding {
  return {
    ruleId: raw.ruleId,
    severity: raw.severity,
    message: raw.message,
    path: raw.path,
    range: positions.range(raw.path, raw.span),
    pss: raw.pss,
    workload: raw.workload,
    related: raw.related.map((related) => ({
      path: related.path,
      range: positions.range(related.path, related.span),
      message: related.message,
    })),
    fixable: raw.fixes.length > 0,
    fixes: raw.fixes.map((fix) => ({
      title: fix.title,
      preferred: fix.preferred ?? false,
      edits: fix.edits.map((edit) => ({
        range: positions.range(raw.path, edit.span),
        newText: edit.newText,
      })),
    })),
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Orders findings by file, then position, then severity, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const line = a.range.start.line - b.range.start.line;
  if (line !== 0) return line;
  const character = a.range.start.character - b.range.start.character;
  if (character !== 0) return character;
  const severity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (severity !== 0) return severity;
  return a.ruleId.localeCompare(b.ruleId);
}
