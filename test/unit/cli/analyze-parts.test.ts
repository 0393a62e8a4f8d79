import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { generateWorkspace } from '../../../bench/corpus.js';
import { analyzeParts, readFilePart } from '../../../src/core/analyze-parts.js';
import { analyze, type AnalyzeOptions, type SourceFile } from '../../../src/core/analyze.js';
import { chooseJobs } from '../../../src/cli/worker-pool.js';
import { CROSS_FILES } from './corpus/cross-files.js';

const ROOT = resolve(__dirname, '../../..');

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every text fixture, the cross-file manifests and generated ones, as one set. */
const FILES: SourceFile[] = [
  ...filesUnder(join(ROOT, 'test/fixtures'))
    .filter((path) => !readFileSync(path).includes(0))
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') })),
  ...Object.entries(CROSS_FILES).map(([path, text]) => ({ path: `cross/${path}`, text })),
  ...generateWorkspace(808, 120),
];

/** The parts as another thread receives them: structured clones. */
function partsOf(files: readonly SourceFile[], options: AnalyzeOptions) {
  return structuredClone(files.map((file) => readFilePart(file, options)));
}

describe('analyzeParts', () => {
  const variants: [string, AnalyzeOptions][] = [
    ['defaults', {}],
    ['the baseline profile at v1.24', { profile: 'baseline', pssVersion: 'v1.24' }],
    ['rules off and severities changed', { rules: { privileged: 'off', 'host-ports': 'info' } }],
    ['a size limit that skips files', { maxFileBytes: 1500 }],
    [
      'layering options with fixes',
      {
        layering: {
          sandboxRuntimeClasses: ['secure-*'],
          poolLabelKeys: ['pool'],
          fixes: { nodeSelector: { pool: 'regulated' }, toleration: { key: 'dedicated' } },
        },
      },
    ],
  ];
  for (const [name, options] of variants) {
    it(`reports what analyze reports: ${name}`, () => {
      const expected = analyze(FILES, options);
      assert.ok(expected.findings.length > 100 && expected.workloads.length > 10);
      assert.deepEqual(analyzeParts(FILES, partsOf(FILES, options), options), expected);
    });
  }

  it('reads parts that are plain data: a structured clone is equal to them', () => {
    const parts = FILES.map((file) => readFilePart(file));
    assert.deepStrictEqual(structuredClone(parts), parts);
  });

  it('refuses parts that do not belong to the files', () => {
    assert.throws(() => analyzeParts(FILES, partsOf(FILES.slice(1), {})), /Each file needs/);
  });
});

describe('chooseJobs', () => {
  it('auto: workers only for large sets on more than one CPU, one per CPU up to four', () => {
    assert.equal(chooseJobs('auto', 499, 2), 1);
    assert.equal(chooseJobs('auto', 500, 2), 2);
    assert.equal(chooseJobs('auto', 5000, 1), 1);
    assert.equal(chooseJobs('auto', 5000, 16), 4);
  });

  it('does what --jobs says', () => {
    assert.equal(chooseJobs(1, 5000, 16), 1);
    assert.equal(chooseJobs(3, 10, 1), 3);
  });
});
