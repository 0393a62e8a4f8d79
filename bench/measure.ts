// Timing helpers shared by the benchmark sections. Figures are medians of several runs, and
// every figure is printed next to a baseline measured in the same process, as a ratio.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The median of `values`; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * CPU milliseconds (user and system, all of this process's threads) one call of `run` takes.
 * On a shared machine, other processes' load stretches wall-clock time many times over but
 * leaves CPU time nearly as it is; the work measured here is synchronous, so the two agree on
 * an idle machine.
 */
export function time(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * Median milliseconds of `runs` calls of each function, after `warmup` calls each, alternating
 * the functions so that a slow moment of the machine falls on both alike. The heap is collected
 * before each call, untimed, so that no call pays for collecting what the one before it left:
 * an analysis leaves far more behind than a parse, and without this the parse that followed
 * it was billed for that, so a ratio depended on the order the functions ran in.
 */
export function compare(
  functions: Record<string, () => unknown>,
  runs: number,
  warmup = 1,
): Record<string, number> {
  const names = Object.keys(functions);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const collect = garbageCollector();
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const name of names) {
      collect();
      const elapsed = time(functions[name] as () => unknown);
      if (round >= warmup) samples[name]?.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name] ?? [])]));
}

/** V8's full collection, made available without `--expose-gc` on the command line. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** One line of the report: what was measured, its median, the baseline and the ratio. */
export interface Figure {
  section: string;
  name: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  /** `ms / baselineMs`. */
  ratio: number;
  /** What the ratio must not exceed, when there is a goal. */
  goal?: string;
  met?: boolean;
  note?: string;
}

/** Prints a figure for the runner, which collects one JSON object per line. */
export function emit(figure: Figure): void {
  process.stdout.write(`FIGURE ${JSON.stringify(figure)}\n`);
}

/** Prints the section's peak resident memory, in MiB, for the runner. */
export function emitMemory(section: string): void {
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`MEMORY ${JSON.stringify({ section, peakMiB })}\n`);
}

/** Rounds for display. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
