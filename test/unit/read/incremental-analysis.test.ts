import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, Analyzer } from '../../../src/core/analyze.js';

const LAYERING = join(__dirname, '../../fixtures/layering');

/** Every layering fixture as one multi-document file: many workloads, pools and findings. */
const manifest = readdirSync(LAYERING)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => readFileSync(join(LAYERING, name), 'utf8').replace(/\n*$/, '\n'))
  .join('---\n');

/** The text with `insert` put at the start of the line holding `anchor`'s first occurrence. */
function insertBefore(text: string, anchor: string, insert: string): string {
  const at = text.lastIndexOf('\n', text.indexOf(anchor)) + 1;
  return `${text.slice(0, at)}${insert}${text.slice(at)}`;
}

describe('incremental analysis', () => {
  it('reports after edits exactly what a fresh analysis reports', () => {
    const analyzer = new Analyzer();
    const path = 'all.yaml';
    analyzer.analyze([{ path, text: manifest }]);

    // Each edit moves every later document: lines added, removed and lengthened early on.
    const edits = [
      insertBefore(manifest, 'kind:', '# a comment typed above the first kind\n'),
      insertBefore(manifest, 'kind:', '#\n'),
      manifest.replace('name:', 'name:  '),
      manifest,
    ];
    assert.ok(manifest.split('\n---\n').length > 10);
    for (const text of edits) {
      const kept = analyzer.analyze([{ path, text }]);
      assert.deepEqual(kept, analyze([{ path, text }]));
    }
  });

  it('reports a moved document at its new place', () => {
    const analyzer = new Analyzer();
    const path = 'all.yaml';
    const before = analyzer.analyze([{ path, text: manifest }]);
    const after = analyzer.analyze([{ path, text: `# one more line\n${manifest}` }]);
    const lines = (report: typeof before): number[] =>
      report.workloads.flatMap((workload) => [
        workload.range.start.line,
        ...workload.evidence.map((item) => item.range.start.line),
      ]);
    assert.ok(before.workloads.length > 10);
    assert.deepEqual(
      lines(after),
      lines(before).map((line) => line + 1),
    );
  });
});
