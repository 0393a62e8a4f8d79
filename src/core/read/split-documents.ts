/** One YAML document of a multi-document file, as text with its place in the file. */
export interface DocumentChunk {
  /** The document's text, including its `---` marker line if it has one. */
  text: string;
  /** Offset of `text` in the file. */
  offset: number;
  /** Zero-based position of the document in the file. */
  index: number;
}

const DOCUMENT_MARKER = /^---(?:[ \t]|$)/;

/**
 * Splits a YAML stream into documents at `---` lines, without parsing. YAML forbids a `---` at
 * the start of a line inside content, so the split matches the parser's; directive lines
 * (`%YAML`, `%TAG`) stay with the document they introduce. Each chunk can then be parsed and
 * cached on its own, so an edit re-parses one document, not the file.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const starts: number[] = [0];
  let directivesStart = -1;
  let lineStart = 0;

  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const first = text.charCodeAt(lineStart);

    if (first === 0x25 /* % */) {
      if (directivesStart === -1) directivesStart = lineStart;
    } else if (first === 0x2d /* - */ && DOCUMENT_MARKER.test(text.slice(lineStart, lineEnd))) {
      const start = directivesStart === -1 ? lineStart : directivesStart;
      if (start > 0 && start !== starts[starts.length - 1]) starts.push(start);
      directivesStart = -1;
    } else if (first !== 0x23 /* # */ && lineEnd > lineStart && first !== 0x0d) {
      directivesStart = -1;
    }

    if (newline === -1) break;
    lineStart = newline + 1;
  }

  return starts.map((start, index) => {
    const end = starts[index + 1] ?? text.length;
    return { text: text.slice(start, end), offset: start, index };
  });
}
