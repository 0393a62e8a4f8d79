import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of a manifest under test/fixtures/layering. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../../fixtures/layering', name), 'utf8');
}
