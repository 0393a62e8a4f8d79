/** Where a suppression comment goes: before `line`, with `indent` in front of it. */
export interface CommentInsertion {
  line: number;
  indent: string;
}

/** Which comment syntax a file's suppressions use. */
export type CommentStyle = 'yaml' | 'dockerfile';

const INDENT = /^[ \t]*/;
const ITEM = /^([ \t]*)-[ \t]+(?=\S)/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;
const SKIPPED = /^[ \t]*(?:#.*)?$/;

/**
 * The snippet of a next-line suppression for `ruleId`, ending in a newline; `${1:reason}` is
 * the placeholder the cursor lands on. Dockerfile pragmas have no reason, as hadolint's.
 */
export function nextLineSnippet(style: CommentStyle, ruleId: string, indent: string): string {
  if (style === 'dockerfile') return `${indent}# layerwise ignore=${ruleId}\n`;
  return `${indent}# layerwise-disable-next-line ${ruleId} -- \${1:reason}\n`;
}

/** The snippet of a file-wide suppression for `ruleId`. */
export function fileSnippet(style: CommentStyle, ruleId: string): string {
  if (style === 'dockerfile') return `# layerwise global ignore=${ruleId}\n`;
  return `# layerwise-disable-file ${ruleId} -- \${1:reason}\n`;
}

/** A comment above `line`, indented as that line, so it covers the key that starts there. */
export function lineInsertion(lines: readonly string[], line: number): CommentInsertion {
  const text = lines[line] ?? '';
  return { line, indent: INDENT.exec(text)?.[0] ?? '' };
}

/**
 * A comment above the first line of the object whose `kind` key is on `kindLine`: the line
 * that starts its document, or its list item when the object is an item of a List. A comment
 * there covers the whole object.
 */
export function objectInsertion(lines: readonly string[], kindLine: number): CommentInsertion {
  const kindText = lines[kindLine] ?? '';
  const item = ITEM.exec(kindText);
  if (item) return { line: kindLine, indent: item[1] ?? '' };

  const column = contentColumn(kindText);
  let start = kindLine;
  for (let line = kindLine - 1; line >= 0; line--) {
    const text = lines[line] ?? '';
    if (DOCUMENT_MARKER.test(text)) break;
    if (SKIPPED.test(text)) continue;

    const itemMatch = ITEM.exec(text);
    if (itemMatch && itemMatch[0].length === column) {
      return { line, indent: itemMatch[1] ?? '' };
    }
    const indent = contentColumn(text);
    if (indent < column) break;
    if (indent === column) start = line;
  }
  return { line: start, indent: ' '.repeat(column) };
}

/** Where a file-wide suppression goes: the top of the file. */
export function fileInsertion(): CommentInsertion {
  return { line: 0, indent: '' };
}

/** The column a line's content starts at, past indentation and list item indicators. */
function contentColumn(text: string): number {
  const item = ITEM.exec(text);
  if (item) return item[0].length;
  return INDENT.exec(text)?.[0].length ?? 0;
}
