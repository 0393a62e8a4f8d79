import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatText } from '../../../src/cli/format-text.js';
import type { Finding, Report, Severity, WorkloadSummary } from '../../../src/core/index.js';

function finding(path: string, line: number, severity: Severity, message: string, ruleId: string) {
  const position = { line, character: 2 };
  const result: Finding = {
    ruleId,
    severity,
    message,
    path,
    range: { start: position, end: position },
    pss: null,
    workload: null,
    related: [],
    fixable: false,
    fixes: [],
  };
  return result;
}

const REPORT: Report = {
  findings: [
    finding('deploy/agent.yaml', 9, 'error', 'Container "agent" is privileged.', 'privileged'),
    finding('deploy/agent.yaml', 11, 'warning', 'No reason given.', 'suppression-reason'),
    finding('web.yaml', 0, 'info', 'A note\nover two lines.', 'some-note'),
  ],
  // The formatter reads a workload's id and path only; the rest of a summary is the layering's.
  workloads: [
    {
      id: 'Pod/default/agent',
      kind: 'Pod',
      name: 'agent',
      namespace: 'default',
      path: 'deploy/agent.yaml',
      range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } },
    } as Partial<WorkloadSummary> as WorkloadSummary,
  ],
};

describe('formatText', () => {
  it('groups by file and aligns the columns', () => {
    assert.equal(
      formatText(REPORT, { color: false, fileCount: 2 }),
      [
        'deploy/agent.yaml',
        '  10:3  error    Container "agent" is privileged.  privileged',
        '  12:3  warning  No reason given.                  suppression-reason',
        '',
        'web.yaml',
        '  1:3  info  A note over two lines.  some-note',
        '',
        '\u2716 3 problems (1 error, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('colours severities and the summary when asked', () => {
    const text = formatText(REPORT, { color: true, fileCount: 2 });
    assert.ok(text.startsWith('\u001b[4mdeploy/agent.yaml\u001b[24m\n'));
    assert.ok(text.includes('\u001b[31merror  \u001b[39m'));
    assert.ok(text.includes('\u001b[1m\u001b[31m\u2716 3 problems'));
  });

  it('adds the lines of a file summary after each file, given that file\u2019s report', () => {
    const seen: Report[] = [];
    const text = formatText(REPORT, {
      color: false,
      fileCount: 2,
      fileSummary: (fileReport) => {
        seen.push(fileReport);
        return fileReport.workloads.map((workload) => `${workload.id}: shared kernel`);
      },
    });
    assert.deepEqual(
      seen.map((part) => [part.findings.length, part.workloads.length]),
      [
        [2, 1],
        [1, 0],
      ],
    );
    assert.match(text, /suppression-reason\n {2}Pod\/default\/agent: shared kernel\n\nweb\.yaml/);
  });

  it('says when there is nothing to report', () => {
    const empty = { findings: [], workloads: [] };
    assert.equal(
      formatText(empty, { color: false, fileCount: 1 }),
      'No problems found in 1 file.\n',
    );
    assert.equal(formatText(empty, { color: false, fileCount: 0 }), 'No files checked.\n');
  });

  it('escapes control characters from file names and messages', () => {
    const odd = {
      findings: [finding('a\u001b[2Jb.yaml', 0, 'error', 'x\u0007y', 'r')],
      workloads: [],
    };
    const text = formatText(odd, { color: false, fileCount: 1 });
    assert.ok(text.startsWith('"a\\u001b[2Jb.yaml"\n  1:3  error  x?y  r\n'));
  });
});

describe('formatText with long messages', () => {
  it('pads messages up to 80 characters only', () => {
    const long = 'x'.repeat(100);
    const report = {
      findings: [
        finding('a.yaml', 0, 'error', long, 'long-rule'),
        finding('a.yaml', 1, 'error', 'short', 'short-rule'),
      ],
      workloads: [],
    };
    const lines = formatText(report, { color: false, fileCount: 1 }).split('\n');
    assert.equal(lines[1], `  1:3  error  ${long}  long-rule`);
    assert.equal(lines[2], `  2:3  error  ${'short'.padEnd(80)}  short-rule`);
  });
});
