/**
 * The frame shared by the row charts (profile, distribution, dot plot, baseline → target): a
 * legend that wraps, a column of row labels that wrap instead of overflowing, optional group
 * headings, a plot area on a linear scale with grid lines, a right-hand value column and the axis
 * under the rows. Every width is measured with the font that draws it, so nothing overlaps; the
 * chart grows taller rather than squeezing text.
 */
import { INK, LIGHT_RULE, MUTED_INK, SUBTLE_FILL } from '../colour';
import { capHeightRatio, type FontFace } from '../fonts';
import { CONTENT_WIDTH } from '../page';
import { sanitiseText } from '../sanitise';
import { textWidth, wrapText } from '../text-layout';
import type { SceneShape } from './scene';

export const CHART_TYPE = {
  label: 9,
  labelLeading: 11,
  group: 9,
  tick: 8,
  value: 8.75,
  legend: 8.5,
} as const;

/** The width a chart is built for unless told otherwise: the page's text column. */
export const DEFAULT_CHART_WIDTH = CONTENT_WIDTH;

export function baselineAt(centreY: number, size: number, face: FontFace = 'regular'): number {
  return centreY + (capHeightRatio(face) * size) / 2;
}

export function text(
  x: number,
  y: number,
  content: string,
  size: number,
  options: { face?: FontFace; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {},
): SceneShape {
  return {
    kind: 'text',
    x,
    y,
    text: content,
    size,
    face: options.face ?? 'regular',
    fill: options.fill ?? INK,
    anchor: options.anchor ?? 'start',
  };
}

// ---- Markers -------------------------------------------------------------------------------------

export type MarkerKind = 'dot' | 'ring' | 'diamond' | 'tick' | 'band' | 'square' | 'hollowSquare';

export function marker(kind: MarkerKind, cx: number, cy: number, colour: string, size = 4.5): SceneShape[] {
  switch (kind) {
    case 'dot':
      return [{ kind: 'circle', cx, cy, r: size, fill: colour, stroke: '#FFFFFF', strokeWidth: 1 }];
    case 'ring':
      return [{ kind: 'circle', cx, cy, r: size - 0.6, fill: '#FFFFFF', stroke: colour, strokeWidth: 1.8 }];
    case 'diamond': {
      const d = size + 0.8;
      return [
        {
          kind: 'polygon',
          points: [
            [cx, cy - d],
            [cx + d, cy],
            [cx, cy + d],
            [cx - d, cy],
          ],
          fill: colour,
          stroke: '#FFFFFF',
          strokeWidth: 1,
        },
      ];
    }
    case 'tick':
      return [
        {
          kind: 'line',
          x1: cx,
          y1: cy - size * 1.9,
          x2: cx,
          y2: cy + size * 1.9,
          stroke: colour,
          strokeWidth: 2.2,
        },
      ];
    case 'band':
      return [{ kind: 'rect', x: cx - 8, y: cy - 4.5, width: 16, height: 9, fill: colour }];
    case 'square':
      return [{ kind: 'rect', x: cx - 4.5, y: cy - 4.5, width: 9, height: 9, fill: colour, radius: 1 }];
    case 'hollowSquare':
      return [
        {
          kind: 'rect',
          x: cx - 4,
          y: cy - 4,
          width: 8,
          height: 8,
          fill: '#FFFFFF',
          stroke: colour,
          strokeWidth: 1.4,
        },
      ];
  }
}

// ---- Legend --------------------------------------------------------------------------------------

export interface LegendItem {
  readonly label: string;
  readonly marker: MarkerKind;
  readonly colour: string;
}

const SWATCH_WIDTH = 16;
const SWATCH_GAP = 5;
const ITEM_GAP = 16;
const LEGEND_ROW = 14;

/** Lays the items out left to right, starting a new row when the next would not fit. */
export function legend(
  items: readonly LegendItem[],
  x: number,
  y: number,
  width: number,
): { shapes: SceneShape[]; height: number } {
  const shapes: SceneShape[] = [];
  let cursorX = x;
  let row = 0;
  for (const item of items) {
    const label = sanitiseText(item.label);
    const labelWidth = textWidth(label, 'regular', CHART_TYPE.legend);
    const available = width - SWATCH_WIDTH - SWATCH_GAP;
    const lines = wrapText(label, 'regular', CHART_TYPE.legend, available);
    const itemWidth = SWATCH_WIDTH + SWATCH_GAP + Math.min(labelWidth, available);
    if (cursorX > x && cursorX + itemWidth > x + width) {
      cursorX = x;
      row += 1;
    }
    const centreY = y + row * LEGEND_ROW + LEGEND_ROW / 2;
    shapes.push(
      ...marker(
        item.marker,
        cursorX + SWATCH_WIDTH / 2,
        centreY,
        item.colour,
        item.marker === 'tick' ? 3 : 4,
      ),
    );
    lines.forEach((line, index) => {
      shapes.push(
        text(
          cursorX + SWATCH_WIDTH + SWATCH_GAP,
          baselineAt(centreY + index * LEGEND_ROW, CHART_TYPE.legend),
          line,
          CHART_TYPE.legend,
          {
            fill: INK,
          },
        ),
      );
    });
    if (lines.length > 1) {
      // A label wider than the whole chart wraps; the next item starts below it.
      row += lines.length;
      cursorX = x;
      continue;
    }
    cursorX += itemWidth + ITEM_GAP;
  }
  const rows = cursorX === x && row > 0 ? row : row + 1;
  return { shapes, height: items.length === 0 ? 0 : rows * LEGEND_ROW };
}

// ---- Scales --------------------------------------------------------------------------------------

export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((Math.min(d1, Math.max(d0, value)) - d0) / span) * (r1 - r0);
}

// ---- Row chart frame -----------------------------------------------------------------------------

export interface RowContext {
  readonly top: number;
  readonly height: number;
  readonly centreY: number;
  readonly x: (value: number) => number;
  readonly plotLeft: number;
  readonly plotRight: number;
}

export interface FrameRow {
  readonly label: string;
  readonly group?: string;
  /** At least this tall, e.g. for stacked dots. */
  readonly minHeight?: number;
  readonly value?: { readonly text: string; readonly face?: FontFace; readonly fill?: string };
  readonly draw: (context: RowContext) => SceneShape[];
}

export interface FrameAxis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly format: (value: number) => string;
  /** Words under the two ends of the axis, e.g. "1 = weak", "5 = excellent". */
  readonly endLabels?: readonly [string, string];
  /** Grid lines at the ticks behind the rows. */
  readonly grid?: boolean;
}

export interface FrameOptions {
  readonly width: number;
  readonly legend: readonly LegendItem[];
  readonly rows: readonly FrameRow[];
  readonly axis: FrameAxis;
  readonly valueHeader?: string;
  /** Keeps the markers at the ends of the scale clear of the plot's edges. */
  readonly plotInset?: number;
}

const LABEL_GAP = 12;
const ROW_MIN = 22;
const GROUP_ROW = 22;

export function rowFrame(options: FrameOptions): { shapes: SceneShape[]; width: number; height: number } {
  const width = options.width;
  const shapes: SceneShape[] = [];
  const background: SceneShape[] = [];

  const legendPart = legend(options.legend, 0, 0, width);
  shapes.push(...legendPart.shapes);
  let y = legendPart.height > 0 ? legendPart.height + 10 : 0;

  const labels = options.rows.map((row) => sanitiseText(row.label));
  const naturalLabel = Math.max(0, ...labels.map((label) => textWidth(label, 'regular', CHART_TYPE.label)));
  const labelWidth = Math.min(width * 0.36, Math.max(60, naturalLabel));

  const valueTexts = options.rows.map((row) => (row.value ? sanitiseText(row.value.text) : ''));
  const valueHeader = options.valueHeader ? sanitiseText(options.valueHeader) : undefined;
  const valueWidth = options.rows.some((row) => row.value)
    ? Math.max(
        ...valueTexts.map((value, index) =>
          textWidth(value, options.rows[index]?.value?.face ?? 'semibold', CHART_TYPE.value),
        ),
        valueHeader ? Math.min(textWidth(valueHeader, 'semibold', CHART_TYPE.tick), 80) : 0,
      ) + 8
    : 0;

  const inset = options.plotInset ?? 8;
  const plotLeft = labelWidth + LABEL_GAP;
  const plotRight = width - valueWidth - (valueWidth > 0 ? 8 : 0);
  const x = linearScale([options.axis.min, options.axis.max], [plotLeft + inset, plotRight - inset]);

  if (valueHeader) {
    const headerLines = wrapText(valueHeader, 'semibold', CHART_TYPE.tick, valueWidth);
    headerLines.forEach((line, index) => {
      shapes.push(
        text(width, y + 8 + index * 10, line, CHART_TYPE.tick, {
          face: 'semibold',
          fill: MUTED_INK,
          anchor: 'end',
        }),
      );
    });
    y += headerLines.length * 10 + 4;
  }

  const rowsTop = y;
  let previousGroup: string | undefined;
  let zebra = false;
  options.rows.forEach((row, index) => {
    const group = row.group ? sanitiseText(row.group) : undefined;
    if (group && group !== previousGroup) {
      const groupLines = wrapText(group, 'semibold', CHART_TYPE.group, width);
      const groupHeight = Math.max(GROUP_ROW, groupLines.length * CHART_TYPE.labelLeading + 10);
      groupLines.forEach((line, lineIndex) => {
        shapes.push(
          text(
            0,
            y + groupHeight - 7 - (groupLines.length - 1 - lineIndex) * CHART_TYPE.labelLeading,
            line,
            CHART_TYPE.group,
            {
              face: 'semibold',
              fill: INK,
            },
          ),
        );
      });
      shapes.push({
        kind: 'line',
        x1: 0,
        y1: y + groupHeight - 0.5,
        x2: width,
        y2: y + groupHeight - 0.5,
        stroke: LIGHT_RULE,
        strokeWidth: 0.75,
      });
      y += groupHeight;
      zebra = false;
    }
    previousGroup = group;

    const lines = wrapText(labels[index] ?? '', 'regular', CHART_TYPE.label, labelWidth);
    const height = Math.max(ROW_MIN, row.minHeight ?? 0, lines.length * CHART_TYPE.labelLeading + 9);
    const centreY = y + height / 2;
    if (zebra) background.push({ kind: 'rect', x: 0, y, width, height, fill: SUBTLE_FILL });
    zebra = !zebra;

    const blockTop = centreY - (lines.length * CHART_TYPE.labelLeading) / 2;
    lines.forEach((line, lineIndex) => {
      shapes.push(
        text(
          0,
          baselineAt(
            blockTop + lineIndex * CHART_TYPE.labelLeading + CHART_TYPE.labelLeading / 2,
            CHART_TYPE.label,
          ),
          line,
          CHART_TYPE.label,
        ),
      );
    });
    shapes.push(...row.draw({ top: y, height, centreY, x, plotLeft, plotRight }));
    if (row.value) {
      shapes.push(
        text(width, baselineAt(centreY, CHART_TYPE.value), valueTexts[index] ?? '', CHART_TYPE.value, {
          face: row.value.face ?? 'semibold',
          fill: row.value.fill ?? INK,
          anchor: 'end',
        }),
      );
    }
    y += height;
  });
  const rowsBottom = y;

  const grid: SceneShape[] = [];
  if (options.axis.grid !== false) {
    for (const tick of options.axis.ticks) {
      grid.push({
        kind: 'line',
        x1: x(tick),
        y1: rowsTop,
        x2: x(tick),
        y2: rowsBottom,
        stroke: LIGHT_RULE,
        strokeWidth: 0.75,
      });
    }
  }
  shapes.push({
    kind: 'line',
    x1: plotLeft,
    y1: rowsBottom,
    x2: plotRight,
    y2: rowsBottom,
    stroke: MUTED_INK,
    strokeWidth: 0.75,
  });
  y += 12;
  for (const tick of options.axis.ticks) {
    shapes.push({
      kind: 'line',
      x1: x(tick),
      y1: rowsBottom,
      x2: x(tick),
      y2: rowsBottom + 3,
      stroke: MUTED_INK,
      strokeWidth: 0.75,
    });
    shapes.push(
      text(x(tick), y, options.axis.format(tick), CHART_TYPE.tick, { fill: MUTED_INK, anchor: 'middle' }),
    );
  }
  if (options.axis.endLabels) {
    const [startLabel, endLabel] = options.axis.endLabels.map(sanitiseText) as [string, string];
    const startWidth = textWidth(startLabel, 'regular', CHART_TYPE.tick);
    const endWidth = textWidth(endLabel, 'regular', CHART_TYPE.tick);
    const left = x(options.axis.min) - 4;
    const right = x(options.axis.max) + 4;
    y += 11;
    if (left + startWidth + 12 > right - endWidth) {
      shapes.push(text(left, y, startLabel, CHART_TYPE.tick, { fill: MUTED_INK }));
      y += 11;
      shapes.push(text(right, y, endLabel, CHART_TYPE.tick, { fill: MUTED_INK, anchor: 'end' }));
    } else {
      shapes.push(text(left, y, startLabel, CHART_TYPE.tick, { fill: MUTED_INK }));
      shapes.push(text(right, y, endLabel, CHART_TYPE.tick, { fill: MUTED_INK, anchor: 'end' }));
    }
  }
  y += 4;
  return { shapes: [...background, ...grid, ...shapes], width, height: y };
}
