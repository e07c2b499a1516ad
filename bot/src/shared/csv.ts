import contentDisposition from 'content-disposition';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV that opens correctly in Excel with Finnish settings by double-click: UTF-8 with a byte-order
 * mark (without it Excel reads ä and ö as two characters each), `;` between fields (the list
 * separator under Finnish and Swedish regional settings, where `,` is the decimal separator),
 * CRLF line ends, and every field quoted. Every CSV download of the app (poll results, attendee
 * lists, survey aggregates) is written with these helpers. csv-stringify (the CSV project's writer, which restify
 * itself depends on) does the quoting and escaping; the Excel-specific choices are ours.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvCell = string | number | null;

export interface CsvOptions {
  /** Decimals of numbers that are not whole (default 1). */
  readonly decimals?: number;
  /** `,` for Finnish and Swedish Excel (default), `.` for English. */
  readonly decimalSeparator?: ',' | '.';
  /** Every number with exactly `decimals` decimals (means: 3,00 rather than 3). */
  readonly fixed?: boolean;
}

export function toExcelCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const decimals = options.decimals ?? 1;
  const separator = options.decimalSeparator ?? ',';
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      quoted: true,
      quoted_empty: true,
      cast: {
        number: (value) =>
          Number.isInteger(value) && !options.fixed
            ? String(value)
            : value.toFixed(decimals).replace('.', separator),
        string: neutraliseFormula,
      },
    },
  );
}

/**
 * Text a participant typed that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) would be run by
 * Excel; a leading apostrophe makes Excel show it as text (OWASP's advice for CSV injection).
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * `Content-Disposition` for a download: the exact name in RFC 5987 form, written by
 * content-disposition (jshttp, Express's), and an ASCII fallback of our own for old clients, with
 * accents dropped rather than replaced by `?` (`Kyselyä.csv` falls back to `Kyselya.csv`).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return contentDisposition(fileName, { type: 'attachment', fallback });
}
