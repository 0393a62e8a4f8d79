import type { Position, Range, Span } from './types.js';

/**
 * Converts offsets of one text to zero-based line and character positions. Lines end at `\n`;
 * a `\r` before it belongs to the line, as LSP clients expect.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(text: string) {
    const starts = [0];
    let index = text.indexOf('\n');
    while (index !== -1) {
      starts.push(index + 1);
      index = text.indexOf('\n', index + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - (starts[low] ?? 0) };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** The offset of a position; positions past a line's end clamp to it. */
  offset(position: Position): number {
    const start = this.lineStarts[position.line];
    if (start === undefined) return this.lineStarts[this.lineStarts.length - 1] ?? 0;
    const next = this.lineStarts[position.line + 1];
    const end = next === undefined ? Number.MAX_SAFE_INTEGER : next - 1;
    return Math.min(start + position.character, end);
  }

  lineStart(line: number): number {
    return this.lineStarts[line] ?? 0;
  }
}
