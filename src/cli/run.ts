import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  analyze,
  type AnalyzeOptions,
  type Finding,
  type Report,
  type SourceFile,
} from '../core/index.js';
import { compareFindings } from '../core/report/build-report.js';
import { parseArguments, USAGE, type CliArguments } from './arguments.js';
import { ConfigFinder, ConfigReadError, type LoadedConfig } from './configs.js';
import { describeError, findFiles } from './find-files.js';
import { formatSarif } from './format-sarif.js';
import { displayPath, formatText } from './format-text.js';

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

  const readsStdin = args.paths.includes('-');
  const found = findFiles(
    args.paths.filter((path) => path !== '-'),
    {
      cwd,
      isIgnored: (path) => configs.isIgnored(path),
      display: (path) => displayPath(display(path)),
    },
  );
  const problems = [...found.problems];
  let fileCount = 0;

  const groups = new Map<LoadedConfig, SourceFile[]>();
  const addToGroup = (config: LoadedConfig, file: SourceFile) => {
    const group = groups.get(config);
    if (group) group.push(file);
    else groups.set(config, [file]);
  };
  const notes: string[] = [];
  for (const path of found.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      problems.push(`cannot read ${displayPath(display(path))}: ${describeError(error)}`);
      continue;
    }
    // Text formats have no NUL bytes; a file with them is binary, whatever its name says.
    if (bytes.includes(0)) {
      notes.push(`skipped ${displayPath(display(path))}: it is a binary file (it has NUL bytes)`);
      continue;
    }
    const text = bytes.toString('utf8');
    addToGroup(configs.forFolder(dirname(path)), { path: display(path), text });
    fileCount++;
  }
  if (readsStdin) {
    const name = args.stdinFilename;
    const folder = name ? dirname(resolve(cwd, name)) : cwd;
    const text = await environment.readStdin();
    addToGroup(configs.forFolder(folder), {
      path: name ? display(resolve(cwd, name)) : STDIN_PATH,
      text,
    });
    fileCount++;
  }

  const report = mergeReports(
    [...groups].map(([config, files]) => analyzeGroup(config, files, args)),
  );
  const output = formatReport(report, args, environment, fileCount);
  if (args.output) {
    try {
      writeFileSync(resolve(cwd, args.output), output);
    } catch (error) {
      problems.push(`cannot write ${args.output}: ${describeError(error)}`);
    }
  } else {
    environment.writeStdout(output);
  }

  for (const message of [...notes, ...problems]) environment.writeStderr(`layerwise: ${message}\n`);
  return exitStatus(report.findings, args, problems.length > 0, environment);
}

/** Analyses the files of one configuration; the command line's options win over the file's. */
function analyzeGroup(loaded: LoadedConfig, files: SourceFile[], args: CliArguments): Report {
  const options: AnalyzeOptions = { ...loaded.config.options };
  if (args.profile) options.profile = args.profile;
  if (args.pssVersion) options.pssVersion = args.pssVersion;
  const report = analyze(files, options);
  return { findings: [...loaded.config.findings, ...report.findings], workloads: report.workloads };
}

function mergeReports(reports: readonly Report[]): Report {
  const findings = new Map<string, Finding>();
  for (const finding of reports.flatMap((report) => report.findings)) {
    // A configuration's own findings come with every group that uses it; keep them once.
    findings.set(JSON.stringify(finding), finding);
  }
  return {
    findings: [...findings.values()].sort(compareFindings),
    workloads: reports
      .flatMap((report) => report.workloads)
      .sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line,
      ),
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
  return formatText(report, { color, fileCount });
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
