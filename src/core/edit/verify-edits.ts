import { parseAllDocuments } from 'yaml';
import type { TextEdit } from '../report/types.js';
import { applyEdits } from './apply-edits.js';

/** The text after edits, and the YAML errors it has that the original did not. */
export interface VerifiedEdits {
  text: string;
  /** Parser error messages of the edited text; empty when it parses cleanly. */
  errors: string[];
}

/**
 * Applies `edits` to `text` and parses the result as YAML 1.1, as Kubernetes reads it, so a
 * fix can be checked to leave a document that still parses, with no duplicate keys.
 */
export function verifyEdits(text: string, edits: readonly TextEdit[]): VerifiedEdits {
  const edited = applyEdits(text, edits);
  const documents = parseAllDocuments(edited, { version: '1.1', uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  const errors = list.flatMap((document) => document.errors.map((error) => error.message));
  return { text: edited, errors };
}
