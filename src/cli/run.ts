import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  analyze,
  type AnalyzeOptions,
  type Finding,
  type Report,
  type SourceFile,
  type WorkloadSummary,
} from '../core/index.js';
import { formatLayeringSummary } from '../core/layering/summary.js';
import { compareFindings } from '../core/report/build-report.js';
import { parseArguments, USAGE, type CliArguments } from './arguments.js';
import { ConfigFinder, ConfigReadError, type LoadedConfig } from './configs.js';
import { describeError, findFiles } from './find-files.js';
import { formatSarif } from './format-sarif.js';
import { displayPath, formatText } from './format-text.js';
import { AnalysisPool, chooseJobs } from './worker-pool.js';

/** What the command talks to, so tests can run it in-process as well as in a child process. */
export interface CliEnvironment {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTerminal: boolean;
  readStdin(): Promise<string>;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  version: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

const STDIN_PATH = '<stdin>';

/** Runs `layerwise` with its arguments and returns the exit status. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const parsed = parseArguments(argv);
  if (!parsed.ok) {
    environment.writeStderr(`layerwise: ${parsed.error}\nRun "layerwise --help" for usage.\n`);
    return EXIT_FAILURE;
  }
  const args = parsed.arguments;
  if (args.help) {
    environment.writeStdout(USAGE);
    return EXIT_CLEAN;
  }
  if (args.version) {
    environment.writeStdout(`${environment.version}\n`);
    return EXIT_CLEAN;
  }

  try {
    return await check(args, environment);
  } catch (error) {
    const message = error instanceof ConfigReadError ? error.message : internalError(error);
    environment.writeStderr(`layerwise: ${message}\n`);
    return EXIT_FAILURE;
  }
}

async function check(args: CliArguments, environment: CliEnvironment): Promise<number> {
  const { cwd } = environment;
  const display = (path: string) => toDisplayPath(cwd, path);
  const explicit = args.config ? ConfigFinder.load(resolve(cwd, args.config), display) : undefined;
  const configs = new ConfigFinder(cwd, explicit, display);

  const inputs = await gatherInputs(args, environment, configs, display);
  const report = mergeReports(await analyzeGroups(inputs, args));

  const output = formatReport(report, args, environment, inputs.fileCount);
  if (!args.output) {
    environment.writeStdout(output);
  } else {
    try {
      writeFileSync(resolve(cwd, args.output), output);
    } catch (error) {
      inputs.problems.push(`cannot write ${args.output}: ${describeError(error)}`);
    }
  }

  for (const message of [...inputs.notes, ...inputs.problems]) {
    environment.writeStderr(`layerwise: ${message}\n`);
  }
  return exitStatus(report.findings, args, inputs.problems.length > 0, environment);
}

/** The files to analyse, grouped by the configuration that applies to them. */
interface Inputs {
  groups: Map<LoadedConfig, SourceFile[]>;
  fileCount: number;
  /** Files skipped on purpose, e.g. binary ones. */
  notes: string[];
  /** Paths that could not be read; they make the run incomplete. */
  problems: string[];
}

async function gatherInputs(
  args: CliArguments,
  environment: CliEnvironment,
  configs: ConfigFinder,
  display: (path: string) => string,
): Promise<Inputs> {
  const { cwd } = environment;
  const shown = (path: string) => displayPath(display(path));
  const paths = args.paths.filter((path) => path !== '-');
  const isIgnored = (path: string) => configs.isIgnored(path);
  const found = findFiles(paths, { cwd, isIgnored, display: shown });
  const inputs: Inputs = { groups: new Map(), fileCount: 0, notes: [], problems: found.problems };
  const add = (folder: string, file: SourceFile) => {
    const config = configs.forFolder(folder);
    inputs.groups.set(config, [...(inputs.groups.get(config) ?? []), file]);
    inputs.fileCount++;
  };

  for (const path of found.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      inputs.problems.push(`cannot read ${shown(path)}: ${describeError(error)}`);
      continue;
    }
    // Text formats have no NUL bytes; a file with them is binary, whatever its name says.
    if (bytes.includes(0)) {
      inputs.notes.push(`skipped ${shown(path)}: it is a binary file (it has NUL bytes)`);
      continue;
    }
    add(dirname(path), { path: display(path), text: bytes.toString('utf8') });
  }

  if (args.paths.includes('-')) {
    const name = args.stdinFilename === undefined ? undefined : resolve(cwd, args.stdinFilename);
    const text = await environment.readStdin();
    add(name ? dirname(name) : cwd, { path: name ? display(name) : STDIN_PATH, text });
  }
  return inputs;
}

/**
 * Analyses each configuration's files as one set, in worker threads when `--jobs` asks for
 * them; the reports are the same either way.
 */
async function analyzeGroups(inputs: Inputs, args: CliArguments): Promise<Report[]> {
  const groups = [...inputs.groups];
  const jobs = chooseJobs(args.jobs, inputs.fileCount);
  const pool = jobs > 1 ? AnalysisPool.start(jobs) : undefined;
  if (jobs > 1 && !pool) {
    inputs.notes.push('worker threads are not available here; files were checked in one thread');
  }
  if (!pool) {
    return groups.map(([config, files]) =>
      withConfigFindings(config, analyze(files, optionsOf(config, args))),
    );
  }
  try {
    return await Promise.all(
      groups.map(async ([config, files]) =>
        withConfigFindings(config, await pool.analyze(files, optionsOf(config, args))),
      ),
    );
  } finally {
    await pool.close();
  }
}

/** The options of one configuration; the command line's options win over the file's. */
function optionsOf(loaded: LoadedConfig, args: CliArguments): AnalyzeOptions {
  const options: AnalyzeOptions = { ...loaded.config.options };
  if (args.profile) options.profile = args.profile;
  if (args.pssVersion) options.pssVersion = args.pssVersion;
  return options;
}

function withConfigFindings(loaded: LoadedConfig, report: Report): Report {
  return { findings: [...loaded.config.findings, ...report.findings], workloads: report.workloads };
}

/** One report of several; each configuration's own findings are in its group's report. */
function mergeReports(reports: readonly Report[]): Report {
  const byPosition = (a: WorkloadSummary, b: WorkloadSummary) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line;
  return {
    findings: reports.flatMap((report) => report.findings).sort(compareFindings),
    workloads: reports.flatMap((report) => report.workloads).sort(byPosition),
  };
}

function formatReport(
  report: Report,
  args: CliArguments,
  environment: CliEnvironment,
  fileCount: number,
): string {
  if (args.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (args.format === 'sarif') {
    return `${JSON.stringify(formatSarif(report, environment.version), null, 2)}\n`;
  }
  const noColor = environment.env.NO_COLOR !== undefined && environment.env.NO_COLOR !== '';
  const color = !args.output && environment.stdoutIsTerminal && !noColor;
  return formatText(report, { color, fileCount, fileSummary: formatLayeringSummary });
}

function exitStatus(
  findings: readonly Finding[],
  args: CliArguments,
  incomplete: boolean,
  environment: CliEnvironment,
): number {
  const crashed = findings.some((finding) => finding.ruleId === 'internal-error');
  if (incomplete || crashed) return EXIT_FAILURE;
  if (findings.some((finding) => finding.severity === 'error')) return EXIT_PROBLEMS;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    environment.writeStderr(
      `layerwise: ${warnings} warnings, more than --max-warnings ${args.maxWarnings} allows.\n`,
    );
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/** Paths in reports are relative to the working folder, with `/` separators. */
function toDisplayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath === '' ? '.' : relativePath).split(sep).join('/');
}

function internalError(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error; please report it as a Layerwise bug.\n${detail}`;
}
