import type { Dockerfile } from '../model/dockerfile.js';
import { readDirectiveText, type Suppression } from '../suppress/suppression.js';

const PRAGMA = /^\s*layerwise\s+(global\s+)?ignore\s*=\s*/;

/**
 * Reads the ignore pragmas of a Dockerfile, in the form hadolint users know:
 * `# layerwise ignore=<rule>[,<rule>] [-- <reason>]` covers the next instruction, and
 * `# layerwise global ignore=<rule>` the whole file.
 */
export function readDockerfileSuppressions(dockerfile: Dockerfile): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of dockerfile.comments) {
    const match = PRAGMA.exec(comment.text);
    if (!match) continue;

    const isGlobal = match[1] !== undefined;
    const next = dockerfile.instructions.find(
      (instruction) => instruction.span.start > comment.span.start,
    );
    if (!isGlobal && next === undefined) continue;

    const restOffset = comment.span.start + 1 + match[0].length;
    const directive = readDirectiveText(comment.text.slice(match[0].length), restOffset);
    suppressions.push({
      path: dockerfile.path,
      span: comment.span,
      writtenAs: 'comment',
      ...directive,
      scope: isGlobal || !next ? { kind: 'file' } : { kind: 'span', span: next.span },
    });
  }
  return suppressions;
}
