import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze.js';

// A first command line: analyses the files named and prints the report as JSON.
function main(argv: string[]): number {
  const files = argv.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const report = analyze(files);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
