/**
 * A profile: one row per perspective, the subject's value as a dot against a reference group's
 * median (a tick) and inter-quartile range (a band), with an optional second comparison (a
 * diamond), on a rating scale. The subject's value is also printed at the row's end, so the chart
 * reads without estimating positions.
 */
import { MUTED_INK, TEXT_CONTRAST, WHITE, withContrast } from '../colour';
import type { TableCell } from '../model';
import {
  DEFAULT_SCALE,
  checkScale,
  checkValue,
  dataTable,
  finishChart,
  formatter,
  scaleAxis,
  type ChartCommonOptions,
  type RatingScale,
} from './common';
import { DEFAULT_CHART_WIDTH, marker, rowFrame, type LegendItem } from './frame';
import { COMPARISON, RANGE_BAND, REFERENCE, accentFor } from './palette';
import type { ChartGraphic } from '../model';
import type { SceneShape } from './scene';

export interface ProfileRow {
  readonly label: string;
  /** Consecutive rows with the same group get one heading. */
  readonly group?: string;
  /** The subject's value; absent when suppressed or unanswered (then "–"). */
  readonly value?: number;
  readonly median?: number;
  readonly lowerQuartile?: number;
  readonly upperQuartile?: number;
  readonly comparison?: number;
}

export interface ProfileChartOptions extends ChartCommonOptions {
  readonly rows: readonly ProfileRow[];
  readonly scale?: RatingScale;
  /** Legend and table headers: the subject ("Hämeenlinna"), the reference median and range, the comparison. */
  readonly series: {
    readonly subject: string;
    readonly median: string;
    readonly range: string;
    readonly comparison?: string;
  };
  /** Header of the group column in the data table; groups are left out of the table without it. */
  readonly groupHeader?: string;
}

export function profileChart(options: ProfileChartOptions): ChartGraphic {
  const scale = options.scale ?? DEFAULT_SCALE;
  checkScale(scale);
  const decimals = options.decimals ?? 1;
  const format = formatter(options.language, decimals);
  const accent = accentFor(options.accent);
  // The value printed at the row's end is text: it needs 4.5:1, more than the marks' 3:1.
  const accentText = withContrast(accent, WHITE, TEXT_CONTRAST);
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const hasComparison =
    options.series.comparison !== undefined && options.rows.some((row) => row.comparison !== undefined);

  options.rows.forEach((row, index) => {
    const where = `profileChart row ${index + 1} (${row.label})`;
    for (const value of [row.value, row.median, row.lowerQuartile, row.upperQuartile, row.comparison]) {
      checkValue(value, scale, where);
    }
    if (
      row.lowerQuartile !== undefined &&
      row.upperQuartile !== undefined &&
      row.lowerQuartile > row.upperQuartile
    ) {
      throw new RangeError(`${where}: the lower quartile is above the upper quartile`);
    }
  });

  const legendItems: LegendItem[] = [
    { label: options.series.subject, marker: 'dot', colour: accent },
    { label: options.series.median, marker: 'tick', colour: REFERENCE },
    { label: options.series.range, marker: 'band', colour: RANGE_BAND },
  ];
  if (hasComparison && options.series.comparison) {
    legendItems.push({ label: options.series.comparison, marker: 'diamond', colour: COMPARISON });
  }

  const frame = rowFrame({
    width,
    legend: legendItems,
    axis: scaleAxis(scale, options.language),
    rows: options.rows.map((row) => ({
      label: row.label,
      group: row.group,
      value:
        row.value === undefined
          ? { text: '–', face: 'regular', fill: MUTED_INK }
          : { text: format(row.value), face: 'semibold', fill: accentText },
      draw: ({ centreY, x }) => {
        const shapes: SceneShape[] = [];
        if (row.lowerQuartile !== undefined && row.upperQuartile !== undefined) {
          const left = x(row.lowerQuartile);
          shapes.push({
            kind: 'rect',
            x: left,
            y: centreY - 5.5,
            width: Math.max(1.5, x(row.upperQuartile) - left),
            height: 11,
            fill: RANGE_BAND,
            radius: 1.5,
          });
        }
        if (hasComparison && row.comparison !== undefined)
          shapes.push(...marker('diamond', x(row.comparison), centreY, COMPARISON, 4));
        if (row.value !== undefined) shapes.push(...marker('dot', x(row.value), centreY, accent, 5));
        // The median goes on top, with a white halo, so a dot on the same value does not hide it.
        if (row.median !== undefined) {
          const at = x(row.median);
          shapes.push({
            kind: 'line',
            x1: at,
            y1: centreY - 8.8,
            x2: at,
            y2: centreY + 8.8,
            stroke: '#FFFFFF',
            strokeWidth: 4,
          });
          shapes.push(...marker('tick', at, centreY, REFERENCE, 4.2));
        }
        return shapes;
      },
    })),
  });

  const withGroups = options.groupHeader !== undefined && options.rows.some((row) => row.group !== undefined);
  const columns = [
    ...(withGroups ? [{ header: options.groupHeader ?? '' }] : []),
    { header: options.labelHeader },
    { header: options.series.subject, numeric: true },
    { header: options.series.median, numeric: true },
    { header: options.series.range, numeric: true },
    ...(hasComparison && options.series.comparison
      ? [{ header: options.series.comparison, numeric: true }]
      : []),
  ];
  const rows = options.rows.map((row): TableCell[] => [
    ...(withGroups ? [row.group ?? ''] : []),
    row.label,
    format(row.value),
    format(row.median),
    row.lowerQuartile !== undefined && row.upperQuartile !== undefined
      ? `${format(row.lowerQuartile)}–${format(row.upperQuartile)}`
      : '–',
    ...(hasComparison ? [format(row.comparison)] : []),
  ]);
  return finishChart(frame.width, frame.height, frame.shapes, dataTable(columns, rows));
}
