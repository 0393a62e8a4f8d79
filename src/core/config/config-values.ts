import type { Field } from '../read/yaml-field.js';
import type { RawFinding, Span } from '../report/types.js';
import { configInvalid } from '../rules/general/config-invalid.js';
import { makeFinding } from '../rules/run-rules.js';

/**
 * Reads typed values from the configuration's YAML and records a `config-invalid` finding at
 * each value that is not what its key needs; the reader then returns undefined for it.
 */
export class ConfigValues {
  readonly findings: RawFinding[] = [];

  constructor(private readonly path: string) {}

  report(field: Field, messageId: string, data: Record<string, string> = {}, atKey = false): void {
    const span = trimEnd(field, atKey ? (field.keySpan ?? field.span) : field.span);
    this.findings.push(makeFinding(configInvalid, { messageId, data, span }, this.path, undefined));
  }

  /** The entries of a map whose keys must be among `known`; other keys are reported. */
  entries(field: Field, name: string, known: readonly string[]): [string, Field][] {
    if (!field.isMap) {
      this.report(field, 'wrongType', { key: name, expected: 'a mapping' });
      return [];
    }
    return field.entries().filter(([key, value]) => {
      if (known.includes(key)) return true;
      this.report(value, 'unknownKey', { key, expected: known.join(', ') }, true);
      return false;
    });
  }

  string(field: Field, name: string): string | undefined {
    const value = field.string();
    if (value === undefined) this.report(field, 'wrongType', { key: name, expected: 'a string' });
    return value;
  }

  oneOf<T extends string>(field: Field, name: string, allowed: readonly T[]): T | undefined {
    const value = field.string();
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    this.report(field, 'notOneOf', { key: name, expected: allowed.join(', ') });
    return undefined;
  }

  /** A list of strings; items of another type are reported and left out. */
  stringList(field: Field, name: string): string[] | undefined {
    if (!field.isSeq) {
      this.report(field, 'wrongType', { key: name, expected: 'a list of strings' });
      return undefined;
    }
    const values: string[] = [];
    for (const item of field.items()) {
      const value = this.string(item, `${name}[]`);
      if (value !== undefined) values.push(value);
    }
    return values;
  }

  /** A map of strings to strings, as labels are written; numbers and booleans must be quoted. */
  stringMap(field: Field, name: string): Record<string, string> | undefined {
    if (!field.isMap) {
      this.report(field, 'wrongType', { key: name, expected: 'a mapping of strings' });
      return undefined;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of field.entries()) {
      const text = this.string(value, `${name}.${key}`);
      if (text !== undefined) values[key] = text;
    }
    return values;
  }
}

/** The span without the line breaks and spaces a block collection's span ends with. */
function trimEnd(field: Field, span: Span): Span {
  const text = field.source.slice(span.start - field.base, span.end - field.base);
  return { start: span.start, end: span.start + text.trimEnd().length };
}
