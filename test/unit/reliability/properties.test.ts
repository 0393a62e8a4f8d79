import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { generateManifest } from '../../../bench/corpus.js';
import { analyze } from '../../../src/core/analyze.js';
import { applyEdits } from '../../../src/core/edit/apply-edits.js';
import { LineIndex } from '../../../src/core/report/line-index.js';
import type { Finding, TextEdit } from '../../../src/core/report/types.js';

const ROOT = resolve(__dirname, '../../..');
/** Fixed by default so a failure reproduces; set LAYERWISE_FC_SEED to explore other inputs. */
const SEED = Number(process.env.LAYERWISE_FC_SEED ?? 20261203);
const RUNS = Number(process.env.LAYERWISE_FC_RUNS ?? 40);
/** One analysis of these small texts takes milliseconds; this bound only catches a hang. */
const ANALYSIS_BOUND_MS = 5_000;
const BOUND = { timeout: 60_000 };

console.log(`fast-check seed ${SEED}, ${RUNS} runs per property (LAYERWISE_FC_SEED to change)`);

const MANIFESTS = readdirSync(join(ROOT, 'bench/manifests'))
  .sort()
  .map((name) => readFileSync(join(ROOT, 'bench/manifests', name), 'utf8'));

function analyseBounded(text: string): Finding[] {
  const started = performance.now();
  const report = analyze([{ path: 'mutated.yaml', text }]);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < ANALYSIS_BOUND_MS, `analysis took ${Math.round(elapsed)} ms`);
  const crashes = report.findings.filter((finding) => finding.ruleId === 'internal-error');
  assert.deepEqual(crashes, [], 'no rule may crash');
  return report.findings;
}

/** One change a typing or merging accident makes: insert, delete or duplicate text. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(
        ':',
        '-',
        ' ',
        '\n',
        '\t',
        '"',
        "'",
        '[',
        ']',
        '{',
        '}',
        '#',
        '&a',
        '*a',
        '---\n',
        '!!',
        '|',
        '>',
        '\r\n',
        '\0',
        '? ',
      ),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return (
        text.slice(0, at + change.length) +
        text.slice(at, at + change.length) +
        text.slice(at + change.length)
      );
    case 'deleteLine':
    case 'duplicateLine': {
      const lines = text.split('\n');
      const line = change.at % lines.length;
      if (change.kind === 'deleteLine') lines.splice(line, 1);
      else lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    }
  }
}

const mutatedManifest = fc
  .tuple(fc.constantFrom(...MANIFESTS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, changes]) => changes.reduce(mutate, text));

const yamlishText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'apiVersion: v1\n',
        'kind: Pod\n',
        'spec:\n',
        '  containers:\n',
        '    - name: a\n',
        '      securityContext: {privileged: true}\n',
        'items:\n',
        'kind: List\n',
      ),
      fc.constantFrom(
        ':',
        '- ',
        '  ',
        '\n',
        '[',
        ']',
        '{',
        '}',
        ',',
        '#',
        '&x ',
        '*x',
        '---\n',
        '%YAML 1.2\n',
        '? ',
        '|\n',
        '"',
        "'",
        '!tag ',
        '<<: ',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** The edits of one fix as offsets of `text`. */
function fixEdits(text: string, fix: Finding['fixes'][number]): TextEdit[] {
  const index = new LineIndex(text);
  return fix.edits.map((edit) => ({
    span: { start: index.offset(edit.range.start), end: index.offset(edit.range.end) },
    newText: edit.newText,
  }));
}

function commentsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1])
    .filter((comment): comment is string => comment !== undefined);
}

function syntaxErrors(text: string): number {
  return parseAllDocuments(text, { version: '1.1' }).reduce(
    (count, document) => count + document.errors.length,
    0,
  );
}

const findingKey = (finding: Finding) => `${finding.ruleId} ${finding.workload} ${finding.message}`;

/** Applies the preferred (or first) fix of each finding, skipping fixes that overlap others. */
function fixAll(text: string, findings: Finding[]): { text: string; skipped: number } {
  const chosen: TextEdit[] = [];
  let skipped = 0;
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.preferred) ?? finding.fixes[0];
    if (!fix) continue;
    const edits = fixEdits(text, fix);
    const overlaps = edits.some((edit) =>
      chosen.some(
        (other) =>
          (edit.span.start < other.span.end && other.span.start < edit.span.end) ||
          (edit.span.start === other.span.start && edit.span.end === other.span.end),
      ),
    );
    if (overlaps) skipped += 1;
    else chosen.push(...edits);
  }
  return { text: applyEdits(text, chosen), skipped };
}

/** Generated manifests with the mistakes the rules fix, from a seed fast-check picks. */
const fixableManifest = fc
  .integer({ min: 1, max: 1_000_000 })
  .map((seed) => generateManifest(seed, 2));

describe('properties of the analysis', () => {
  it('mutated realistic manifests never crash the analysis or run past the bound', BOUND, () => {
    fc.assert(
      fc.property(mutatedManifest, (text) => void analyseBounded(text)),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('random YAML-ish text never crashes the analysis or runs past the bound', BOUND, () => {
    fc.assert(
      fc.property(yamlishText, (text) => void analyseBounded(text)),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('every fix parses, stays in its span, keeps comments and removes its finding', BOUND, () => {
    let fixesChecked = 0;
    fc.assert(
      fc.property(fc.oneof(fixableManifest, fc.constantFrom(...MANIFESTS)), (text) => {
        const findings = analyseBounded(text);
        const errorsBefore = syntaxErrors(text);
        for (const finding of findings) {
          for (const fix of finding.fixes) {
            const edits = fixEdits(text, fix);
            const fixed = applyEdits(text, edits);
            fixesChecked += 1;
            assert.ok(syntaxErrors(fixed) <= errorsBefore, `"${fix.title}" breaks the YAML`);

            const start = Math.min(...edits.map((edit) => edit.span.start));
            const end = Math.max(...edits.map((edit) => edit.span.end));
            const tail = text.length - end;
            assert.equal(fixed.slice(0, start), text.slice(0, start), 'text before the fix');
            assert.equal(fixed.slice(fixed.length - tail), text.slice(end), 'text after the fix');

            const untouched = commentsOf(text.slice(0, start) + text.slice(end));
            const kept = commentsOf(fixed);
            for (const comment of untouched) assert.ok(kept.includes(comment), `lost ${comment}`);

            const key = findingKey(finding);
            const before = findings.filter((other) => findingKey(other) === key).length;
            const after = analyseBounded(fixed).filter((other) => findingKey(other) === key);
            assert.ok(after.length < before, `"${fix.title}" leaves: ${finding.message}`);
          }
        }
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 3) },
    );
    assert.ok(fixesChecked > 0, 'the inputs offered fixes to check');
  });

  it('applying all preferred fixes twice gives the same text as once', BOUND, () => {
    fc.assert(
      fc.property(fixableManifest, (text) => {
        const once = fixAll(text, analyseBounded(text));
        fc.pre(once.skipped === 0);
        const twice = fixAll(once.text, analyseBounded(once.text));
        assert.equal(twice.text, once.text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
