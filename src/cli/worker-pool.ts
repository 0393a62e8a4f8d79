import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeParts, type FilePart } from '../core/analyze-parts.js';
import type { AnalyzeOptions, Report, SourceFile } from '../core/index.js';

/** A batch of files for a worker to read and check. */
export interface BatchRequest {
  id: number;
  options: AnalyzeOptions;
  files: SourceFile[];
}

/** A worker's answer: the part of each file, in the order sent, or what went wrong. */
export type BatchReply = { id: number; parts: FilePart[] } | { id: number; error: string };

/** `--jobs auto` analyses smaller sets in the main thread: workers would cost more than that. */
export const AUTO_MIN_FILES = 500;

/** Workers `--jobs auto` starts at most; the set stage in the main thread limits the gain. */
const AUTO_MAX_JOBS = 4;

/** Batches per worker and set: enough to keep every worker busy until the end. */
const BATCHES_PER_JOB = 8;
const MAX_BATCH_FILES = 100;

/** How many worker threads to use for `fileCount` files; 1 means none. */
export function chooseJobs(
  requested: number | 'auto',
  fileCount: number,
  cpus: number = availableParallelism(),
): number {
  if (requested !== 'auto') return requested;
  return cpus > 1 && fileCount >= AUTO_MIN_FILES ? Math.min(cpus, AUTO_MAX_JOBS) : 1;
}

interface Task {
  request: BatchRequest;
  resolve(parts: FilePart[]): void;
  reject(error: Error): void;
}

/**
 * Worker threads that read and check batches of files; the main thread runs the set stage over
 * their plain results, so the report is the one `analyze` gives in one thread.
 */
export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(
    private readonly workers: Worker[],
    readonly jobs: number,
  ) {
    for (const worker of workers) {
      worker.on('message', (reply: BatchReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.running.has(worker)) this.fail(new Error(`A worker thread exited (${code})`));
      });
      this.idle.push(worker);
    }
  }

  /** Starts `jobs` workers; undefined when the worker's script is not where the CLI is. */
  static start(jobs: number): AnalysisPool | undefined {
    const entry = workerEntry();
    if (!entry) return undefined;
    const workers = Array.from({ length: jobs }, () => new Worker(entry));
    return new AnalysisPool(workers, jobs);
  }

  /** Analyses `files` as one set, as `analyze(files, options)` does. */
  async analyze(files: readonly SourceFile[], options: AnalyzeOptions): Promise<Report> {
    const size = Math.ceil(files.length / (this.jobs * BATCHES_PER_JOB));
    const batchFiles = Math.min(MAX_BATCH_FILES, Math.max(1, size));
    const batches: Promise<FilePart[]>[] = [];
    for (let start = 0; start < files.length; start += batchFiles) {
      batches.push(this.submit(files.slice(start, start + batchFiles), options));
    }
    const parts = (await Promise.all(batches)).flat();
    return analyzeParts(files, parts, options);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private submit(files: SourceFile[], options: AnalyzeOptions): Promise<FilePart[]> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.queue.push({ request: { id: this.nextId++, options, files }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const task = this.queue.shift();
      if (!worker || !task) return;
      this.running.set(worker, task);
      worker.postMessage(task.request);
    }
  }

  private settle(worker: Worker, reply: BatchReply): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (task && 'parts' in reply) task.resolve(reply.parts);
    else task?.reject(new Error('error' in reply ? reply.error : 'No reply'));
    this.dispatch();
  }

  /** A worker that crashed fails the whole run: its files would be missing from the report. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of [...this.running.values(), ...this.queue.splice(0)]) {
      task.reject(this.failure);
    }
    this.running.clear();
  }
}

/**
 * The worker's script: next to the bundled CLI, or the TypeScript source when the CLI runs from
 * the sources (the worker then inherits the parent's `--import tsx`).
 */
function workerEntry(): string | undefined {
  const candidates = [join(__dirname, 'cli-worker.js'), join(__dirname, 'analyze-worker.ts')];
  return candidates.find((candidate) => existsSync(candidate));
}
