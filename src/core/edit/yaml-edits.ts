import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Field } from '../read/yaml-field.js';
import type { TextEdit } from '../report/types.js';
import { lineEndAt, lineStartAt, newlineOf, renderBlockEntry, renderFlow } from './render-yaml.js';

/** A value a fix writes: scalars, lists and maps, rendered in the style of the target. */
export type YamlValue =
  string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Indentation step used when a document gives no hint. */
const DEFAULT_STEP = 2;

/**
 * Replaces a scalar's text by `value`, leaving the key, comments and spacing around it alone.
 * A collection value is written in flow style, so the edit stays on one line.
 */
export function replaceValue(field: Field, value: YamlValue): TextEdit {
  return { span: field.span, newText: renderFlow(value) };
}

/**
 * Sets `path` under `root` to `value`, creating the maps that are missing on the way
 * (`securityContext` → `capabilities` → `drop`). An existing scalar at the end of the path is
 * replaced; an empty value (`securityContext:`) is filled in. Returns undefined when a step of
 * the path is not a map, since no minimal edit can then keep the document's meaning.
 */
export function setIn(
  root: Field,
  path: readonly string[],
  value: YamlValue,
): TextEdit | undefined {
  const [key, ...rest] = path;
  if (key === undefined) return undefined;
  if (!isMap(root.node)) return undefined;
  const child = root.get(key);
  if (!child) return insertEntry(root, key, nest(rest, value));
  if (rest.length === 0) return isCollection(child.node) ? undefined : replaceValue(child, value);
  if (isEmptyValue(child)) return fillEmptyValue(child, nest(rest, value));
  if (isScalar(child.node) && child.node.value === null) {
    return replaceValue(child, nest(rest, value));
  }
  return setIn(child, rest, value);
}

/**
 * Inserts `key: value` as the last entry of a map. A block map gets a new line at the map's
 * indentation; a flow map gets `, key: value` before its closing brace.
 */
export function insertEntry(map: Field, key: string, value: YamlValue): TextEdit | undefined {
  const node = map.node;
  if (!isMap(node)) return undefined;
  const source = map.source;
  const range = node.range;
  if (!range) return undefined;

  if (node.flow) {
    const last = node.items[node.items.length - 1];
    const entry = `${key}: ${renderFlow(value)}`;
    if (!last) return at(map, range[0] + 1, range[0] + 1, entry);
    const end = pairEnd(last);
    return at(map, end, end, `, ${entry}`);
  }

  const first = node.items[0];
  const last = node.items[node.items.length - 1];
  if (!first || !last) return undefined;
  const keyStart = (first.key as Node | null)?.range?.[0] ?? range[0];
  const indent = keyStart - lineStartAt(source, keyStart);
  const step = indentStep(source, node, indent);
  const eol = newlineOf(source);
  const lines = renderBlockEntry(key, value, ' '.repeat(indent), step, eol);
  return insertAfterLine(map, deepEnd(last), lines, eol);
}

/** Appends an item to a sequence, as `- value` on a new line or `, value` in a flow list. */
export function appendItem(seq: Field, value: YamlValue): TextEdit | undefined {
  const node = seq.node;
  if (!isSeq(node) || !node.range) return undefined;
  const source = seq.source;
  const last = node.items[node.items.length - 1] as Node | undefined;

  if (node.flow) {
    if (!last?.range) return at(seq, node.range[0] + 1, node.range[0] + 1, renderFlow(value));
    return at(seq, last.range[1], last.range[1], `, ${renderFlow(value)}`);
  }
  if (!last?.range) return undefined;
  const dash = source.lastIndexOf('-', last.range[0]);
  const indent = ' '.repeat(dash - lineStartAt(source, dash));
  const eol = newlineOf(source);
  return insertAfterLine(seq, deepEnd(last), `${indent}- ${renderFlow(value)}`, eol);
}

/**
 * Removes the entry `key` from a map with its line, or with its separator in a flow map.
 * Comments on other lines stay. Removing the only entry of a block map leaves the parent key
 * with an empty value, which Kubernetes reads as unset.
 */
export function removeEntry(map: Field, key: string): TextEdit | undefined {
  const node = map.node;
  if (!isMap(node)) return undefined;
  const index = node.items.findIndex(
    (pair) => isScalar(pair.key) && String(pair.key.value) === key,
  );
  const pair = node.items[index];
  if (!pair) return undefined;
  const start = (pair.key as Node | null)?.range?.[0];
  if (start === undefined) return undefined;
  const starts = node.items.map((item) => (item.key as Node | null)?.range?.[0] ?? 0);
  return removeItemAt(map, node.flow ?? false, starts, index, start, pairEnd(pair), deepEnd(pair));
}

/** Removes item `index` of a sequence with its line, or with its separator in a flow list. */
export function removeItem(seq: Field, index: number): TextEdit | undefined {
  const node = seq.node;
  if (!isSeq(node)) return undefined;
  const item = node.items[index] as Node | undefined;
  const range = item?.range;
  if (!item || !range) return undefined;
  const starts = node.items.map((entry) => (entry as Node).range?.[0] ?? 0);
  if (node.flow) {
    return removeItemAt(seq, true, starts, index, range[0], range[1], range[1]);
  }
  const dash = seq.source.lastIndexOf('-', range[0]);
  return removeItemAt(seq, false, starts, index, dash, range[1], deepEnd(item));
}

function removeItemAt(
  field: Field,
  flow: boolean,
  starts: number[],
  index: number,
  start: number,
  end: number,
  deepEndOffset: number,
): TextEdit | undefined {
  const source = field.source;
  const next = starts[index + 1];
  if (flow) {
    if (next !== undefined) return at(field, start, next, '');
    if (index > 0) return at(field, previousEnd(source, start), end, '');
    return at(field, start, end, '');
  }

  const lineStart = lineStartAt(source, start);
  if (source.slice(lineStart, start).trim() !== '') {
    // The entry shares its line with a parent's `- `: keep the dash for the next entry.
    if (next !== undefined) return at(field, start, next, '');
    return at(field, start, deepEndOffset, '{}');
  }
  const lineEnd = lineEndAt(source, deepEndOffset);
  if (lineEnd < source.length) return at(field, lineStart, lineEnd + 1, '');
  return at(field, Math.max(0, lineStart - 1), source.length, '');
}

/** The end of the text before a flow item's separator: the previous item's last character. */
function previousEnd(source: string, start: number): number {
  let cursor = start;
  while (cursor > 0 && /[\s,]/.test(source.charAt(cursor - 1))) cursor -= 1;
  return cursor;
}

function insertAfterLine(field: Field, offset: number, lines: string, eol: string): TextEdit {
  const source = field.source;
  const lineEnd = lineEndAt(source, offset);
  if (lineEnd >= source.length) return at(field, source.length, source.length, `${eol}${lines}`);
  return at(field, lineEnd + 1, lineEnd + 1, `${lines}${eol}`);
}

/** Writes a nested value into a key that has none yet, on the lines after the key. */
function fillEmptyValue(field: Field, value: YamlValue): TextEdit | undefined {
  const keyStart = field.keySpan?.start;
  if (keyStart === undefined) return undefined;
  const local = keyStart - field.base;
  const source = field.source;
  const indent = local - lineStartAt(source, local);
  const eol = newlineOf(source);
  const entries = Object.entries(asMap(value));
  const lines = entries
    .map(([key, child]) =>
      renderBlockEntry(key, child, ' '.repeat(indent + DEFAULT_STEP), DEFAULT_STEP, eol),
    )
    .join(eol);
  return insertAfterLine(field, local, lines, eol);
}

function asMap(value: YamlValue): Record<string, YamlValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, YamlValue>)
    : {};
}

function nest(path: readonly string[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((inner, key) => ({ [key]: inner }), value);
}

function isEmptyValue(field: Field): boolean {
  const node = field.node;
  if (node === null) return true;
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

/** The offset just past a pair's value, or its key when the value is empty. */
function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  const valueEnd = value?.range?.[1];
  const keyEnd = (pair.key as Node | null)?.range?.[1] ?? 0;
  return valueEnd !== undefined && valueEnd > keyEnd ? valueEnd : keyEnd;
}

/**
 * The offset just past the last scalar of a node, ignoring the comments and blank lines that
 * the parser counts into block collections.
 */
function deepEnd(item: Pair | Node): number {
  if (isPair(item)) {
    const value = item.value as Node | null;
    if (isCollection(value) && !value.flow && value.items.length > 0) return deepEnd(value);
    return pairEnd(item);
  }
  if (isCollection(item) && !item.flow) {
    const last = item.items[item.items.length - 1] as Pair | Node | undefined;
    if (last) return deepEnd(last);
  }
  return item.range?.[1] ?? 0;
}

/** The indentation step of a block map: taken from a nested block map, else two spaces. */
function indentStep(source: string, node: { items: Pair[] }, indent: number): number {
  for (const pair of node.items) {
    const value = pair.value as Node | null;
    if (!isMap(value) || value.flow) continue;
    const start = (value.items[0]?.key as Node | null | undefined)?.range?.[0];
    if (start === undefined) continue;
    const step = start - lineStartAt(source, start) - indent;
    if (step > 0) return step;
  }
  return DEFAULT_STEP;
}

function at(field: Field, start: number, end: number, newText: string): TextEdit {
  return { span: { start: field.base + start, end: field.base + end }, newText };
}
