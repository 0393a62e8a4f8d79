import type { Finding, Report, Severity } from '../core/index.js';

/** How the text report is written. */
export interface TextOptions {
  /** Whether to use ANSI colours. */
  color: boolean;
  /** How many files were checked, for the line printed when there is nothing to report. */
  fileCount: number;
  /**
   * Extra lines printed after a file's findings, given the part of the report about that file
   * (its findings and its workloads), e.g. a summary of where each workload runs.
   */
  fileSummary?: (fileReport: Report, path: string) => string[];
}

type Style = 'bold' | 'dim' | 'underline' | 'red' | 'yellow' | 'blue' | 'green';

const STYLE_CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  green: [32, 39],
};

// Text from manifests reaches the terminal; control characters could garble or restyle it.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Longer messages are not padded, so one long message does not widen every line. */
const MESSAGE_COLUMN_LIMIT = 80;

const SEVERITY_STYLES: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * Writes the report for people at a terminal, file by file: a header with the path, one line
 * per finding with the position, severity, message and rule id in aligned columns, then a
 * summary line with the counts.
 */
export function formatText(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string) => {
    if (!options.color) return text;
    const [open, close] = STYLE_CODES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };

  const sections: string[] = [];
  for (const path of reportedPaths(report)) {
    const fileReport = {
      findings: report.findings.filter((finding) => finding.path === path),
      workloads: report.workloads.filter((workload) => workload.path === path),
    };
    const rows = fileReport.findings.map(toRow);
    const summary = options.fileSummary?.(fileReport, path) ?? [];
    if (rows.length === 0 && summary.length === 0) continue;

    const lines = [paint('underline', displayPath(path))];
    const widths = columnWidths(rows);
    for (const row of rows) {
      lines.push(
        [
          '  ' + paint('dim', row.position.padStart(widths.position)),
          paint(SEVERITY_STYLES[row.severity], row.severity.padEnd(widths.severity)),
          row.message.padEnd(widths.message),
          paint('dim', row.ruleId),
        ].join('  '),
      );
    }
    lines.push(...summary.map((line) => `  ${line}`));
    sections.push(lines.join('\n'));
  }

  const counts = countSeverities(report.findings);
  if (options.fileCount === 0 && report.findings.length === 0) {
    sections.push('No files checked.');
  } else if (report.findings.length === 0) {
    const files = options.fileCount === 1 ? '1 file' : `${options.fileCount} files`;
    sections.push(paint('green', `No problems found in ${files}.`));
  } else {
    const style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
    sections.push(paint('bold', paint(style, summaryLine(report.findings.length, counts))));
  }
  return `${sections.join('\n\n')}\n`;
}

interface Row {
  position: string;
  severity: Severity;
  message: string;
  ruleId: string;
}

function toRow(finding: Finding): Row {
  const { line, character } = finding.range.start;
  return {
    position: `${line + 1}:${character + 1}`,
    severity: finding.severity,
    message: finding.message.replace(/\s+/g, ' ').replace(CONTROL_CHARACTERS, '?').trim(),
    ruleId: finding.ruleId,
  };
}

function columnWidths(rows: readonly Row[]) {
  const widest = (pick: (row: Row) => string) =>
    Math.max(0, ...rows.map((row) => pick(row).length));
  return {
    position: widest((row) => row.position),
    severity: widest((row) => row.severity),
    message: Math.min(
      widest((row) => row.message),
      MESSAGE_COLUMN_LIMIT,
    ),
  };
}

/** Paths with findings or workloads, in the order of the findings, then of the workloads. */
function reportedPaths(report: Report): string[] {
  const paths = new Set<string>();
  for (const finding of report.findings) paths.add(finding.path);
  for (const workload of report.workloads) paths.add(workload.path);
  return [...paths];
}

function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function summaryLine(total: number, counts: Record<Severity, number>): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(`${counts.info} info`);
  return `\u2716 ${plural(total, 'problem')} (${parts.join(', ')})`;
}

/** A path as printed: control characters, which could garble a terminal, are escaped. */
export function displayPath(path: string): string {
  return path.search(CONTROL_CHARACTERS) === -1 ? path : JSON.stringify(path);
}
