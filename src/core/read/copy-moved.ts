import { Field } from './yaml-field.js';

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
  if (value instanceof Field) return value.movedBy(delta);
  if (Array.isArray(value)) return value.map((item) => copy(item, delta, copies));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new CannotMove();

  const record = value as Record<string, unknown>;
  if (isSpan(record)) return { start: record.start + delta, end: record.end + delta };
  const result: Record<string, unknown> = {};
  for (const key in record) result[key] = copy(record[key], delta, copies);
  return result;
}

/** A span has exactly two keys, `start` and `end`, both numbers. */
function isSpan(value: Record<string, unknown>): value is { start: number; end: number } {
  if (typeof value.start !== 'number' || typeof value.end !== 'number') return false;
  // Counting keys without `Object.keys`, which made an array for every object copied.
  for (const key in value) if (key !== 'start' && key !== 'end') return false;
  return true;
}
