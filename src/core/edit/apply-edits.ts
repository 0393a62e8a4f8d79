import type { TextEdit } from '../report/types.js';

/**
 * Applies edits whose spans refer to the original text. Overlapping edits are a programming
 * error in the rule that made them, so they throw rather than produce a damaged file.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) throw new Error('Overlapping edits');
    if (edit.span.end > text.length || edit.span.start > edit.span.end) {
      throw new Error('Edit outside the text');
    }
    result += text.slice(cursor, edit.span.start) + edit.newText;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}
