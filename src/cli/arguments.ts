import { parseArgs } from 'node:util';
import type { PssLevel } from '../core/index.js';
import { parsePssVersion } from '../core/rules/pss/version.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** What the command line asks for. */
export interface CliArguments {
  /** Files and folders to check; `-` reads standard input. Default the current folder. */
  paths: string[];
  format: OutputFormat;
  /** Write the report to this file instead of standard output. */
  output: string | undefined;
  profile: PssLevel | undefined;
  pssVersion: string | undefined;
  /** Use this configuration for every file instead of looking for `.layerwise.yaml`. */
  config: string | undefined;
  /** Exit 1 when there are more warnings than this. Default: any number is fine. */
  maxWarnings: number | undefined;
  /** The path standard input is reported under. Default `<stdin>`. */
  stdinFilename: string | undefined;
  /**
   * Worker threads to read and check files in; 1 checks everything in the main thread, `auto`
   * starts workers for large sets on a machine with more than one CPU. Default 1.
   */
  jobs: number | 'auto';
  help: boolean;
  version: boolean;
}

/** The command line's arguments, or what is wrong with them. */
export type ParsedArguments = { ok: true; arguments: CliArguments } | { ok: false; error: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const PROFILES: readonly PssLevel[] = ['baseline', 'restricted'];
/** More threads than this only cost memory. */
const MAX_JOBS = 64;

export const USAGE = `Usage: layerwise [options] [paths... | -]

Reviews Kubernetes manifests, compose files and Dockerfiles for workloads in the wrong
isolation layer. Folders are searched recursively; "-" reads standard input.

Options:
  -f, --format text|json|sarif   Report format (default: text)
  -o, --output FILE              Write the report to FILE instead of standard output
      --profile baseline|restricted
                                 Pod Security level to hold workloads to (default: restricted)
      --pss-version v1.N|latest  Pod Security Standards version (default: latest)
  -c, --config FILE              Use FILE for every file instead of the nearest .layerwise.yaml
      --max-warnings N           Exit 1 when there are more than N warnings
      --stdin-filename NAME      Path to report standard input under (default: <stdin>)
  -j, --jobs N|auto              Read and check files in N worker threads (default: 1, none;
                                 auto: one per CPU, at most 4, for 500+ files)
  -h, --help                     Show this help
  -v, --version                  Show the version

Exit status: 0 no problems, 1 errors or too many warnings, 2 usage or internal error.
`;

/** Reads the command line; the options of the command line win over configuration files. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        profile: { type: 'string' },
        'pss-version': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        'stdin-filename': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { ok: false, error: firstSentence(error) };
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'text';
  if (!isOneOf(format, FORMATS)) return invalid('--format', format, FORMATS.join(', '));
  const profile = values.profile;
  if (profile !== undefined && !isOneOf(profile, PROFILES)) {
    return invalid('--profile', profile, PROFILES.join(', '));
  }
  const pssVersion = values['pss-version'];
  if (pssVersion !== undefined && !parsePssVersion(pssVersion)) {
    return invalid('--pss-version', pssVersion, 'latest or v1.N');
  }
  const maxWarningsText = values['max-warnings'];
  const maxWarnings = maxWarningsText === undefined ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return invalid('--max-warnings', maxWarningsText ?? '', 'a whole number, 0 or more');
  }
  const jobsText = values.jobs ?? '1';
  const jobs = jobsText === 'auto' ? 'auto' : Number(jobsText);
  if (jobs !== 'auto' && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= MAX_JOBS)) {
    return invalid('--jobs', jobsText, `auto or a whole number from 1 to ${MAX_JOBS}`);
  }
  for (const [name, value] of [
    ['--output', values.output],
    ['--config', values.config],
    ['--stdin-filename', values['stdin-filename']],
  ] as const) {
    if (value === '') return { ok: false, error: `${name} needs a non-empty value.` };
  }

  return {
    ok: true,
    arguments: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format,
      output: values.output,
      profile,
      pssVersion,
      config: values.config,
      maxWarnings,
      stdinFilename: values['stdin-filename'],
      jobs,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function invalid(option: string, value: string, expected: string): ParsedArguments {
  return { ok: false, error: `Invalid value "${value}" for ${option}; expected ${expected}.` };
}

function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const sentence = /^.*?\.(?=\s|$)/.exec(message)?.[0] ?? message;
  return sentence;
}
