import { applyEdits } from '../core/edit/apply-edits.js';
import { verifyEdits } from '../core/edit/verify-edits.js';
import { detectFormat } from '../core/read/detect-format.js';
import { LineIndex } from '../core/report/line-index.js';
import type { Finding, Range, TextEdit } from '../core/report/types.js';

/** A fix as a report carries it: edits by line and character. */
export type ReportFix = Finding['fixes'][number];

/** An edit by line and character, as VS Code applies it. */
export interface RangeEdit {
  range: Range;
  newText: string;
}

/**
 * Checks fixes against the text they were computed for, so an edit that would break the
 * document is never offered: the edited YAML must parse with no more errors than before.
 * One checker serves one analysed text; it remembers its verdicts.
 */
export class FixChecker {
  private readonly lines: LineIndex;
  private readonly isYaml: boolean;
  private baseErrors: number | undefined;
  private readonly verdicts = new WeakMap<object, boolean>();

  constructor(
    path: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.isYaml = detectFormat(path, text) !== 'dockerfile';
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
   * overlaps one already taken or that breaks the document together with those.
   */
  fixAllEdits(findings: readonly Finding[]): RangeEdit[] {
    const fixes = findings
      .map((finding) => finding.fixes.find((fix) => fix.preferred))
      .filter((fix): fix is ReportFix => fix !== undefined && fix.edits.length > 0)
      .sort((a, b) => this.startOf(a) - this.startOf(b));

    const taken: RangeEdit[] = [];
    for (const fix of fixes) {
      if (this.overlaps(taken, fix.edits)) continue;
      if (this.check([...taken, ...fix.edits])) taken.push(...fix.edits);
    }
    return taken;
  }

  private check(edits: readonly RangeEdit[]): boolean {
    let spans: TextEdit[];
    try {
      spans = edits.map((edit) => this.toSpanEdit(edit));
      if (!this.isYaml) return applyEdits(this.text, spans) !== undefined;
      const errors = verifyEdits(this.text, spans).errors.length;
      this.baseErrors ??= verifyEdits(this.text, []).errors.length;
      return errors <= this.baseErrors;
    } catch {
      return false;
    }
  }

  private overlaps(taken: readonly RangeEdit[], edits: readonly RangeEdit[]): boolean {
    const spans = taken.map((edit) => this.toSpanEdit(edit).span);
    return edits.some((edit) => {
      const { span } = this.toSpanEdit(edit);
      return spans.some((other) => span.start < other.end && other.start < span.end);
    });
  }

  private startOf(fix: ReportFix): number {
    return Math.min(...fix.edits.map((edit) => this.lines.offset(edit.range.start)));
  }

  private toSpanEdit(edit: RangeEdit): TextEdit {
    const start = this.lines.offset(edit.range.start);
    const end = this.lines.offset(edit.range.end);
    return { span: { start, end }, newText: edit.newText };
  }
}
