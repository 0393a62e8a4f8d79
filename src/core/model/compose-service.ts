import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ParsedDocument } from '../read/parse-yaml.js';
import { Field } from '../read/yaml-field.js';
import type { Span } from '../report/types.js';
import type { KubeObject } from './kubernetes-object.js';
import type { Workload } from './workload.js';

/** One service of a docker-compose file. */
export interface ComposeService {
  /** The service's key under `services:`. */
  name: string;
  /** The project: the file's top-level `name:`, or the name of its folder. */
  project: string;
  path: string;
  /** The service's mapping; `node` is null for a service written as `name:` alone. */
  field: Field;
  /** The maps merged into the service with `<<:`, in the order they take precedence. */
  merged: Field[];
  /** The service of the same file it `extends`, when it names one. */
  base: ComposeService | undefined;
  /** The service's key, where findings about the service as a whole point. */
  span: Span;
}

/** Keys only a compose service has; one of them makes a mapping look like a service. */
const SERVICE_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'expose',
  'volumes',
  'depends_on',
  'extends',
  'deploy',
  'networks',
  'network_mode',
  'restart',
  'privileged',
  'cap_add',
  'healthcheck',
  'container_name',
  'user',
  'profiles',
]);

/**
 * Reads the services of a compose file, or returns undefined when the document is not one: it
 * needs a top-level `services:` map whose values are mappings (or empty), at least one of them
 * with a key only services have. GitLab CI's and Drone's `services:` lists do not qualify.
 */
export function readComposeServices(
  path: string,
  parsed: ParsedDocument,
): ComposeService[] | undefined {
  const map = parsed.root?.get('services');
  if (!map?.isMap) return undefined;
  const entries = map.entries();
  const looksLikeServices =
    entries.every(([, field]) => field.isMap || field.node === null) &&
    entries.some(([, field]) => field.entries().some(([key]) => SERVICE_KEYS.has(key)));
  if (!looksLikeServices) return undefined;

  const project = parsed.root?.get('name')?.string() ?? folderName(path);
  const services: ComposeService[] = entries.map(([name, field]) => ({
    name,
    project,
    path,
    field,
    merged: mergedMaps(field, parsed.document),
    base: undefined,
    span: field.keySpan ?? field.span,
  }));
  for (const service of services) {
    const base = extendedName(service);
    service.base = services.find((other) => other.name === base && other !== service);
  }
  return services;
}

/** How many `extends` steps are followed; more means a cycle. */
const MAX_EXTENDS = 10;

/**
 * The value of a service key: the service's own, else from the maps it merges with `<<:`, else
 * from the service it `extends` in the same file. The field points where the value is written.
 */
export function serviceKey(service: ComposeService, key: string): Field | undefined {
  let current: ComposeService | undefined = service;
  for (let step = 0; current && step < MAX_EXTENDS; step += 1, current = current.base) {
    const found = ownKey(current, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The items of a list key. `extends` joins the lists of the service and of the services it
 * extends, as Compose merges `cap_add`, `volumes` or `devices`; `<<:` only overrides.
 */
export function serviceItems(service: ComposeService, key: string): Field[] {
  const items: Field[] = [];
  let current: ComposeService | undefined = service;
  for (let step = 0; current && step < MAX_EXTENDS; step += 1, current = current.base) {
    items.push(...(ownKey(current, key)?.items() ?? []));
  }
  return items;
}

function ownKey(service: ComposeService, key: string): Field | undefined {
  const own = service.field.get(key);
  if (own !== undefined) return own;
  for (const map of service.merged) {
    const inherited = map.get(key);
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

/** The service named by `extends: name` or `extends: {service: name}` without a `file`. */
function extendedName(service: ComposeService): string | undefined {
  const field = ownKey(service, 'extends');
  if (field?.isMap) {
    return field.get('file') === undefined ? field.get('service')?.string() : undefined;
  }
  return field?.string();
}

/**
 * A boolean as Compose reads it: YAML booleans, and strings that are `y`, `yes`, `true`, `on`
 * or `n`, `no`, `false`, `off` in any case (Compose accepts them so that variables can set
 * booleans). Undefined for anything else, such as a `${VARIABLE}` decided when it runs.
 */
export function composeBoolean(field: Field | undefined): boolean | undefined {
  const value = field?.value;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.toLowerCase();
  if (['y', 'yes', 'true', 'on'].includes(text)) return true;
  if (['n', 'no', 'false', 'off'].includes(text)) return false;
  return undefined;
}

/** The workload a compose service is, so the layering stage can treat it like the others. */
export function toComposeWorkload(service: ComposeService, documentIndex: number): Workload {
  const labels = readLabels(serviceKey(service, 'labels'));
  const object: KubeObject = {
    path: service.path,
    documentIndex,
    apiVersion: '',
    kind: 'ComposeService',
    name: service.name,
    namespace: service.project,
    root: service.field,
    metadata: undefined,
    labels,
    annotations: {},
  };
  return {
    id: `ComposeService/${service.project}/${service.name}`,
    kind: 'ComposeService',
    apiVersion: '',
    name: service.name,
    namespace: service.project,
    path: service.path,
    shape: 'compose',
    object,
    pods: [],
    compose: service.field,
    span: service.span,
  };
}

/** Compose labels as a map, from either the map form or the `key=value` list form. */
function readLabels(field: Field | undefined): Record<string, string> {
  if (!field?.isSeq) return field?.stringMap() ?? {};
  const labels: Record<string, string> = {};
  for (const item of field.items()) {
    const text = item.string();
    if (text === undefined) continue;
    const equals = text.indexOf('=');
    if (equals === -1) labels[text] = '';
    else labels[text.slice(0, equals)] = text.slice(equals + 1);
  }
  return labels;
}

function mergedMaps(service: Field, document: Document.Parsed): Field[] {
  const node = service.node;
  if (!isMap(node)) return [];
  const merged: Field[] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key) || pair.key.source !== '<<') continue;
    const value = pair.value as Node | null;
    const sources = isSeq(value) ? (value.items as Node[]) : [value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(document) : source;
      if (!isMap(target)) continue;
      merged.push(new Field(target, undefined, service.base, service.source, service.path));
    }
  }
  return merged;
}

function folderName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  return parts.length >= 2 ? (parts[parts.length - 2] ?? 'default') : 'default';
}

/** A host path a service mounts, from the short (`src:dst[:mode]`) or the long syntax. */
export interface ComposeBindMount {
  /** The host path, as written. */
  source: string;
  target: string;
  readOnly: boolean;
  /** The short-syntax item, or the long syntax's `source` entry. */
  span: Span;
}

/** The host paths a service mounts; named volumes, tmpfs and unreadable items are left out. */
export function readBindMounts(service: ComposeService): ComposeBindMount[] {
  const mounts: ComposeBindMount[] = [];
  for (const item of serviceItems(service, 'volumes')) {
    const mount = item.isMap ? readLongMount(item) : readShortMount(item);
    if (mount) mounts.push(mount);
  }
  return mounts;
}

function readShortMount(item: Field): ComposeBindMount | undefined {
  const text = item.string();
  if (text === undefined) return undefined;
  const [source = '', target = '', mode = ''] = text.split(':');
  if (!isHostPath(source) || target === '') return undefined;
  return { source, target, readOnly: mode.split(',').includes('ro'), span: item.span };
}

function readLongMount(item: Field): ComposeBindMount | undefined {
  const type = item.get('type')?.string();
  const source = item.get('source');
  const path = source?.string();
  if (!source || path === undefined || (type !== undefined && type !== 'bind')) return undefined;
  if (!isHostPath(path)) return undefined;
  return {
    source: path,
    target: item.get('target')?.string() ?? '',
    readOnly: composeBoolean(item.get('read_only')) === true,
    span: source.entrySpan,
  };
}

/** Compose reads a source as a host path when it starts like one; otherwise it is a volume. */
function isHostPath(source: string): boolean {
  if (/^[/.~]/.test(source)) return true;
  // A path from a variable, such as `${HOME}/.docker/run/docker.sock`, is a host path too.
  return source.startsWith('$') && source.includes('/');
}

/** A host path with duplicate and trailing slashes removed, `/` for the root. */
export function normalizeHostPath(path: string): string {
  const collapsed = path
    .replace(/\/+/g, '/')
    .replace(/\/\.(?=\/|$)/g, '')
    .replace(/\/$/, '');
  return collapsed === '' ? '/' : collapsed;
}

/** One `security_opt` item, split at its first `:` or `=` (Docker accepts both). */
export interface ComposeSecurityOption {
  /** The option's name in lower case: `seccomp`, `apparmor`, `label`, `systempaths`... */
  name: string;
  /** What follows the separator, as written; empty for an option without one. */
  value: string;
  span: Span;
}

/** The `security_opt` items of a service that are strings. */
export function readSecurityOptions(service: ComposeService): ComposeSecurityOption[] {
  const options: ComposeSecurityOption[] = [];
  for (const item of serviceItems(service, 'security_opt')) {
    const text = item.string()?.trim();
    if (text === undefined) continue;
    const separator = text.search(/[:=]/);
    const name = (separator === -1 ? text : text.slice(0, separator)).trim().toLowerCase();
    const value = separator === -1 ? '' : text.slice(separator + 1).trim();
    options.push({ name, value, span: item.span });
  }
  return options;
}
