/**
 * A compiled glob over `/`-separated relative paths: `*` matches within one path segment, `?`
 * one character of a segment, and a `**` segment any number of segments, none included. Every
 * other character stands for itself. The matcher is small and self-contained so it runs in a
 * browser as well as in Node.
 */
export class Glob {
  private readonly pattern: RegExp;

  constructor(readonly source: string) {
    this.pattern = compileGlob(normalizeGlob(source));
  }

  /** Whether the glob matches `path` or one of the folders `path` is in. */
  matches(path: string): boolean {
    const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
    for (let count = segments.length; count > 0; count--) {
      if (this.pattern.test(segments.slice(0, count).join('/'))) return true;
    }
    return false;
  }
}

/** Why a glob cannot be used, or undefined when it can. */
export function checkGlob(source: string): string | undefined {
  const normalized = normalizeGlob(source);
  if (normalized === '') return 'it is empty';
  if (source.startsWith('/')) return 'it must be relative to the configuration folder';
  if (normalized.split('/').includes('..')) return 'it must not leave the configuration folder';
  return undefined;
}

function normalizeGlob(source: string): string {
  return source
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+|\/+$/g, '');
}

function compileGlob(glob: string): RegExp {
  const segments = glob.split('/');
  let pattern = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      pattern += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    pattern += compileSegment(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${pattern}$`);
}

function compileSegment(segment: string): string {
  let pattern = '';
  for (const character of segment) {
    if (character === '*') pattern += '[^/]*';
    else if (character === '?') pattern += '[^/]';
    else pattern += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return pattern;
}
