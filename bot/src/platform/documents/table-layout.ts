/**
 * Column widths for a table that must fit the text column: each column gets what its content
 * needs on one line when the table has room, the shortfall is taken from the columns that can
 * wrap when it has not, and a column never gets narrower than its longest word unless the whole
 * table could not fit otherwise (then words break, see `text-layout.ts`). Tables fill the text
 * column, so all tables of a report share their edges. The DOCX gets the same widths.
 */
import type { FontFace } from './fonts';
import { TYPE } from './page';
import type { PreparedCell, PreparedTable } from './prepare';
import { longestWordWidth, textWidth } from './text-layout';

export const CELL_PADDING_X = 5;
export const CELL_PADDING_Y = 3.6;
export const HEADER_SIZE = TYPE.table.size;
/** Headers are semibold in the PDF and bold in Word; widths are measured in the wider bold. */
const HEADER_MEASURE: FontFace = 'bold';

export function cellFace(cell: PreparedCell): FontFace {
  if (cell.bold && cell.italic) return 'boldItalic';
  if (cell.bold) return 'bold';
  if (cell.italic) return 'italic';
  return 'regular';
}

export function columnWidths(table: PreparedTable, width: number): number[] {
  const size = TYPE.table.size;
  // Two points of slack: word processors lay text out a hair wider than the font's own metrics.
  const pad = 2 * CELL_PADDING_X + 2;
  const count = table.columns.length;
  const bodyNatural = new Array<number>(count).fill(0);
  const bodyMinimum = new Array<number>(count).fill(0);
  for (const row of table.rows) {
    row.cells.forEach((cell, index) => {
      const face = cellFace(cell);
      const content = cell.text + (cell.marker ?? '');
      bodyNatural[index] = Math.max(
        bodyNatural[index] ?? 0,
        ...content.split('\n').map((line) => textWidth(line, face, size)),
      );
      bodyMinimum[index] = Math.max(bodyMinimum[index] ?? 0, longestWordWidth(content, face, size));
    });
  }
  // A single very long word may not claim more than 40 % of the table; it breaks instead.
  const minimum = table.columns.map((column, index) =>
    Math.min(
      width * 0.4,
      Math.max(bodyMinimum[index] ?? 0, longestWordWidth(column.header, HEADER_MEASURE, HEADER_SIZE)) + pad,
    ),
  );
  // Headers may take two lines before the body's columns are made to wrap, but a header word is
  // not broken at its hyphen ("Vastaus-%") while there is room.
  const natural = table.columns.map((column, index) =>
    Math.max(
      minimum[index] ?? 0,
      (bodyNatural[index] ?? 0) + pad,
      textWidth(column.header, HEADER_MEASURE, HEADER_SIZE) / 2 + pad,
      Math.min(
        width * 0.4,
        Math.max(...column.header.split(/\s+/).map((word) => textWidth(word, HEADER_MEASURE, HEADER_SIZE))) +
          pad,
      ),
    ),
  );
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

  const weights = table.columns.map((column) => column.width);
  if (weights.some((weight) => weight !== undefined)) {
    const given = weights.filter((weight): weight is number => weight !== undefined);
    const average = sum(given) / given.length;
    const all = weights.map((weight) => weight ?? average);
    return respectMinimum(
      all.map((weight) => (weight / sum(all)) * width),
      minimum,
      width,
    );
  }
  const naturalSum = sum(natural);
  if (naturalSum <= width) {
    // Room to spare: first headers that would wrap get up to one line each, then the text columns
    // share the rest, so numbers stay close to their headers.
    const oneLineHeaders = table.columns.map((column, index) =>
      Math.max(
        natural[index] ?? 0,
        Math.min(width * 0.4, textWidth(column.header, HEADER_MEASURE, HEADER_SIZE) + pad),
      ),
    );
    const widths = [...natural];
    const headerRoom = fairShares(
      oneLineHeaders.map((value, index) => value - (natural[index] ?? 0)),
      width - naturalSum,
    );
    headerRoom.forEach((value, index) => (widths[index] = (widths[index] ?? 0) + value));
    const extra = width - sum(widths);
    const textColumns = table.columns
      .map((column, index) => (column.numeric ? -1 : index))
      .filter((index) => index >= 0);
    const receivers = textColumns.length > 0 ? textColumns : table.columns.map((_, index) => index);
    const receiverSum = sum(receivers.map((index) => widths[index] ?? 0));
    return widths.map((value, index) =>
      receivers.includes(index) ? value + (extra * value) / receiverSum : value,
    );
  }
  const minimumSum = sum(minimum);
  if (minimumSum >= width) return minimum.map((value) => (value / minimumSum) * width);
  // Share the room above the minimums fairly: a column that wants little (a short label, a number)
  // gets all it wants, the rest divide what remains, so short cells do not wrap for long ones.
  const given = fairShares(
    natural.map((value, index) => value - (minimum[index] ?? 0)),
    width - minimumSum,
  );
  return minimum.map((value, index) => value + (given[index] ?? 0));
}

/** Max-min fair division of `room` among `wants`: small wants are met in full, large ones share the rest. */
function fairShares(wants: readonly number[], room: number): number[] {
  const given = wants.map(() => 0);
  let spare = room;
  let open = wants.map((_, index) => index).filter((index) => (wants[index] ?? 0) > 0);
  while (open.length > 0 && spare > 0.01) {
    const share = spare / open.length;
    const satisfied = open.filter((index) => (wants[index] ?? 0) - (given[index] ?? 0) <= share);
    if (satisfied.length === 0) {
      for (const index of open) given[index] = (given[index] ?? 0) + share;
      break;
    }
    for (const index of satisfied) {
      spare -= (wants[index] ?? 0) - (given[index] ?? 0);
      given[index] = wants[index] ?? 0;
    }
    open = open.filter((index) => !satisfied.includes(index));
  }
  return given;
}

/** Widens columns below their minimum, taking the width from columns that have some to spare. */
function respectMinimum(preferred: readonly number[], minimum: readonly number[], width: number): number[] {
  const widths = [...preferred];
  for (let round = 0; round < widths.length; round += 1) {
    const deficit = widths.reduce(
      (total, value, index) => total + Math.max(0, (minimum[index] ?? 0) - value),
      0,
    );
    if (deficit <= 0.01) break;
    const slack = widths.map((value, index) => Math.max(0, value - (minimum[index] ?? 0)));
    const slackSum = slack.reduce((total, value) => total + value, 0);
    if (slackSum <= deficit) {
      const minimumSum = minimum.reduce((total, value) => total + value, 0);
      return minimum.map((value) => (value / minimumSum) * width);
    }
    widths.forEach((value, index) => {
      widths[index] =
        value < (minimum[index] ?? 0)
          ? (minimum[index] ?? 0)
          : value - (deficit * (slack[index] ?? 0)) / slackSum;
    });
  }
  return widths;
}
