/**
 * A dot plot: per row, a baseline (ring), every individual pick (small dots, stacked where they
 * coincide), and the picks' median (tick), e.g. the target level each leader chose against the
 * survey's baseline. The median is printed at the row's end.
 */
import { MUTED_INK } from '../colour';
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
import { BASELINE, REFERENCE, accentFor } from './palette';
import type { ChartGraphic } from '../model';
import type { SceneShape } from './scene';

export interface DotPlotRow {
  readonly label: string;
  readonly group?: string;
  readonly baseline?: number;
  readonly picks: readonly number[];
  /** The picks' median unless given. */
  readonly median?: number;
}

export interface DotPlotChartOptions extends ChartCommonOptions {
  readonly rows: readonly DotPlotRow[];
  readonly scale?: RatingScale;
  readonly series: { readonly baseline: string; readonly picks: string; readonly median: string };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const PICK_RADIUS = 3.1;
const PICK_STEP = PICK_RADIUS * 2 + 0.6;
const MAX_STACK = 7;

/** Vertical offsets that stack coinciding picks around the row's centre line. */
function stackOffsets(count: number): number[] {
  const step = count > MAX_STACK ? (PICK_STEP * (MAX_STACK - 1)) / (count - 1) : PICK_STEP;
  return Array.from({ length: count }, (_, index) => (index - (count - 1) / 2) * step);
}

export function dotPlotChart(options: DotPlotChartOptions): ChartGraphic {
  const scale = options.scale ?? DEFAULT_SCALE;
  checkScale(scale);
  const format = formatter(options.language, options.decimals ?? 1);
  const accent = accentFor(options.accent);
  const width = options.width ?? DEFAULT_CHART_WIDTH;

  const rows = options.rows.map((row, index) => {
    const where = `dotPlotChart row ${index + 1} (${row.label})`;
    checkValue(row.baseline, scale, where);
    row.picks.forEach((pick) => checkValue(pick, scale, where));
    checkValue(row.median, scale, where);
    return { ...row, median: row.median ?? median(row.picks) };
  });

  const legendItems: LegendItem[] = [
    { label: options.series.baseline, marker: 'ring', colour: BASELINE },
    { label: options.series.picks, marker: 'dot', colour: accent },
    { label: options.series.median, marker: 'tick', colour: REFERENCE },
  ];

  const frame = rowFrame({
    width,
    legend: legendItems,
    valueHeader: options.series.median,
    axis: scaleAxis(scale, options.language),
    rows: rows.map((row) => {
      const stacks = new Map<number, number>();
      for (const pick of row.picks) stacks.set(pick, (stacks.get(pick) ?? 0) + 1);
      const tallest = Math.min(MAX_STACK, Math.max(0, ...stacks.values()));
      return {
        label: row.label,
        group: row.group,
        minHeight: tallest * PICK_STEP + 26,
        value:
          row.median === undefined
            ? { text: '–', face: 'regular' as const, fill: MUTED_INK }
            : { text: format(row.median), face: 'semibold' as const },
        draw: ({ centreY, top, height, x }): SceneShape[] => {
          const shapes: SceneShape[] = [];
          // The median spans the row behind the dots, so it shows above and below a stack.
          if (row.median !== undefined) {
            const at = x(row.median);
            shapes.push({
              kind: 'line',
              x1: at,
              y1: top + 3,
              x2: at,
              y2: top + height - 3,
              stroke: REFERENCE,
              strokeWidth: 2.2,
            });
          }
          if (row.baseline !== undefined)
            shapes.push(...marker('ring', x(row.baseline), centreY, BASELINE, 5.6));
          for (const [value, count] of [...stacks.entries()].sort((a, b) => a[0] - b[0])) {
            for (const offset of stackOffsets(count)) {
              shapes.push({
                kind: 'circle',
                cx: x(value),
                cy: centreY + offset,
                r: PICK_RADIUS,
                fill: accent,
                stroke: '#FFFFFF',
                strokeWidth: 0.8,
              });
            }
          }
          return shapes;
        },
      };
    }),
  });

  const columns = [
    { header: options.labelHeader },
    { header: options.series.baseline, numeric: true },
    { header: options.series.median, numeric: true },
    { header: options.series.picks },
  ];
  const tableRows = rows.map((row): TableCell[] => [
    row.label,
    format(row.baseline),
    format(row.median),
    [...row.picks]
      .sort((a, b) => a - b)
      .map((pick) => format(pick))
      .join('; ') || '–',
  ]);
  return finishChart(frame.width, frame.height, frame.shapes, dataTable(columns, tableRows));
}
