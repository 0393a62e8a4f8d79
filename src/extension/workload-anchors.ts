import type { Range } from '../core/report/types.js';

const INDENT = /^[ \t]*(?:-[ \t]+)*/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;
const SKIPPED = /^[ \t]*(?:#.*)?$/;
const METADATA = /^[ \t]*(?:-[ \t]+)*metadata[ \t]*:[ \t]*(?:#.*)?$/;
const NAME = /^([ \t]*name[ \t]*:[ \t]*)(["']?)([^"'#\s][^"'#]*?)\2[ \t]*(?:#.*)?$/;

/**
 * Finds the value of `metadata.name` of the object whose `kind` value is on `kindLine`, by
 * reading the lines of that object (the report gives the kind's place, not the name's). Only
 * block-style metadata is found; undefined otherwise.
 */
export function findNameRange(
  lines: readonly string[],
  kindLine: number,
  name: string,
): Range | undefined {
  const column = (INDENT.exec(lines[kindLine] ?? '')?.[0] ?? '').length;
  const first = objectFirstLine(lines, kindLine, column);

  let inMetadata = false;
  let childIndent = -1;
  for (let line = first; line < lines.length; line++) {
    const text = lines[line] ?? '';
    if (line > first && DOCUMENT_MARKER.test(text)) break;
    if (SKIPPED.test(text)) continue;
    const indent = (INDENT.exec(text)?.[0] ?? '').length;
    if (line > first && indent < column) break;
    if (line > first && indent === column && /^[ \t]*-[ \t]/.test(text)) break;

    if (indent === column || line === first) {
      inMetadata = METADATA.test(text);
      childIndent = -1;
      continue;
    }
    if (!inMetadata) continue;
    // Only a direct key of metadata is the name; `labels.name` is deeper.
    if (childIndent === -1) childIndent = indent;
    const match = indent === childIndent ? NAME.exec(text) : null;
    if (match && match[3] === name) {
      const start = (match[1] ?? '').length + (match[2] ?? '').length;
      return {
        start: { line, character: start },
        end: { line, character: start + name.length },
      };
    }
  }
  return undefined;
}

/** The first line of the object's mapping: the top of its run of sibling keys. */
function objectFirstLine(lines: readonly string[], kindLine: number, column: number): number {
  let first = kindLine;
  for (let line = kindLine - 1; line >= 0; line--) {
    const text = lines[line] ?? '';
    if (DOCUMENT_MARKER.test(text)) break;
    if (SKIPPED.test(text)) continue;
    const indent = (INDENT.exec(text)?.[0] ?? '').length;
    if (indent < column) break;
    if (indent === column) {
      first = line;
      if (/^[ \t]*-[ \t]/.test(text)) break;
    }
  }
  return first;
}
