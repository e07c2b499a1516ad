/**
 * A quarter-by-quarter timeline (Gantt-like): per action its name and owner on the left, a bar
 * from its first to its last quarter coloured by status (planned ones hollow, so the status shows
 * in shape as well as colour), and the status in words on the right.
 */
import { INK, LIGHT_RULE, MUTED_INK, RULE, SUBTLE_FILL, tint } from '../colour';
import { KIT_TEXT, type TimelineStatus } from '../kit-text';
import type { TableCell } from '../model';
import { sanitiseText } from '../sanitise';
import { textWidth, wrapText } from '../text-layout';
import { dataTable, finishChart, type ChartCommonOptions } from './common';
import { CHART_TYPE, DEFAULT_CHART_WIDTH, baselineAt, legend, marker, text, type LegendItem } from './frame';
import { STATUS_COLOURS, accentFor } from './palette';
import type { ChartGraphic } from '../model';
import type { SceneShape } from './scene';

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export interface TimelineRow {
  readonly label: string;
  readonly owner?: string;
  readonly start: Quarter;
  /** The last quarter the action runs in (inclusive). */
  readonly end: Quarter;
  readonly status: TimelineStatus;
}

export interface TimelineChartOptions extends Omit<ChartCommonOptions, 'decimals'> {
  readonly rows: readonly TimelineRow[];
  /** First and last quarter shown; the rows' own span unless given. At most 16 quarters. */
  readonly from?: Quarter;
  readonly to?: Quarter;
  /** Highlights the quarter the document was written in. */
  readonly current?: Quarter;
  readonly statusLabels?: Partial<Record<TimelineStatus, string>>;
  /** Headers of the data table's owner, period and status columns. */
  readonly ownerHeader: string;
  readonly periodHeader: string;
  readonly statusHeader: string;
}

const STATUS_ORDER: readonly TimelineStatus[] = ['planned', 'inProgress', 'done', 'delayed'];
const MAX_QUARTERS = 16;

export const quarterIndex = (quarter: Quarter): number => quarter.year * 4 + (quarter.quarter - 1);
const quarterAt = (index: number): Quarter => ({
  year: Math.floor(index / 4),
  quarter: ((index % 4) + 1) as Quarter['quarter'],
});

function checkQuarter(quarter: Quarter, where: string): void {
  if (
    !Number.isInteger(quarter.year) ||
    quarter.year < 1900 ||
    quarter.year > 2200 ||
    ![1, 2, 3, 4].includes(quarter.quarter)
  ) {
    throw new RangeError(`${where}: ${JSON.stringify(quarter)} is not a quarter of a year`);
  }
}

export function timelineChart(options: TimelineChartOptions): ChartGraphic {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const kit = KIT_TEXT[options.language];
  const statusLabel = (status: TimelineStatus): string =>
    sanitiseText(options.statusLabels?.[status] ?? kit.statuses[status]);
  if (options.rows.length === 0) throw new RangeError('timelineChart needs at least one row');
  options.rows.forEach((row, index) => {
    const where = `timelineChart row ${index + 1} (${row.label})`;
    checkQuarter(row.start, where);
    checkQuarter(row.end, where);
    if (quarterIndex(row.end) < quarterIndex(row.start))
      throw new RangeError(`${where}: it ends before it starts`);
  });
  const first = options.from
    ? quarterIndex(options.from)
    : Math.min(...options.rows.map((row) => quarterIndex(row.start)));
  const last = options.to
    ? quarterIndex(options.to)
    : Math.max(...options.rows.map((row) => quarterIndex(row.end)));
  const count = last - first + 1;
  if (count < 1 || count > MAX_QUARTERS)
    throw new RangeError(`timelineChart shows 1–${MAX_QUARTERS} quarters, not ${count}`);

  const shapes: SceneShape[] = [];
  const background: SceneShape[] = [];
  const used = STATUS_ORDER.filter((status) => options.rows.some((row) => row.status === status));
  const legendItems: LegendItem[] = used.map((status) => ({
    label: statusLabel(status),
    marker: status === 'planned' ? 'hollowSquare' : 'square',
    colour: STATUS_COLOURS[status],
  }));
  const legendPart = legend(legendItems, 0, 0, width);
  shapes.push(...legendPart.shapes);
  let y = legendPart.height + 12;

  // Swatch, gap, the longest status word.
  const statusWidth =
    Math.max(...used.map((status) => textWidth(statusLabel(status), 'regular', CHART_TYPE.tick))) + 10;
  const labels = options.rows.map((row) => sanitiseText(row.label));
  const natural = Math.max(...labels.map((label) => textWidth(label, 'regular', CHART_TYPE.label)));
  const labelWidth = Math.min(width * 0.34, Math.max(90, natural));
  const plotLeft = labelWidth + 12;
  const plotRight = width - statusWidth - 10;
  const column = (plotRight - plotLeft) / count;
  const columnX = (index: number): number => plotLeft + (index - first) * column;
  const current = options.current ? quarterIndex(options.current) : undefined;

  // Header: years over their quarters, then the quarters.
  const yearBaseline = y + 9;
  const quarterBaseline = y + 22;
  for (let index = first; index <= last; index += 1) {
    const quarter = quarterAt(index);
    if (index === first || quarter.quarter === 1) {
      const yearEnd = Math.min(last, index + (4 - quarter.quarter));
      const span = columnX(yearEnd + 1) - columnX(index);
      const year = String(quarter.year);
      if (textWidth(year, 'semibold', CHART_TYPE.label) + 4 <= span) {
        shapes.push(text(columnX(index) + 3, yearBaseline, year, CHART_TYPE.label, { face: 'semibold' }));
      }
    }
    const label = column >= 18 ? `Q${quarter.quarter}` : String(quarter.quarter);
    shapes.push(
      text(columnX(index) + column / 2, quarterBaseline, label, CHART_TYPE.tick, {
        fill: index === current ? INK : MUTED_INK,
        face: index === current ? 'semibold' : 'regular',
        anchor: 'middle',
      }),
    );
  }
  y += 28;
  const rowsTop = y;

  const accent = accentFor(options.accent);
  options.rows.forEach((row, rowIndex) => {
    const labelLines = wrapText(labels[rowIndex] ?? '', 'regular', CHART_TYPE.label, labelWidth);
    const ownerLines = row.owner
      ? wrapText(sanitiseText(row.owner), 'regular', CHART_TYPE.tick, labelWidth)
      : [];
    const blockHeight = labelLines.length * CHART_TYPE.labelLeading + ownerLines.length * 10;
    const height = Math.max(26, blockHeight + 10);
    const centreY = y + height / 2;
    if (rowIndex % 2 === 1) background.push({ kind: 'rect', x: 0, y, width, height, fill: SUBTLE_FILL });
    let lineTop = centreY - blockHeight / 2;
    for (const line of labelLines) {
      shapes.push(
        text(0, baselineAt(lineTop + CHART_TYPE.labelLeading / 2, CHART_TYPE.label), line, CHART_TYPE.label),
      );
      lineTop += CHART_TYPE.labelLeading;
    }
    for (const line of ownerLines) {
      shapes.push(
        text(0, baselineAt(lineTop + 5, CHART_TYPE.tick), line, CHART_TYPE.tick, { fill: MUTED_INK }),
      );
      lineTop += 10;
    }
    const start = Math.max(first, quarterIndex(row.start));
    const end = Math.min(last, quarterIndex(row.end));
    if (start <= end) {
      const colour = STATUS_COLOURS[row.status];
      const left = columnX(start) + 2;
      const right = columnX(end + 1) - 2;
      shapes.push({
        kind: 'rect',
        x: left,
        y: centreY - 6,
        width: right - left,
        height: 12,
        radius: 2.5,
        fill: row.status === 'planned' ? '#FFFFFF' : colour,
        stroke: colour,
        strokeWidth: row.status === 'planned' ? 1.5 : 0.5,
      });
      // An action that runs on beyond the window gets a chevron at the cut edge.
      if (quarterIndex(row.end) > last) shapes.push(...chevron(right + 1, centreY, 1, colour));
      if (quarterIndex(row.start) < first) shapes.push(...chevron(left - 1, centreY, -1, colour));
    }
    shapes.push(
      ...marker(
        row.status === 'planned' ? 'hollowSquare' : 'square',
        width - statusWidth + 3.5,
        centreY,
        STATUS_COLOURS[row.status],
        3,
      ),
    );
    shapes.push(
      text(
        width - statusWidth + 10,
        baselineAt(centreY, CHART_TYPE.tick),
        statusLabel(row.status),
        CHART_TYPE.tick,
        { fill: INK },
      ),
    );
    y += height;
  });
  const rowsBottom = y;

  const grid: SceneShape[] = [];
  if (current !== undefined && current >= first && current <= last) {
    grid.push({
      kind: 'rect',
      x: columnX(current),
      y: rowsTop - 28,
      width: column,
      height: rowsBottom - rowsTop + 28,
      fill: tint(accent, 0.09),
    });
  }
  for (let index = first; index <= last + 1; index += 1) {
    const yearStart = quarterAt(index).quarter === 1 || index === first || index === last + 1;
    grid.push({
      kind: 'line',
      x1: columnX(index),
      y1: yearStart ? rowsTop - 28 : rowsTop,
      x2: columnX(index),
      y2: rowsBottom,
      stroke: yearStart ? RULE : LIGHT_RULE,
      strokeWidth: 0.75,
    });
  }
  grid.push({ kind: 'line', x1: 0, y1: rowsTop, x2: width, y2: rowsTop, stroke: RULE, strokeWidth: 0.75 });
  shapes.push({
    kind: 'line',
    x1: 0,
    y1: rowsBottom,
    x2: width,
    y2: rowsBottom,
    stroke: RULE,
    strokeWidth: 0.75,
  });

  const period = (row: TimelineRow): string =>
    quarterIndex(row.start) === quarterIndex(row.end)
      ? kit.quarter(row.start.year, row.start.quarter)
      : `${kit.quarter(row.start.year, row.start.quarter)}–${kit.quarter(row.end.year, row.end.quarter)}`;
  const table = dataTable(
    [
      { header: options.labelHeader },
      { header: options.ownerHeader },
      { header: options.periodHeader },
      { header: options.statusHeader },
    ],
    options.rows.map((row): TableCell[] => [
      row.label,
      row.owner ?? '–',
      period(row),
      statusLabel(row.status),
    ]),
  );
  return finishChart(width, rowsBottom + 4, [...background, ...grid, ...shapes], table);
}

function chevron(x: number, centreY: number, direction: 1 | -1, colour: string): SceneShape[] {
  return [
    {
      kind: 'polygon',
      points: [
        [x, centreY - 6],
        [x + direction * 5, centreY],
        [x, centreY + 6],
      ],
      fill: colour,
    },
  ];
}
