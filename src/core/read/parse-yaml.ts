import {
  isAlias,
  isCollection,
  isPair,
  isScalar,
  parseAllDocuments,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { Span } from '../report/types.js';
import type { DocumentChunk } from './split-documents.js';
import { Field } from './yaml-field.js';

/** A problem the YAML parser found, with its place in the file. */
export interface SyntaxProblem {
  message: string;
  code: string;
  span: Span;
  severity: 'error' | 'warning';
}

/** One parsed YAML document. */
export interface ParsedDocument {
  chunk: DocumentChunk;
  document: Document.Parsed;
  /** The document's root node, or undefined when the document is empty. */
  root: Field | undefined;
  problems: SyntaxProblem[];
}

/**
 * Parses one document chunk. Values follow YAML 1.1, as Kubernetes reads manifests: `yes`, `on`
 * and `off` are booleans there, so `privileged: yes` means what the cluster will think it means.
 * Aliases are never expanded, so an alias bomb costs no more than its text.
 */
export function parseChunk(chunk: DocumentChunk): ParsedDocument {
  return toParsedDocument(chunk, parseDocument(chunk.text, PARSE_OPTIONS));
}

const PARSE_OPTIONS = {
  version: '1.1',
  prettyErrors: false,
  uniqueKeys: true,
  keepSourceTokens: false,
} as const;

/**
 * Parses all chunks of a file, each as `parseChunk` would. One parser over the whole stream
 * costs about a tenth less than a parser per document, so clean documents are taken from it,
 * with their ranges made relative to their chunk. A document with problems is parsed alone,
 * since its messages could differ; a stream the parser divides otherwise than
 * `splitDocuments`, or one with directives, is parsed chunk by chunk.
 */
export function parseChunks(text: string, chunks: readonly DocumentChunk[]): ParsedDocument[] {
  if (chunks.length < 2 || DIRECTIVE_LINE.test(text)) return chunks.map(parseChunk);
  const streamed = parseAllDocuments(text, PARSE_OPTIONS);
  if (!Array.isArray(streamed)) return chunks.map(parseChunk);
  const documents = streamed as Document.Parsed[];

  const parsed: ParsedDocument[] = [];
  let next = 0;
  for (const chunk of chunks) {
    const end = chunk.offset + chunk.text.length;
    const document = documents[next];
    // A chunk of comments alone has no document of its own in the stream.
    if (!document || document.range[0] >= end) {
      parsed.push(parseChunk(chunk));
      continue;
    }
    next += 1;
    const following = documents[next];
    const inside = document.range[0] >= chunk.offset && document.range[2] <= end;
    if (!inside || (following && following.range[0] < end)) return chunks.map(parseChunk);
    const clean = document.errors.length === 0 && document.warnings.length === 0;
    parsed.push(
      clean ? toParsedDocument(chunk, rebase(document, chunk.offset)) : parseChunk(chunk),
    );
  }
  return next === documents.length ? parsed : chunks.map(parseChunk);
}

const DIRECTIVE_LINE = /^%/m;

/** Makes a document's ranges relative to `offset`, as if its text had been parsed alone. */
function rebase(document: Document.Parsed, offset: number): Document.Parsed {
  shiftRange(document.range, offset);
  if (document.contents) rebaseNode(document.contents, offset);
  return document;
}

function rebaseNode(node: Node, offset: number): void {
  if (node.range) shiftRange(node.range, offset);
  if (isScalar(node) || isAlias(node) || !isCollection(node)) return;
  for (const item of node.items) {
    if (!isPair(item)) {
      rebaseNode(item as Node, offset);
      continue;
    }
    if (item.key) rebaseNode(item.key as Node, offset);
    if (item.value) rebaseNode(item.value as Node, offset);
  }
}

function shiftRange(range: number[], offset: number): void {
  for (let index = 0; index < range.length; index += 1) range[index] = (range[index] ?? 0) - offset;
}

function toParsedDocument(chunk: DocumentChunk, document: Document.Parsed): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  for (const error of document.errors) {
    problems.push(toProblem(widenToKey(error, document), chunk, 'error'));
  }
  for (const warning of document.warnings) problems.push(toProblem(warning, chunk, 'warning'));

  const contents = document.contents;
  const root = contents ? new Field(contents, undefined, chunk.offset, chunk.text, []) : undefined;
  return { chunk, document, root, problems };
}

/** The parser marks a duplicate key by its first character; the finding covers the whole key. */
function widenToKey<E extends { code: string; pos: [number, number] }>(
  error: E,
  document: Document.Parsed,
): E {
  if (error.code !== 'DUPLICATE_KEY') return error;
  const [start] = error.pos;
  let end = error.pos[1];
  visit(document, {
    Pair(_, pair) {
      const range = (pair.key as Node | null)?.range;
      if (range?.[0] !== start) return undefined;
      end = range[1];
      return visit.BREAK;
    },
  });
  return { ...error, pos: [start, Math.max(end, error.pos[1])] };
}

function toProblem(
  error: { message: string; code: string; pos: [number, number] },
  chunk: DocumentChunk,
  severity: 'error' | 'warning',
): SyntaxProblem {
  const [start, end] = error.pos;
  const message = error.message.split('\n')[0] ?? error.message;
  return {
    message,
    code: error.code,
    span: { start: chunk.offset + start, end: chunk.offset + Math.max(end, start) },
    severity,
  };
}

/** The same parsed document placed at another offset, after text before it changed. */
export function moveDocument(parsed: ParsedDocument, chunk: DocumentChunk): ParsedDocument {
  const delta = chunk.offset - parsed.chunk.offset;
  if (delta === 0 && chunk.index === parsed.chunk.index) return parsed;
  const contents = parsed.document.contents;
  return {
    chunk,
    document: parsed.document,
    root: contents ? new Field(contents, undefined, chunk.offset, chunk.text, []) : undefined,
    problems: parsed.problems.map((problem) => ({
      ...problem,
      span: { start: problem.span.start + delta, end: problem.span.end + delta },
    })),
  };
}
