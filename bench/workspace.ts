// Workspace: 1,000, 5,000 and 10,000 generated files analysed as one set, cross-workload stage
// included. Time per 1,000 files must stay flat as the count grows. Then the CLI as a process
// with worker threads against the same CLI with --jobs 1, wall-clock and CPU time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeParts, readFilePart } from '../src/core/analyze-parts.js';
import { analyze } from '../src/core/analyze.js';
import { generateWorkspace } from './corpus.js';
import { emit, emitMemory, median, round, time } from './measure.js';

const FLAT_GOAL = 1.25;
const sizes = (process.env.BENCH_WORKSPACE ?? '1000,5000,10000').split(',').map(Number);
const workerSizes = (process.env.BENCH_WORKERS ?? '1000,5000').split(',').map(Number);
const workerJobs = Number(process.env.BENCH_JOBS ?? 2);
const workerRounds = Number(process.env.BENCH_WORKER_ROUNDS ?? 3);

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
    // The part of the work that stays in the main thread when workers read and check the files.
    const parts = structuredClone(files.map((file) => readFilePart(file)));
    const setStage = median(
      Array.from({ length: runs }, () => time(() => analyzeParts(files, parts))),
    );
    emit({
      section: 'workspace',
      name: `${size} files, set stage over the workers' parts (main thread)`,
      ms: round(setStage),
      baseline: 'full analysis',
      baselineMs: round(elapsed),
      ratio: round(setStage / elapsed),
      note: 'what the main thread still does with --jobs N > 1, besides copying the parts',
    });
  }
}

measureWorkers();
emitMemory('workspace');

/**
 * The CLI's worker threads: `dist/cli.js --jobs N` against `--jobs 1` on the same generated
 * files, run alternately. Wall-clock is what workers can shorten; CPU time (every thread of the
 * process, read at exit) is what they add.
 */
function measureWorkers(): void {
  const cli = join(process.cwd(), 'dist/cli.js');
  if (!existsSync(cli) || !existsSync(join(process.cwd(), 'dist/cli-worker.js'))) {
    process.stdout.write('SKIP workers: build first (npm run build)\n');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'layerwise-bench-'));
  const cpuAtExit = join(folder, 'cpu-at-exit.cjs');
  writeFileSync(
    cpuAtExit,
    "process.on('exit', () => { const u = process.cpuUsage(); " +
      "process.stderr.write('\\nCPU ' + (u.user + u.system) / 1000 + '\\n'); });\n",
  );
  try {
    for (const count of workerSizes) {
      const root = join(folder, String(count));
      for (const file of generateWorkspace(7000 + count, count)) {
        const path = join(root, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      const run = (jobs: number) => runCli(cli, cpuAtExit, root, jobs);
      const samples: Record<number, { wall: number; cpu: number }[]> = { 1: [], [workerJobs]: [] };
      run(workerJobs);
      for (let round = 0; round < workerRounds; round += 1) {
        for (const jobs of [1, workerJobs]) samples[jobs]?.push(run(jobs));
      }
      const medianOf = (jobs: number, key: 'wall' | 'cpu') =>
        median((samples[jobs] ?? []).map((sample) => sample[key]));
      for (const key of ['wall', 'cpu'] as const) {
        const single = medianOf(1, key);
        const threaded = medianOf(workerJobs, key);
        emit({
          section: 'workspace',
          name: `CLI, ${count} files, --jobs ${workerJobs}, ${key === 'wall' ? 'wall-clock' : 'CPU time'}`,
          ms: round(threaded),
          baseline: '--jobs 1',
          baselineMs: round(single),
          ratio: round(threaded / single),
          note: `${workerRounds} alternating rounds, ${availableParallelism()} CPUs`,
        });
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runCli(cli: string, cpuAtExit: string, cwd: string, jobs: number) {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--require', cpuAtExit, cli, '--jobs', String(jobs), '--format', 'json', '.'],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wall = performance.now() - started;
  const cpu = Number(/\nCPU ([\d.]+)\n$/.exec(child.stderr)?.[1]);
  if (child.status === 2 || Number.isNaN(cpu)) throw new Error(`CLI failed: ${child.stderr}`);
  return { wall, cpu };
}
