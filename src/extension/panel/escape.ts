/**
 * Escapes text for HTML and XML content and for attribute values. Every attribute this
 * extension writes is in double quotes, so a single quote needs no escape.
 */
export function escapeMarkup(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
