// Workspace: 1,000, 5,000 and 10,000 generated files analysed as one set, cross-workload stage
// included. Time per 1,000 files must stay flat as the count grows.
import { analyze, type AnalyzeOptions } from '../src/core/analyze.js';
import { RULES } from '../src/core/rules/registry.js';
import { generateWorkspace } from './corpus.js';
import { emit, emitMemory, median, round, time } from './measure.js';

const FLAT_GOAL = 1.25;
const sizes = (process.env.BENCH_WORKSPACE ?? '1000,5000,10000').split(',').map(Number);

/** Options that keep only what the set stage needs: reading, the model and the set checks. */
function setStageOnly(): AnalyzeOptions {
  const off = RULES.filter((rule) => !rule.checkSet).map((rule) => [rule.meta.id, 'off']);
  return { rules: Object.fromEntries(off) };
}

let perThousandAtFirst = 0;
for (const [index, size] of sizes.entries()) {
  const files = generateWorkspace(1000 + size, size);
  const runs = size <= 1000 ? 2 : 1;
  analyze(files.slice(0, 200));
  const elapsed = median(Array.from({ length: runs }, () => time(() => analyze(files))));
  const perThousand = elapsed / (size / 1000);
  if (index === 0) perThousandAtFirst = perThousand;
  const ratio = perThousand / perThousandAtFirst;
  emit({
    section: 'workspace',
    name: `${size} files, ms per 1,000 files`,
    ms: round(perThousand),
    baseline: `ms per 1,000 at ${sizes[0]} files`,
    baselineMs: round(perThousandAtFirst),
    ratio: round(ratio),
    goal: `<= ${FLAT_GOAL}`,
    met: ratio <= FLAT_GOAL,
    note: `total ${round(elapsed / 1000, 1)} s`,
  });

  if (index === 0) {
    // Any design that keeps the cross-workload stage in the main thread must read every file
    // there too, because workloads are views over parsed YAML that cannot cross threads.
    const options = setStageOnly();
    const mainOnly = median(
      Array.from({ length: runs }, () => time(() => analyze(files, options))),
    );
    emit({
      section: 'workspace',
      name: `${size} files, reading + model + set stage only`,
      ms: round(mainOnly),
      baseline: 'full analysis',
      baselineMs: round(elapsed),
      ratio: round(mainOnly / elapsed),
      note: 'lower bound of main-thread time if per-file checks moved to workers',
    });
  }
}
emitMemory('workspace');
