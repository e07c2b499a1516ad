/**
 * CSV that opens correctly in Excel with Finnish settings by double-click: UTF-8 with a byte-order
 * mark (without it Excel reads ä and ö as two characters each), `;` between fields (the list
 * separator under Finnish and Swedish regional settings, where `,` is the decimal separator),
 * CRLF line ends, and every field quoted. Every CSV download of the app (poll results, attendee
 * lists) is written with these helpers.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

export type CsvCell = string | number | null;

export function toExcelCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}

function cell(value: CsvCell): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? formatNumber(value) : neutraliseFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Decimal comma, as Finnish Excel reads numbers. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/**
 * Text a participant typed that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) would be run by
 * Excel; a leading apostrophe makes Excel show it as text (OWASP's advice for CSV injection).
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** `Content-Disposition` for a download, with an ASCII name and the exact one in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
