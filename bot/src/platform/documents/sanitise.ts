/**
 * Makes user text printable without changing what it says. XML 1.0 (inside every DOCX and SVG)
 * cannot hold most control characters or unpaired surrogates, and a single one makes Word refuse
 * the whole file; decomposed letters (a + combining diaeresis, as some Mac keyboards send) are
 * composed so the font's own ä is used. Nothing here interprets markup: `<`, `&`, `{{` and `${}`
 * pass through unchanged and each renderer escapes them for its own format.
 */

// C0 controls other than tab and newline, DEL, and the two non-characters XML forbids.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function sanitiseText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(FORBIDDEN, '');
}

/** For XML text and attribute values (SVG). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
