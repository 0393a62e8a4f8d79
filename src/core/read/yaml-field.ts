import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../report/types.js';

/**
 * A read-only view of one node of a parsed YAML document, with spans in file offsets.
 * Rules read manifests through this view so every value they judge comes with the place it
 * stands, and so a missing value and a value of the wrong type are both simply `undefined`.
 */
export class Field {
  /** The field this one was reached from, and the key or index of the step. */
  private parent: Field | undefined = undefined;
  private step: string | number = '';
  private knownPath: readonly (string | number)[] | undefined;

  constructor(
    /** The YAML node; `null` for a key written without a value (`key:`). */
    readonly node: Node | null,
    /** The pair that holds the node in its parent map, if any. */
    readonly pair: Pair | undefined,
    /** Offset of the document's text in the file. */
    readonly base: number,
    /** The document's text; `base` is where it starts in the file. */
    readonly source: string,
    /** The path of keys and indexes from the document root. Default: the root's, empty. */
    path?: readonly (string | number)[],
  ) {
    this.knownPath = path;
  }

  /**
   * The path of keys and indexes from the document root. Children keep a link to their parent
   * instead of a copy of its path, since rules walk far more fields than anything asks this of.
   */
  get path(): readonly (string | number)[] {
    if (this.knownPath === undefined) {
      this.knownPath = this.parent ? [...this.parent.path, this.step] : [];
    }
    return this.knownPath;
  }

  /** The same field in a document that moved `delta` characters in its file. */
  movedBy(delta: number): Field {
    const field = new Field(this.node, this.pair, this.base + delta, this.source, this.knownPath);
    field.parent = this.parent;
    field.step = this.step;
    return field;
  }

  /** The value's span; for an empty value, the end of its key. */
  get span(): Span {
    const range = this.node?.range;
    if (range) return { start: range[0] + this.base, end: range[1] + this.base };
    return this.keySpan ?? { start: this.base, end: this.base };
  }

  /** The key's span, when the node is the value of a map entry. */
  get keySpan(): Span | undefined {
    const key = this.pair?.key as Node | undefined;
    const range = key?.range;
    return range ? { start: range[0] + this.base, end: range[1] + this.base } : undefined;
  }

  /** From the key (or value, in a sequence) to the end of the value. */
  get entrySpan(): Span {
    const key = this.keySpan;
    const value = this.span;
    return key ? { start: key.start, end: Math.max(key.end, value.end) } : value;
  }

  get isMap(): boolean {
    return isMap(this.node);
  }

  get isSeq(): boolean {
    return isSeq(this.node);
  }

  /** The scalar's value, or undefined for collections, aliases and missing values. */
  get value(): unknown {
    return isScalar(this.node) ? this.node.value : undefined;
  }

  /** The child at a key of a map, or undefined. */
  get(key: string): Field | undefined {
    const node = this.node;
    if (!isMap(node)) return undefined;
    for (const pair of node.items) {
      if (keyText(pair) === key) {
        return this.child(pair.value as Node | null, pair, key);
      }
    }
    return undefined;
  }

  /** The descendant at a path of keys, or undefined when any step is missing. */
  at(...keys: string[]): Field | undefined {
    return keys.reduce<Field | undefined>((field, key) => field?.get(key), this);
  }

  /** The entries of a map, in order; nothing for other nodes. */
  entries(): [string, Field][] {
    const node = this.node;
    if (!isMap(node)) return [];
    const result: [string, Field][] = [];
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key === undefined) continue;
      result.push([key, this.child(pair.value as Node | null, pair, key)]);
    }
    return result;
  }

  /** The items of a sequence, in order; nothing for other nodes. */
  items(): Field[] {
    const node = this.node;
    if (!isSeq(node)) return [];
    return node.items.map((item, index) =>
      isPair(item)
        ? this.child(item.value as Node | null, item, index)
        : this.child(item as Node, undefined, index),
    );
  }

  private child(node: Node | null, pair: Pair | undefined, step: string | number): Field {
    const field = new Field(node, pair, this.base, this.source);
    field.parent = this;
    field.step = step;
    return field;
  }

  /** The scalar as a string, when it is one. */
  string(): string | undefined {
    const value = this.value;
    return typeof value === 'string' ? value : undefined;
  }

  /** The scalar as a boolean, when it is one. */
  boolean(): boolean | undefined {
    const value = this.value;
    return typeof value === 'boolean' ? value : undefined;
  }

  /** The scalar as a number, when it is one. */
  number(): number | undefined {
    const value = this.value;
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    return undefined;
  }

  /** A map of string keys to scalar values rendered as strings (labels, annotations). */
  stringMap(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, field] of this.entries()) {
      const value = field.value;
      if (value === null || value === undefined || typeof value === 'object') continue;
      result[key] = String(value);
    }
    return result;
  }
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    const value = key.value;
    return value === null || value === undefined ? undefined : String(value);
  }
  return undefined;
}
