import type { Report, WorkloadSummary } from '../core/analyze.js';
import type { Finding, Range } from '../core/report/types.js';

/** One file's share of a report. */
export interface FileResult {
  findings: Finding[];
  workloads: WorkloadSummary[];
}

/** Splits a report by the file each finding and workload is in, keeping the report's order. */
export function groupReport(report: Report): Map<string, FileResult> {
  const byPath = new Map<string, FileResult>();
  const resultFor = (path: string) => {
    let result = byPath.get(path);
    if (!result) {
      result = { findings: [], workloads: [] };
      byPath.set(path, result);
    }
    return result;
  };
  for (const finding of report.findings) resultFor(finding.path).findings.push(finding);
  for (const workload of report.workloads) resultFor(workload.path).workloads.push(workload);
  return byPath;
}

/**
 * Whether two results of a file whose text did not change say the same, so its diagnostics
 * need no update. Fixes and evidence follow from the file's own text, so only what the editor
 * shows is compared: far cheaper than comparing everything, on every keystroke.
 */
export function sameFileResult(a: FileResult, b: FileResult): boolean {
  if (a === b) return true;
  if (a.findings.length !== b.findings.length || a.workloads.length !== b.workloads.length) {
    return false;
  }
  for (let index = 0; index < a.findings.length; index++) {
    if (!sameFinding(a.findings[index], b.findings[index])) return false;
  }
  for (let index = 0; index < a.workloads.length; index++) {
    if (!sameWorkload(a.workloads[index], b.workloads[index])) return false;
  }
  return true;
}

function sameFinding(a: Finding | undefined, b: Finding | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.ruleId !== b.ruleId || a.severity !== b.severity || a.message !== b.message) return false;
  if (!sameRange(a.range, b.range) || a.fixes.length !== b.fixes.length) return false;
  if (a.related.length !== b.related.length) return false;
  return a.related.every((item, index) => {
    const other = b.related[index];
    return other !== undefined && item.path === other.path && sameRange(item.range, other.range);
  });
}

interface LayeringFields {
  roles?: string[];
  isolation?: Record<string, unknown>;
  recommended?: Record<string, unknown>;
  colocatedWith?: string[];
}

/** What the editor shows of a workload: its place, and the layering fields when present. */
function sameWorkload(a: WorkloadSummary | undefined, b: WorkloadSummary | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.id !== b.id || !sameRange(a.range, b.range)) return false;
  const left = a as WorkloadSummary & LayeringFields;
  const right = b as WorkloadSummary & LayeringFields;
  return (
    sameList(left.roles, right.roles) &&
    sameList(left.colocatedWith, right.colocatedWith) &&
    sameFlat(left.isolation, right.isolation) &&
    sameFlat(left.recommended, right.recommended)
  );
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameFlat(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined) {
  if (!a || !b) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
