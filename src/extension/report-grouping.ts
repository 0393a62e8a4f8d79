import type { Report, WorkloadSummary } from '../core/analyze.js';
import type { Finding } from '../core/report/types.js';

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

/** Whether two results of a file say the same, so its diagnostics need no update. */
export function sameFileResult(a: FileResult, b: FileResult): boolean {
  if (a === b) return true;
  if (a.findings.length !== b.findings.length || a.workloads.length !== b.workloads.length) {
    return false;
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
