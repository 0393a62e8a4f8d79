import { fileTooLarge } from '../rules/general/file-too-large.js';
import { makeFinding } from '../rules/run-rules.js';
import { detectFormat } from './detect-format.js';
import { emptyFileModel, type FileModel } from './read-file.js';

/**
 * The default for `maxFileBytes`: 8 MiB. A `kubectl get -A -o yaml` dump of a few thousand
 * objects fits; a larger YAML file is almost always generated data, not something people review.
 */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Whether `text`, encoded as UTF-8, is longer than `limit` bytes. Counts only when the answer
 * is not already clear from the length, since a UTF-16 unit is one to three UTF-8 bytes.
 */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8Length(text) > limit;
}

/** The length of `text` in UTF-8; a surrogate pair is four bytes, a lone surrogate three. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The model of a file too large to analyse: no objects and, when it looks like a deployment
 * file, one `file-too-large` finding on its first line, so the user learns why it shows nothing.
 */
export function readOversizedFile(path: string, text: string, limit: number): FileModel {
  const model = emptyFileModel(path, text, detectFormat(path, text));
  if (model.format === 'none') return model;

  const firstLine = text.indexOf('\n');
  const span = { start: 0, end: Math.min(firstLine === -1 ? text.length : firstLine, 200) };
  const data = { size: utf8Length(text), limit };
  model.findings.push(
    makeFinding(fileTooLarge, { messageId: 'skipped', data, span }, path, undefined),
  );
  return model;
}
