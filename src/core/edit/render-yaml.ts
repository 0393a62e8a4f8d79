import type { YamlValue } from './yaml-edits.js';

/** Words that YAML 1.1 reads as booleans or null, so a string spelled so must be quoted. */
const SPECIAL_WORDS = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;
const PLAIN_STRING = /^[A-Za-z_/][\w./-]*$/;

/** The newline the text already uses: `\r\n` when it has any, else `\n`. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the `\n` that ends the line holding `offset`, or the text's length. */
export function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** A scalar as YAML text: plain when it reads back as the same string, else double-quoted. */
export function renderScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  return PLAIN_STRING.test(value) && !SPECIAL_WORDS.test(value) ? value : JSON.stringify(value);
}

/** A value in flow style: `{type: RuntimeDefault}`, `[ALL]`, or a scalar. */
export function renderFlow(value: YamlValue): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, YamlValue>);
    const rendered = entries.map(([key, child]) => `${renderScalar(key)}: ${renderFlow(child)}`);
    return `{${rendered.join(', ')}}`;
  }
  return renderScalar(value as string | number | boolean | null);
}

/**
 * One map entry in block style at `indent`, nested maps and lists one `step` deeper, lines
 * joined by `eol`, with no newline at the end.
 */
export function renderBlockEntry(
  key: string,
  value: YamlValue,
  indent: string,
  step: number,
  eol: string,
): string {
  const head = `${indent}${renderScalar(key)}:`;
  const inner = indent + ' '.repeat(step);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${head} []`;
    return [head, ...value.map((item: YamlValue) => `${inner}- ${renderFlow(item)}`)].join(eol);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, YamlValue>);
    if (entries.length === 0) return `${head} {}`;
    const lines = entries.map(([childKey, child]) =>
      renderBlockEntry(childKey, child, inner, step, eol),
    );
    return [head, ...lines].join(eol);
  }
  return `${head} ${renderScalar(value as string | number | boolean | null)}`;
}
