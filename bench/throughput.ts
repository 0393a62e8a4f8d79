// Throughput: the whole analysis of a large generated manifest and of realistic manifests,
// against the `yaml` package's own parseAllDocuments on the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../src/core/analyze.js';
import { parseChunks } from '../src/core/read/parse-yaml.js';
import { splitDocuments } from '../src/core/read/split-documents.js';
import { generateManifest } from './corpus.js';
import { compare, emit, emitMemory, round } from './measure.js';

const GOAL = 1.5;
const NO_LIMIT = { maxFileBytes: Number.POSITIVE_INFINITY };

function measure(name: string, files: { path: string; text: string }[], runs: number): void {
  // Warm both paths up on a small part, so the measured runs are all of the full input.
  const sample = [{ path: 'sample.yaml', text: files[0]?.text.slice(0, 200_000) ?? '' }];
  parseAllDocuments(sample[0]?.text ?? '');
  analyze(sample, NO_LIMIT);
  const { parse, analysis, documents } = compare(
    {
      parse: () => files.forEach((file) => parseAllDocuments(file.text)),
      analysis: () => analyze(files, NO_LIMIT),
      documents: () => files.forEach(parseEachDocument),
    },
    runs,
    0,
  );
  const ratio = (analysis ?? 0) / (parse ?? 1);
  emit({
    section: 'throughput',
    name,
    ms: round(analysis ?? 0),
    baseline: 'yaml parseAllDocuments',
    baselineMs: round(parse ?? 0),
    ratio: round(ratio),
    goal: `<= ${GOAL}`,
    met: ratio <= GOAL,
  });
  // The floor under the analysis: Layerwise's own parse, in YAML 1.1 and cut into documents.
  emit({
    section: 'throughput',
    name: `${name}: Layerwise's parse alone`,
    ms: round(documents ?? 0),
    baseline: 'yaml parseAllDocuments',
    baselineMs: round(parse ?? 0),
    ratio: round((documents ?? 0) / (parse ?? 1)),
  });
}

function parseEachDocument(file: { text: string }): void {
  parseChunks(file.text, splitDocuments(file.text));
}

function realisticFiles(): { path: string; text: string }[] {
  const folder = join('bench', 'manifests');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(folder, name), 'utf8') }));
}

const objects = Number(process.env.BENCH_OBJECTS ?? 5000);
const large = generateManifest(42, objects);
const megabytes = round(large.length / 1e6, 1);
measure(`generated, ${objects} objects, ${megabytes} MB`, [{ path: 'large.yaml', text: large }], 3);

const realistic = realisticFiles();
const repeated = Array.from({ length: 40 }, (_, copy) =>
  realistic.map((file) => ({ path: `${copy}/${file.path}`, text: file.text })),
).flat();
measure(`realistic, ${realistic.length} files x 40 copies`, repeated, 5);

emitMemory('throughput');
