/** What kind of deployment file a text is. */
export type FileFormat = 'kubernetes' | 'helm' | 'compose' | 'dockerfile' | 'none';

/**
 * A top-level `apiVersion:` or `kind:` key, as every manifest has; an indented one (a schema's
 * `kind` property, say) is not enough. JSON manifests are recognised by their quoted key.
 */
const KUBERNETES_HINT = /^["']?(?:apiVersion|kind)["']?[ \t]*:/m;
const JSON_KUBERNETES_HINT = /"(?:apiVersion|kind)"[ \t]*:/;

/** A top-level `services:` key opening a block or flow mapping, as compose files start. */
const COMPOSE_HINT = /^services[ \t]*:[ \t]*(?:#.*)?(?:\r?\n|$)|^services[ \t]*:[ \t]*\{/m;

/** Files of a chart that are not YAML: helpers with `define`s, the install notes. */
const NOT_YAML = /\.(?:tpl|txt)$/;

/**
 * Decides how to read a file from its name and a cheap look at its text, so that ordinary YAML
 * and other files cost a regular-expression test and nothing more.
 *
 * - `dockerfile`: the name is `Dockerfile`, `*.dockerfile` or `Dockerfile.*`.
 * - `compose`: a top-level `services:` mapping; the reader confirms the services look like
 *   services, so a CI file with a `services:` list yields nothing.
 * - `helm`: Kubernetes YAML with `{{ }}` template actions, or any Kubernetes YAML in a
 *   chart's `templates/` folder.
 * - `kubernetes`: `apiVersion:` or `kind:` keys.
 */
export function detectFormat(path: string, text: string): FileFormat {
  const name = baseName(path).toLowerCase();
  if (name === 'dockerfile' || name.endsWith('.dockerfile') || name.startsWith('dockerfile.')) {
    return 'dockerfile';
  }
  if (COMPOSE_HINT.test(text)) return 'compose';
  if (!hasKubernetesKeys(text)) return 'none';
  if (text.includes('{{') || isChartTemplate(path)) return NOT_YAML.test(name) ? 'none' : 'helm';
  return 'kubernetes';
}

function hasKubernetesKeys(text: string): boolean {
  if (KUBERNETES_HINT.test(text)) return true;
  const first = text.trimStart().charAt(0);
  return (first === '{' || first === '[') && JSON_KUBERNETES_HINT.test(text);
}

function isChartTemplate(path: string): boolean {
  return /(?:^|[\\/])templates[\\/]/.test(path);
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? path : path.slice(slash + 1);
}
