/**
 * 100 % stacked bars: how the answers to each row spread over the scale (1…5) and the answers
 * outside it ("don't know"), with each share printed in its segment where it fits and the number
 * of answers at the row's end. Shares are rounded by the largest-remainder method so that the
 * printed percentages of a row add up to exactly 100.
 */
import { MUTED_INK, RULE, TEXT_CONTRAST, contrastRatio, textColourOn } from '../colour';
import { formatNumber, formatPercent } from '../format';
import type { TableCell } from '../model';
import { textWidth } from '../text-layout';
import { dataTable, finishChart, type ChartCommonOptions } from './common';
import { CHART_TYPE, DEFAULT_CHART_WIDTH, baselineAt, rowFrame, text, type LegendItem } from './frame';
import { OUTSIDE_SCALE, ordinalColours } from './palette';
import type { ChartGraphic } from '../model';
import type { SceneShape } from './scene';
import { mix } from '../colour';

export interface DistributionCategory {
  readonly label: string;
  /** An answer off the scale, such as "don't know": grey, after the scale's colours. */
  readonly outsideScale?: boolean;
}

export interface DistributionRow {
  readonly label: string;
  readonly group?: string;
  /** Answers per category, in the order of `categories`. */
  readonly counts: readonly number[];
  /** Too few answers to show: the bar is replaced by this text and the table cells by the reason. */
  readonly suppressed?: { readonly label: string; readonly reason: string };
}

export interface DistributionChartOptions extends Omit<ChartCommonOptions, 'accent'> {
  readonly rows: readonly DistributionRow[];
  readonly categories: readonly DistributionCategory[];
  /** Header of the answer-count column ("n"). */
  readonly countHeader?: string;
}

/** Whole percentages that add up to 100 (largest remainder); all zeros for an empty row. */
export function roundedShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors;
}

export function distributionChart(options: DistributionChartOptions): ChartGraphic {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const language = options.language;
  const categories = options.categories;
  if (categories.length === 0) throw new RangeError('distributionChart needs at least one category');
  options.rows.forEach((row, index) => {
    if (row.counts.length !== categories.length) {
      throw new RangeError(
        `distributionChart row ${index + 1} (${row.label}) has ${row.counts.length} counts for ${categories.length} categories`,
      );
    }
    if (row.counts.some((count) => !Number.isInteger(count) || count < 0)) {
      throw new RangeError(
        `distributionChart row ${index + 1} (${row.label}): counts must be whole numbers ≥ 0`,
      );
    }
  });

  const scaleColours = ordinalColours(categories.filter((category) => !category.outsideScale).length);
  let scaleIndex = 0;
  let outsideIndex = 0;
  const colours = categories.map((category) => {
    if (category.outsideScale) {
      const colour = mix(OUTSIDE_SCALE, '#3A3F45', outsideIndex * 0.35);
      outsideIndex += 1;
      return colour;
    }
    const colour = scaleColours[scaleIndex] ?? OUTSIDE_SCALE;
    scaleIndex += 1;
    return colour;
  });
  const legendItems: LegendItem[] = categories.map((category, index) => ({
    label: category.label,
    marker: 'square',
    colour: colours[index] ?? OUTSIDE_SCALE,
  }));

  const barHeight = 14;
  const frame = rowFrame({
    width,
    legend: legendItems,
    valueHeader: options.countHeader ?? 'n',
    plotInset: 0,
    axis: {
      min: 0,
      max: 100,
      ticks: [0, 25, 50, 75, 100],
      format: (value) => formatPercent(value / 100, language),
      grid: false,
    },
    rows: options.rows.map((row) => {
      const total = row.counts.reduce((sum, count) => sum + count, 0);
      return {
        label: row.label,
        group: row.group,
        value: row.suppressed
          ? { text: '–', face: 'regular' as const, fill: MUTED_INK }
          : { text: formatNumber(total, language), face: 'regular' as const },
        draw: ({ centreY, x }): SceneShape[] => {
          const top = centreY - barHeight / 2;
          if (row.suppressed || total === 0) {
            const note = row.suppressed?.label ?? '–';
            return [
              {
                kind: 'rect',
                x: x(0),
                y: top,
                width: x(100) - x(0),
                height: barHeight,
                fill: '#FFFFFF',
                stroke: RULE,
                strokeWidth: 0.75,
              },
              text(x(50), baselineAt(centreY, CHART_TYPE.tick, 'italic'), note, CHART_TYPE.tick, {
                face: 'italic',
                fill: MUTED_INK,
                anchor: 'middle',
              }),
            ];
          }
          const shapes: SceneShape[] = [];
          const shares = roundedShares(row.counts);
          let cumulative = 0;
          row.counts.forEach((count, index) => {
            if (count === 0) return;
            const left = x((cumulative / total) * 100);
            cumulative += count;
            const right = x((cumulative / total) * 100);
            const fill = colours[index] ?? OUTSIDE_SCALE;
            shapes.push({ kind: 'rect', x: left, y: top, width: right - left, height: barHeight, fill });
            // A white hairline between segments keeps neighbouring colours apart.
            if (cumulative < total)
              shapes.push({
                kind: 'line',
                x1: right,
                y1: top,
                x2: right,
                y2: top + barHeight,
                stroke: '#FFFFFF',
                strokeWidth: 1,
              });
            const label = formatPercent((shares[index] ?? 0) / 100, language);
            const labelColour = textColourOn(fill);
            // A share is printed in its segment where it fits and can be read (4.5:1); the data table has them all.
            if (
              textWidth(label, 'regular', CHART_TYPE.tick) + 5 <= right - left &&
              contrastRatio(labelColour, fill) >= TEXT_CONTRAST
            ) {
              shapes.push(
                text((left + right) / 2, baselineAt(centreY, CHART_TYPE.tick), label, CHART_TYPE.tick, {
                  fill: labelColour,
                  anchor: 'middle',
                }),
              );
            }
          });
          return shapes;
        },
      };
    }),
  });

  const columns = [
    { header: options.labelHeader },
    ...categories.map((category) => ({ header: category.label, numeric: true })),
    { header: options.countHeader ?? 'n', numeric: true },
  ];
  const rows = options.rows.map((row): TableCell[] => {
    if (row.suppressed) {
      const suppressed = { suppressed: { reason: row.suppressed.reason } };
      return [row.label, ...categories.map(() => suppressed), suppressed];
    }
    const total = row.counts.reduce((sum, count) => sum + count, 0);
    return [
      row.label,
      ...roundedShares(row.counts).map((share) => formatPercent(share / 100, language)),
      formatNumber(total, language),
    ];
  });
  return finishChart(frame.width, frame.height, frame.shapes, dataTable(columns, rows));
}
