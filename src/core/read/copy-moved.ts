import { Field } from '../read/yaml-field.js';

/** Thrown inside `copyMoved` for a value it does not know how to move. */
class CannotMove extends Error {}

/**
 * A copy of `value` for a document that moved `delta` characters in its file: every span
 * (`{ start, end }`) and every `Field` in it is shifted, everything else is copied as it is.
 * Undefined when `value` holds something other than plain data, arrays and fields, which the
 * caller then computes again instead.
 */
export function copyMoved<T>(value: T, delta: number): T | undefined {
  try {
    return copy(value, delta, new Map()) as T;
  } catch (error) {
    if (error instanceof CannotMove) return undefined;
    throw error;
  }
}

function copy(value: unknown, delta: number, copies: Map<object, unknown>): unknown {
  if (typeof value === 'function') throw new CannotMove();
  if (typeof value !== 'object' || value === null) return value;
  // Facts share objects (a span used twice); the copy shares them the same way.
  const known = copies.get(value);
  if (known !== undefined) return known;

  const result = copyObject(value, delta, copies);
  copies.set(value, result);
  return result;
}

function copyObject(value: object, delta: number, copies: Map<object, unknown>): unknown {
  if (value instanceof Field) {
    return new Field(value.node, value.pair, value.base + delta, value.source, value.path);
  }
  if (Array.isArray(value)) return value.map((item) => copy(item, delta, copies));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new CannotMove();

  const entries = Object.entries(value);
  if (isSpan(value, entries.length)) {
    return { start: value.start + delta, end: value.end + delta };
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) result[key] = copy(item, delta, copies);
  return result;
}

function isSpan(value: object, keys: number): value is { start: number; end: number } {
  const span = value as { start?: unknown; end?: unknown };
  return keys === 2 && typeof span.start === 'number' && typeof span.end === 'number';
}
