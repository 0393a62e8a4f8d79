import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions, type WorkloadSummary } from '../../../src/core/analyze.js';
import { formatRange } from '../../helpers/rule-tester.js';

/** The text of a manifest under test/fixtures/layering. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../fixtures/layering', name), 'utf8');
}

/** The report's workloads for one file. */
export function workloadsOf(text: string, options?: AnalyzeOptions): WorkloadSummary[] {
  return analyze([{ path: 'test.yaml', text }], options).workloads;
}

/** The only workload of a file. */
export function onlyWorkload(text: string, options?: AnalyzeOptions): WorkloadSummary {
  const [first, ...rest] = workloadsOf(text, options);
  if (!first || rest.length > 0) throw new Error('expected exactly one workload');
  return first;
}

/** Evidence as `role range reason` lines, to compare whole. */
export function evidenceLines(workload: WorkloadSummary): string[] {
  return workload.evidence.map((item) => `${item.role} ${formatRange(item.range)} ${item.reason}`);
}

/** The clues of one layer as `range reason` lines. */
export function layerLines(
  workload: WorkloadSummary,
  layer: keyof WorkloadSummary['layerEvidence'],
): string[] {
  return workload.layerEvidence[layer].map((item) => `${formatRange(item.range)} ${item.reason}`);
}
