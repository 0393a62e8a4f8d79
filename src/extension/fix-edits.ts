import { applyEdits } from '../core/edit/apply-edits.js';
import { verifyEdits } from '../core/edit/verify-edits.js';
import { detectFormat } from '../core/read/detect-format.js';
import { splitDocuments, type DocumentChunk } from '../core/read/split-documents.js';
import { LineIndex } from '../core/report/line-index.js';
import type { Finding, Range, TextEdit } from '../core/report/types.js';

/** A fix as a report carries it: edits by line and character. */
export type ReportFix = Finding['fixes'][number];

/** An edit by line and character, as VS Code applies it. */
export interface RangeEdit {
  range: Range;
  newText: string;
}

/** Where a check looks: one YAML document of the file, or the whole file. */
const WHOLE_FILE = -1;

/**
 * Checks fixes against the text they were computed for, so an edit that would break the
 * document is never offered: the edited YAML must parse with no more errors than before.
 * YAML documents parse independently, so a check re-parses only the documents its edits touch:
 * checking every fix of a file of 500 workloads costs about one parse of the file, not 500.
 * One checker serves one analysed text; it remembers its verdicts.
 */
export class FixChecker {
  private readonly lines: LineIndex;
  private readonly isYaml: boolean;
  private readonly chunks: DocumentChunk[];
  private readonly baseErrors = new Map<number, number>();
  private readonly verdicts = new WeakMap<object, boolean>();

  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.isYaml = detectFormat(path, text) !== 'dockerfile';
    this.chunks = this.isYaml ? splitDocuments(text) : [];
  }

  /** Whether applying `fix` leaves a document that still parses. */
  isSafe(fix: ReportFix): boolean {
    const known = this.verdicts.get(fix);
    if (known !== undefined) return known;
    const safe = this.check(fix.edits);
    this.verdicts.set(fix, safe);
    return safe;
  }

  /**
   * The edits of "fix all": each finding's preferred fix, in text order, leaving out a fix that
   * overlaps one already taken or that breaks its document together with those.
   */
  fixAllEdits(findings: readonly Finding[]): RangeEdit[] {
    const fixes = findings
      .map((finding) => finding.fixes.find((fix) => fix.preferred))
      .filter((fix): fix is ReportFix => fix !== undefined && fix.edits.length > 0)
      .map((fix) => ({ fix, spans: this.toSpanEdits(fix.edits) }))
      .filter((entry): entry is { fix: ReportFix; spans: TextEdit[] } => entry.spans !== undefined)
      .sort((a, b) => startOf(a.spans) - startOf(b.spans));

    const takenByChunk = new Map<number, TextEdit[]>();
    const taken: RangeEdit[] = [];
    for (const { fix, spans } of fixes) {
      const chunk = this.chunkOf(spans);
      const before = takenByChunk.get(chunk) ?? [];
      if (overlaps(before, spans)) continue;
      const together = [...before, ...spans];
      if (!this.checkInChunk(chunk, together)) continue;
      takenByChunk.set(chunk, together);
      taken.push(...fix.edits);
    }
    return taken;
  }

  private check(edits: readonly RangeEdit[]): boolean {
    const spans = this.toSpanEdits(edits);
    if (!spans || overlaps([], spans)) return false;
    return this.checkInChunk(this.chunkOf(spans), spans);
  }

  /** Whether `spans` (file offsets) leave the chunk (or the file) with no new YAML errors. */
  private checkInChunk(chunkIndex: number, spans: readonly TextEdit[]): boolean {
    try {
      if (!this.isYaml) return applyEdits(this.text, spans) !== undefined;
      const chunk = chunkIndex === WHOLE_FILE ? undefined : this.chunks[chunkIndex];
      const text = chunk?.text ?? this.text;
      const offset = chunk?.offset ?? 0;
      const local = spans.map((edit) => ({
        span: { start: edit.span.start - offset, end: edit.span.end - offset },
        newText: edit.newText,
      }));
      const errors = verifyEdits(text, local).errors.length;
      return errors <= this.baseErrorsOf(chunkIndex, text);
    } catch {
      return false;
    }
  }

  private baseErrorsOf(chunkIndex: number, text: string): number {
    let count = this.baseErrors.get(chunkIndex);
    if (count === undefined) {
      count = verifyEdits(text, []).errors.length;
      this.baseErrors.set(chunkIndex, count);
    }
    return count;
  }

  /**
   * The one document all `spans` fall in, or the whole file when they touch several. An
   * insertion where a document ends belongs to that document, not to the next one's `---`.
   */
  private chunkOf(spans: readonly TextEdit[]): number {
    let found: number | undefined;
    for (const { span } of spans) {
      const index = this.chunks.findIndex((chunk) => {
        const end = chunk.offset + chunk.text.length;
        const startsInside = span.start === span.end ? span.start > chunk.offset : true;
        return chunk.offset <= span.start && startsInside && span.end <= end;
      });
      const chunk = index === -1 && span.start === 0 && span.end === 0 ? 0 : index;
      if (chunk === -1 || (found !== undefined && found !== chunk)) return WHOLE_FILE;
      found = chunk;
    }
    return found ?? WHOLE_FILE;
  }

  private toSpanEdits(edits: readonly RangeEdit[]): TextEdit[] | undefined {
    try {
      return edits.map((edit) => ({
        span: {
          start: this.lines.offset(edit.range.start),
          end: this.lines.offset(edit.range.end),
        },
        newText: edit.newText,
      }));
    } catch {
      return undefined;
    }
  }
}

function startOf(spans: readonly TextEdit[]): number {
  return Math.min(...spans.map((edit) => edit.span.start));
}

/** Whether any of `spans` overlaps one of `taken`, or two of `spans` overlap each other. */
function overlaps(taken: readonly TextEdit[], spans: readonly TextEdit[]): boolean {
  const all = [...taken, ...spans].map((edit) => edit.span).sort((a, b) => a.start - b.start);
  for (let index = 1; index < all.length; index++) {
    const previous = all[index - 1]!;
    const current = all[index]!;
    if (current.start < previous.end) return true;
  }
  return false;
}
