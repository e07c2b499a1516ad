/**
 * Baseline → target: per row an arrow from where the organisation is (ring) to where it means to
 * be (dot), with both values and the change printed at the row's end ("2,8 → 3,5").
 */
import { MUTED_INK } from '../colour';
import { formatNumber } from '../format';
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
import { BASELINE, accentFor } from './palette';
import type { ChartGraphic } from '../model';
import type { SceneShape } from './scene';

export interface BaselineTargetRow {
  readonly label: string;
  readonly group?: string;
  readonly baseline?: number;
  readonly target?: number;
}

export interface BaselineTargetChartOptions extends ChartCommonOptions {
  readonly rows: readonly BaselineTargetRow[];
  readonly scale?: RatingScale;
  /** Legend and table headers, and the header of the change column in the table. */
  readonly series: { readonly baseline: string; readonly target: string; readonly change: string };
}

export function baselineTargetChart(options: BaselineTargetChartOptions): ChartGraphic {
  const scale = options.scale ?? DEFAULT_SCALE;
  checkScale(scale);
  const decimals = options.decimals ?? 1;
  const format = formatter(options.language, decimals);
  const accent = accentFor(options.accent);
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  options.rows.forEach((row, index) => {
    const where = `baselineTargetChart row ${index + 1} (${row.label})`;
    checkValue(row.baseline, scale, where);
    checkValue(row.target, scale, where);
  });

  const legendItems: LegendItem[] = [
    { label: options.series.baseline, marker: 'ring', colour: BASELINE },
    { label: options.series.target, marker: 'dot', colour: accent },
  ];

  const frame = rowFrame({
    width,
    legend: legendItems,
    axis: scaleAxis(scale, options.language),
    rows: options.rows.map((row) => ({
      label: row.label,
      group: row.group,
      value:
        row.baseline === undefined && row.target === undefined
          ? { text: '–', face: 'regular' as const, fill: MUTED_INK }
          : { text: `${format(row.baseline)} → ${format(row.target)}`, face: 'regular' as const },
      draw: ({ centreY, x }): SceneShape[] => {
        const shapes: SceneShape[] = [];
        const { baseline, target } = row;
        if (baseline !== undefined && target !== undefined) {
          const from = x(baseline);
          const to = x(target);
          const direction = Math.sign(to - from);
          const length = Math.abs(to - from);
          // The arrow runs from the ring's edge to the dot's edge, its head just short of the dot.
          if (length > 14) {
            const tip = to - direction * 6;
            const start = from + direction * 5.6;
            shapes.push({
              kind: 'line',
              x1: start,
              y1: centreY,
              x2: tip - direction * 5,
              y2: centreY,
              stroke: accent,
              strokeWidth: 1.6,
            });
            shapes.push({
              kind: 'polygon',
              points: [
                [tip, centreY],
                [tip - direction * 6, centreY - 3.6],
                [tip - direction * 6, centreY + 3.6],
              ],
              fill: accent,
            });
          }
        }
        if (baseline !== undefined) shapes.push(...marker('ring', x(baseline), centreY, BASELINE, 5.4));
        if (target !== undefined) shapes.push(...marker('dot', x(target), centreY, accent, 5));
        return shapes;
      },
    })),
  });

  const columns = [
    { header: options.labelHeader },
    { header: options.series.baseline, numeric: true },
    { header: options.series.target, numeric: true },
    { header: options.series.change, numeric: true },
  ];
  const rows = options.rows.map((row): TableCell[] => {
    const change =
      row.baseline !== undefined && row.target !== undefined
        ? (row.target - row.baseline >= 0.05 ? '+' : '') +
          formatNumber(row.target - row.baseline, options.language, decimals)
        : '–';
    return [row.label, format(row.baseline), format(row.target), change];
  });
  return finishChart(frame.width, frame.height, frame.shapes, dataTable(columns, rows));
}
