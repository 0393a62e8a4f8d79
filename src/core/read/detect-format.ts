/** What kind of deployment file a text is. */
export type FileFormat = 'kubernetes' | 'compose' | 'dockerfile' | 'none';

const KUBERNETES_HINT = /^[ \t-]*["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/**
 * Decides how to read a file from its name and a cheap look at its text, so that ordinary YAML
 * and other files cost a regular-expression test and nothing more.
 */
export function detectFormat(path: string, text: string): FileFormat {
  const name = baseName(path).toLowerCase();
  if (name === 'dockerfile' || name.endsWith('.dockerfile') || name.startsWith('dockerfile.')) {
    return 'dockerfile';
  }
  if (KUBERNETES_HINT.test(text)) return 'kubernetes';
  return 'none';
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? path : path.slice(slash + 1);
}
