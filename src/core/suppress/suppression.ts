import type { Span, TextEdit } from '../report/types.js';

/** A rule id as a suppression names it, with where it is written. */
export interface RuleReference {
  id: string;
  span: Span;
}

/** Which findings a suppression covers, besides their rule. */
export type SuppressionScope =
  /** Every finding in the file the suppression is written in. */
  | { kind: 'file' }
  /** Findings in the suppression's file whose span starts inside `span`. */
  | { kind: 'span'; span: Span }
  /** Findings inside `span`, and findings about `workload` that point into other files. */
  | { kind: 'workload'; workload: string; span: Span };

/**
 * A request, written in a file, not to report some rules somewhere. Each file format reads its
 * own syntax (YAML comments, annotations, Dockerfile pragmas) into this one shape.
 */
export interface Suppression {
  /** The file the suppression is written in. */
  path: string;
  /** Where it is written; findings about the suppression itself point here. */
  span: Span;
  /** How it is written, for the message about a missing reason. */
  writtenAs: 'comment' | 'annotation';
  rules: RuleReference[];
  /** Why the findings do not apply; undefined when none is given. */
  reason: string | undefined;
  scope: SuppressionScope;
  /** The edit that deletes the whole suppression: its comment line or its annotation entry. */
  removal?: TextEdit;
  /**
   * Whether the findings of the suppression's file are complete enough to tell that it
   * suppresses nothing: not in a Helm template, nor in a file the parser could not read whole.
   * Default false.
   */
  judged?: boolean;
}

/** The rule ids and the reason of a directive's text, e.g. `a, b -- why`. */
export interface DirectiveText {
  rules: RuleReference[];
  reason: string | undefined;
}

const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const RULE_ID = /[^\s,]+/g;

/**
 * Reads `<rule>[, <rule>] [-- <reason>]`, where `offset` is the place of `text` in its file.
 * Formats with a syntax of their own can use it for the part after their keyword.
 */
export function readDirectiveText(text: string, offset: number): DirectiveText {
  const separator = REASON_SEPARATOR.exec(text);
  const rulesText = separator ? text.slice(0, separator.index) : text;
  const reason = separator ? text.slice(separator.index + separator[0].length).trim() : '';

  const rules: RuleReference[] = [];
  for (const match of rulesText.matchAll(RULE_ID)) {
    const start = offset + match.index;
    rules.push({ id: match[0], span: { start, end: start + match[0].length } });
  }
  return { rules, reason: reason === '' ? undefined : reason };
}

/**
 * The edit that deletes `span` with its line when nothing else stands on that line, as a
 * suppression comment does; otherwise the span alone.
 */
export function lineRemoval(text: string, span: Span): TextEdit {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const before = text.slice(lineStart, span.start);
  const after = text.slice(span.end, lineEnd);
  if (before.trim() !== '' || after.trim() !== '') return { span, newText: '' };
  return { span: { start: lineStart, end: newline === -1 ? lineEnd : newline + 1 }, newText: '' };
}
