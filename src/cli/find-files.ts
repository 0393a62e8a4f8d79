import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/index.js';

/** Folders never searched: installed packages and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Names worth reading when found in a folder; the core's format detection then decides what each
 * file is, so a YAML file that is no manifest costs one read and yields nothing.
 */
export function isCandidateFile(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === CONFIG_FILE_NAME) return false;
  if (lower.startsWith('dockerfile') || lower.endsWith('.dockerfile')) return true;
  return lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.json');
}

/** Files found under the paths given, and what could not be searched. */
export interface FoundFiles {
  /** Absolute paths, each once, in the order found. */
  files: string[];
  /** One message per path that does not exist or could not be read. */
  problems: string[];
}

/** How to search. */
export interface SearchOptions {
  /** The folder relative paths are resolved from. */
  cwd: string;
  /** Whether an absolute path is excluded by the configuration that applies to it. */
  isIgnored(absolutePath: string): boolean;
  /** How a path is shown in messages. */
  display(absolutePath: string): string;
}

/**
 * Finds the files to check: each file named (whatever its name) and the candidate files of each
 * folder named, searched recursively. Only regular files are taken from folders. Symbolic links
 * are followed, but a folder already searched is not searched again, so a link loop ends.
 */
export function findFiles(paths: readonly string[], options: SearchOptions): FoundFiles {
  const { cwd, isIgnored, display } = options;
  const found: FoundFiles = { files: [], problems: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = (path: string) => {
    if (seenFiles.has(path) || isIgnored(path)) return;
    seenFiles.add(path);
    found.files.push(path);
  };

  const searchFolder = (folder: string) => {
    const real = realPath(folder);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);

    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      found.problems.push(`cannot read folder ${display(folder)}: ${describeError(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const kind = entry.isSymbolicLink() ? kindOf(path) : direntKind(entry);
      if (kind === 'folder') {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(path)) searchFolder(path);
      } else if (kind === 'file' && isCandidateFile(entry.name)) {
        addFile(path);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch (error) {
      found.problems.push(`cannot read ${display(path)}: ${describeError(error)}`);
      continue;
    }
    if (isFolder) searchFolder(path);
    else addFile(path);
  }
  return found;
}

/** Pipes, sockets and devices are neither: reading a pipe found in a folder would block. */
function direntKind(entry: Dirent): 'file' | 'folder' | 'other' {
  if (entry.isDirectory()) return 'folder';
  return entry.isFile() ? 'file' : 'other';
}

/** What a symbolic link points at; a broken link is neither file nor folder. */
function kindOf(path: string): 'file' | 'folder' | 'other' {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'folder';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A short, plain description of a file system error, e.g. "permission denied". */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
  };
  if (typeof code === 'string' && known[code]) return known[code];
  return error instanceof Error ? error.message : String(error);
}
