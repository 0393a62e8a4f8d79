import {
  buildStages,
  type DockerComment,
  type Dockerfile,
  type DockerInstruction,
  type DockerWord,
} from '../model/dockerfile.js';

interface Line {
  start: number;
  /** The text without its line break. */
  text: string;
}

const ESCAPE_DIRECTIVE = /^#\s*escape\s*=\s*([\\`])\s*$/i;
const PARSER_DIRECTIVE = /^#\s*[a-z]+\s*=/i;
const KEYWORD = /^\s*([A-Za-z]+)/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][\w.-]*)\2/g;
const WORD = /&&|\|\||[;|]|(?:[^\s;|&"']|&(?!&)|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g;
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * Reads a Dockerfile into instructions and build stages, as BuildKit reads it: continuation
 * lines (`\`, or the `# escape=` character), comment lines (also inside continued
 * instructions), heredocs (`<<EOF` up to a line `EOF`), the JSON and the shell forms. Never
 * throws: text it cannot make sense of is skipped.
 */
export function parseDockerfile(path: string, text: string): Dockerfile {
  const lines = splitLines(text);
  const escape = readEscape(lines);
  const instructions: DockerInstruction[] = [];
  const comments: DockerComment[] = [];

  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as Line;
    const trimmed = line.text.trim();
    if (trimmed === '') {
      index += 1;
      continue;
    }
    if (trimmed.startsWith('#')) {
      comments.push(readComment(line));
      index += 1;
      continue;
    }
    const end = instructionEnd(lines, index, escape);
    instructions.push(readInstruction(lines.slice(index, end), escape));
    index = end;
  }
  return { path, instructions, comments, stages: buildStages(instructions) };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const body = text.slice(start, end);
    lines.push({ start, text: body.endsWith('\r') ? body.slice(0, -1) : body });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Parser directives stand before anything else; only `escape` changes how lines are read. */
function readEscape(lines: readonly Line[]): string {
  for (const line of lines) {
    const text = line.text.trim();
    if (!PARSER_DIRECTIVE.test(text)) break;
    const match = ESCAPE_DIRECTIVE.exec(text);
    if (match) return match[1] ?? '\\';
  }
  return '\\';
}

function readComment(line: Line): DockerComment {
  const hash = line.text.indexOf('#');
  return {
    text: line.text.slice(hash + 1),
    span: { start: line.start + hash, end: line.start + line.text.length },
  };
}

/** The index of the first line after the instruction that starts at `first`. */
function instructionEnd(lines: readonly Line[], first: number, escape: string): number {
  let index = first;
  let last = first;
  while (index < lines.length) {
    const text = (lines[index] as Line).text;
    const isFiller = index > first && (text.trim() === '' || text.trim().startsWith('#'));
    if (!isFiller) last = index;
    if (!isFiller && !text.trimEnd().endsWith(escape)) break;
    index += 1;
  }
  return heredocEnd(lines, first, last + 1);
}

/** Heredoc bodies follow the instruction's lines, each up to its terminator line. */
function heredocEnd(lines: readonly Line[], first: number, next: number): number {
  const head = lines
    .slice(first, next)
    .map((line) => line.text)
    .join('\n');
  let index = next;
  for (const match of head.matchAll(HEREDOC)) {
    const stripTabs = match[1] === '-';
    const terminator = match[3];
    while (index < lines.length) {
      const text = (lines[index] as Line).text;
      index += 1;
      if ((stripTabs ? text.replace(/^\t+/, '') : text) === terminator) break;
    }
  }
  return index;
}

function readInstruction(lines: readonly Line[], escape: string): DockerInstruction {
  const first = lines[0] as Line;
  const last = lines[lines.length - 1] as Line;
  const match = KEYWORD.exec(first.text);
  const keywordText = match?.[1] ?? '';
  const keywordStart = first.start + (match ? match[0].length - keywordText.length : 0);
  const argsStart = keywordStart + keywordText.length;

  const words: DockerWord[] = [];
  lines.forEach((line, index) => {
    const from = index === 0 ? argsStart - line.start : 0;
    const body = line.text.slice(from);
    if (index > 0 && body.trim().startsWith('#')) return;
    words.push(...readWords(body, line.start + from, escape));
  });

  return {
    keyword: keywordText.toUpperCase(),
    keywordSpan: { start: keywordStart, end: argsStart },
    span: { start: keywordStart, end: last.start + last.text.length },
    words,
    json: readJsonForm(lines, argsStart, escape),
  };
}

function readWords(body: string, offset: number, escape: string): DockerWord[] {
  const words: DockerWord[] = [];
  const continued = body.trimEnd().endsWith(escape) ? body.trimEnd().length - 1 : -1;
  for (const match of body.matchAll(WORD)) {
    // The continuation character at the end of a line is no part of the word it touches.
    const raw = match.index + match[0].length - 1 === continued ? match[0].slice(0, -1) : match[0];
    if (raw === '') continue;
    const start = offset + match.index;
    words.push({ text: unquote(raw), span: { start, end: start + raw.length } });
  }
  return words;
}

function unquote(raw: string): string {
  return raw.replace(
    /"((?:[^"\\]|\\.)*)"?|'([^']*)'?/g,
    (_match, double?: string, single?: string) =>
      double !== undefined ? double.replace(/\\(.)/g, '$1') : (single ?? ''),
  );
}

/** The exec form: the arguments, continuations removed, are a JSON array of strings. */
function readJsonForm(
  lines: readonly Line[],
  argsStart: number,
  escape: string,
): DockerWord[] | undefined {
  const parts: { text: string; offset: number }[] = [];
  lines.forEach((line, index) => {
    const from = index === 0 ? argsStart - line.start : 0;
    let body = line.text.slice(from);
    if (index > 0 && body.trim().startsWith('#')) return;
    if (body.trimEnd().endsWith(escape)) body = body.trimEnd().slice(0, -1);
    parts.push({ text: body, offset: line.start + from });
  });
  const joined = parts.map((part) => part.text).join('');
  if (!joined.trim().startsWith('[')) return undefined;

  let values: unknown;
  try {
    values = JSON.parse(joined);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) {
    return undefined;
  }
  const spans = parts.flatMap((part) =>
    [...part.text.matchAll(JSON_STRING)].map((found) => ({
      start: part.offset + found.index,
      end: part.offset + found.index + found[0].length,
    })),
  );
  return values.map((value: string, index) => ({
    text: value,
    span: spans[index] ?? { start: argsStart, end: argsStart },
  }));
}
