import { parseDocument, visit, type Document, type Node } from 'yaml';
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
  const document = parseDocument(chunk.text, {
    version: '1.1',
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
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
