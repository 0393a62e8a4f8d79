import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAME, Glob, parseConfig, type Config } from '../core/index.js';
import { describeError } from './find-files.js';

/** A configuration and the folder its `ignore` globs are relative to. */
export interface LoadedConfig {
  /** The file's absolute path; undefined when no file applies. */
  path: string | undefined;
  folder: string;
  config: Config;
  ignore: Glob[];
}

/** A configuration file that exists but could not be read. */
export class ConfigReadError extends Error {}

/**
 * Finds the configuration of each folder: the `--config` file when one is given, else the
 * nearest `.layerwise.yaml` in the folder or a folder above. Each file is read once.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(
    private readonly cwd: string,
    private readonly explicit: LoadedConfig | undefined,
    private readonly display: (path: string) => string,
  ) {}

  /** Reads one configuration file; throws `ConfigReadError` when it cannot be read. */
  static load(path: string, display: (path: string) => string): LoadedConfig {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigReadError(`cannot read ${display(path)}: ${describeError(error)}`);
    }
    const config = parseConfig(display(path), text);
    return {
      path,
      folder: dirname(path),
      config,
      ignore: config.ignore.map((glob) => new Glob(glob)),
    };
  }

  /** The configuration for files in `folder`. */
  forFolder(folder: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const cached = this.byFolder.get(folder);
    if (cached) return cached;

    const candidate = join(folder, CONFIG_FILE_NAME);
    const parent = dirname(folder);
    let found: LoadedConfig;
    if (isFile(candidate)) {
      found = this.byFile.get(candidate) ?? ConfigFinder.load(candidate, this.display);
      this.byFile.set(candidate, found);
    } else if (parent !== folder) {
      found = this.forFolder(parent);
    } else {
      found = { path: undefined, folder: this.cwd, config: emptyConfig(), ignore: [] };
    }
    this.byFolder.set(folder, found);
    return found;
  }

  /** Whether the configuration that applies to `path` ignores it. */
  isIgnored(path: string): boolean {
    const loaded = this.forFolder(dirname(path));
    if (loaded.ignore.length === 0) return false;
    const relativePath = relative(loaded.folder, path).split(sep).join('/');
    if (relativePath === '' || relativePath === '..' || relativePath.startsWith('../')) {
      return false;
    }
    return loaded.ignore.some((glob) => glob.matches(relativePath));
  }
}

function emptyConfig(): Config {
  return { options: {}, ignore: [], findings: [] };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
