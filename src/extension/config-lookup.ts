import type { AnalyzeOptions } from '../core/analyze.js';
import { Glob } from '../core/config/glob.js';
import type { Config } from '../core/config/parse-config.js';

/** What the nearest `.layerwise.yaml` says about one file. */
export interface FileConfig {
  options: AnalyzeOptions | undefined;
  ignored: boolean;
}

interface LoadedConfig {
  config: Config;
  ignore: Glob[];
}

/**
 * The `.layerwise.yaml` files of a workspace by folder uri (`uri.toString()` up to the last
 * `/`), and the lookup of the one nearest to a file: in its folder or a folder above, as the
 * CLI finds it. Works on uri strings, so any scheme (virtual workspaces) is alike.
 */
export class ConfigTable {
  private readonly byFolder = new Map<string, LoadedConfig>();

  /** Sets or replaces the configuration of the folder a config file is in. */
  set(configUri: string, config: Config): void {
    const ignore = config.ignore.map((glob) => new Glob(glob));
    this.byFolder.set(parentOf(configUri) ?? configUri, { config, ignore });
  }

  delete(configUri: string): void {
    this.byFolder.delete(parentOf(configUri) ?? configUri);
  }

  clear(): void {
    this.byFolder.clear();
  }

  /** The options and the ignore verdict of the configuration nearest to `fileUri`. */
  lookup(fileUri: string): FileConfig {
    for (let folder = parentOf(fileUri); folder !== undefined; folder = parentOf(folder)) {
      const loaded = this.byFolder.get(folder);
      if (!loaded) continue;
      const relative = decodeURIComponent(fileUri.slice(folder.length + 1));
      const ignored = loaded.ignore.some((glob) => glob.matches(relative));
      return { options: loaded.config.options, ignored };
    }
    return { options: undefined, ignored: false };
  }
}

/** `scheme://authority/a/b` for `scheme://authority/a/b/c`; undefined above the root. */
function parentOf(uri: string): string | undefined {
  const rootEnd = uri.indexOf('/', uri.indexOf('://') + 3);
  const slash = uri.lastIndexOf('/');
  if (rootEnd === -1 || slash < rootEnd) return undefined;
  if (slash === rootEnd) return uri.length > rootEnd + 1 ? uri.slice(0, rootEnd) : undefined;
  return uri.slice(0, slash);
}
