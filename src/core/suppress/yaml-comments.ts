import { isMap, isNode, isPair, isScalar, isSeq, type Pair } from 'yaml';
import type { ParsedDocument } from '../read/parse-yaml.js';
import type { Span } from '../report/types.js';
import { readDirectiveText, type Suppression } from './suppression.js';

const DIRECTIVE = /^[ \t]*#[ \t]*layerwise-disable-(next-line|file)(?=[ \t]|$)(.*)$/;
/** Lines without a node of their own: blank, comments, document markers, template actions. */
const SKIPPED_LINE = /^[ \t]*(?:#.*|---[ \t]*|\.\.\.[ \t]*|\{\{.*\}\}[ \t]*)?$/;
const ITEM_INDICATORS = /^[ \t]*(?:-[ \t]+)*/;

interface Line {
  start: number;
  /** The text without its line break. */
  text: string;
}

/**
 * Reads `# layerwise-disable-next-line <rules> -- <reason>` and
 * `# layerwise-disable-file <rules> -- <reason>` comments of a YAML file. A next-line comment
 * covers the node that starts on the next line that holds content: the key's whole entry, or
 * the whole object when that line starts a document or a list item.
 */
export function readYamlCommentSuppressions(
  path: string,
  text: string,
  documents: readonly ParsedDocument[],
): Suppression[] {
  if (!text.includes('layerwise-disable-')) return [];
  const lines = splitLines(text);
  const suppressions: Suppression[] = [];

  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line.text);
    if (!match) return;
    const commentStart = line.start + line.text.indexOf('#');
    if (isInsideScalar(documents, commentStart)) return;

    const [, kind, rest = ''] = match;
    const restOffset = line.start + line.text.length - rest.length;
    const directive = readDirectiveText(rest, restOffset);
    const span = { start: commentStart, end: line.start + line.text.length };
    const scope =
      kind === 'file'
        ? ({ kind: 'file' } as const)
        : ({ kind: 'span', span: nextLinesSpan(lines, index, documents, text.length) } as const);
    suppressions.push({ path, span, writtenAs: 'comment', ...directive, scope });
  });
  return suppressions;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const body = text.slice(start, end);
    lines.push({ start, text: body.endsWith('\r') ? body.slice(0, -1) : body });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/**
 * What a next-line comment covers: the next node, and the comment lines between it and the
 * node, so a next-line suppression of `unused-suppression` directly above another suppression
 * comment covers the finding about that comment.
 */
function nextLinesSpan(
  lines: readonly Line[],
  commentIndex: number,
  documents: readonly ParsedDocument[],
  textLength: number,
): Span {
  const node = nextNodeSpan(lines, commentIndex, documents, textLength);
  const following = lines[commentIndex + 1]?.start ?? node.start;
  return { start: Math.min(following, node.start), end: node.end };
}

function nextNodeSpan(
  lines: readonly Line[],
  commentIndex: number,
  documents: readonly ParsedDocument[],
  textLength: number,
): Span {
  const line = lines
    .slice(commentIndex + 1)
    .find((candidate) => !SKIPPED_LINE.test(candidate.text));
  if (!line) return { start: textLength, end: textLength };

  const contentStart = line.start + (ITEM_INDICATORS.exec(line.text)?.[0].length ?? 0);
  const document = documentAt(documents, contentStart);
  const base = document?.chunk.offset ?? 0;
  const found = document ? outermostAt(document.document.contents, contentStart - base) : undefined;
  if (found) return { start: found[0] + base, end: found[1] + base };
  return { start: contentStart, end: line.start + line.text.length };
}

function documentAt(
  documents: readonly ParsedDocument[],
  offset: number,
): ParsedDocument | undefined {
  return documents.find(
    (document) =>
      document.chunk.offset <= offset &&
      offset < document.chunk.offset + document.chunk.text.length,
  );
}

/** The outermost node (or map entry) that starts at `offset`, as [start, end]. */
function outermostAt(node: unknown, offset: number): [number, number] | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const [start, valueEnd, nodeEnd] = node.range;
  if (start === offset) return [start, valueEnd];
  if (offset < start || offset >= Math.max(valueEnd, nodeEnd)) return undefined;

  const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
  for (const item of items) {
    const found = isPair(item) ? entryAt(item, offset) : outermostAt(item, offset);
    if (found) return found;
  }
  return undefined;
}

function entryAt(pair: Pair, offset: number): [number, number] | undefined {
  const keyRange = isNode(pair.key) ? pair.key.range : undefined;
  if (keyRange && keyRange[0] === offset) {
    const valueRange = isNode(pair.value) ? pair.value.range : undefined;
    return [keyRange[0], Math.max(keyRange[1], valueRange?.[1] ?? 0)];
  }
  return outermostAt(pair.value, offset);
}

/** Whether `offset` is inside a scalar's text, as a block scalar line that looks like a comment. */
function isInsideScalar(documents: readonly ParsedDocument[], offset: number): boolean {
  const document = documentAt(documents, offset);
  if (!document) return false;
  return scalarContains(document.document.contents, offset - document.chunk.offset);
}

function scalarContains(node: unknown, offset: number): boolean {
  if (isPair(node)) return scalarContains(node.key, offset) || scalarContains(node.value, offset);
  if (!isNode(node) || !node.range) return false;
  const [start, valueEnd] = node.range;
  if (isScalar(node)) return start <= offset && offset < valueEnd;
  if (offset < start || offset >= valueEnd) return false;
  const items: unknown[] = isMap(node) || isSeq(node) ? node.items : [];
  return items.some((item) => scalarContains(item, offset));
}
