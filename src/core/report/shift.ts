import type { RawFinding, Span } from './types.js';

function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** Moves a finding's places in its own file by `delta`, after text before it changed. */
export function shiftFinding(finding: RawFinding, delta: number): RawFinding {
  if (delta === 0) return finding;
  return {
    ...finding,
    span: shiftSpan(finding.span, delta),
    related: finding.related.map((related) =>
      related.path === finding.path
        ? { ...related, span: shiftSpan(related.span, delta) }
        : related,
    ),
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, span: shiftSpan(edit.span, delta) })),
    })),
  };
}
