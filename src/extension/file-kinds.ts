/** Language ids of the documents Layerwise reads; `helm` is what Helm extensions assign. */
export const LANGUAGE_IDS = ['yaml', 'dockerfile', 'dockercompose', 'helm'] as const;

/** Schemes of documents that are views of something else (diffs, output), never analysed. */
const SKIPPED_SCHEMES = new Set(['output', 'git', 'gitfs', 'vscode-scm', 'comment', 'debug']);

const DOCKERFILE_NAME = /(?:^|[\\/])(?:dockerfile(?:\.[^\\/]*)?|[^\\/]*\.dockerfile)$/i;
const YAML_NAME = /\.ya?ml$/i;

/** A document as far as deciding whether to read it goes. */
export interface DocumentFacts {
  scheme: string;
  languageId: string;
  path: string;
  size: number;
}

/**
 * Whether a document is worth a look: one of our languages (or a file named like one), not a
 * derived view, and not larger than `maxFileSize`. The core then decides by content, so an
 * ordinary YAML file costs one regular-expression test.
 */
export function isCandidateDocument(document: DocumentFacts, maxFileSize: number): boolean {
  if (SKIPPED_SCHEMES.has(document.scheme)) return false;
  if (document.size > maxFileSize) return false;
  if ((LANGUAGE_IDS as readonly string[]).includes(document.languageId)) return true;
  return YAML_NAME.test(document.path) || DOCKERFILE_NAME.test(document.path);
}
