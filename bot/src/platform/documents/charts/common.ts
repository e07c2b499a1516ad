import type { Language } from '../../../shared/i18n/language';
import { formatNumber } from '../format';
import type { TableBlock, TableCell, TableColumn } from '../model';
import { sanitiseText } from '../sanitise';
import { sceneToSvg } from './svg';
import type { ChartGraphic } from '../model';
import type { ChartScene, SceneShape } from './scene';
import type { FrameAxis } from './frame';

export interface ChartCommonOptions {
  readonly language: Language;
  /** Points; the page's text column unless given. */
  readonly width?: number;
  /** The main series colour, usually the brand's primary colour; darkened to 3:1 on white if needed. */
  readonly accent?: string;
  /** Header of the label column in the chart's data table, e.g. "Näkökulma". */
  readonly labelHeader: string;
  /** Decimals of the values printed in the chart and its table (1 unless given). */
  readonly decimals?: number;
}

/** A 1–5 rating scale unless the chart is told otherwise. */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
  /** Words under the ends of the axis, e.g. ["1 = heikko", "5 = erinomainen"]. */
  readonly endLabels?: readonly [string, string];
}

export const DEFAULT_SCALE: RatingScale = { min: 1, max: 5 };

export function integerTicks(scale: RatingScale): number[] {
  const ticks: number[] = [];
  for (let value = Math.ceil(scale.min); value <= scale.max; value += 1) ticks.push(value);
  return ticks;
}

/** The axis of a rating scale: a tick at each whole number, written without decimals. */
export function scaleAxis(scale: RatingScale, language: Language): FrameAxis {
  return {
    min: scale.min,
    max: scale.max,
    ticks: integerTicks(scale),
    format: (value) => formatNumber(value, language, 0),
    endLabels: scale.endLabels,
  };
}

export function checkScale(scale: RatingScale): void {
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.max > scale.min)) {
    throw new RangeError(
      `A chart's scale must run from a smaller to a larger number, not ${scale.min}–${scale.max}`,
    );
  }
  if (scale.max - scale.min > 20)
    throw new RangeError('A rating scale of more than 20 steps is not a rating scale');
}

/** Checks a value to be plotted and reports the row it belongs to, so a feature's bug is easy to find. */
export function checkValue(value: number | undefined, scale: RatingScale, where: string): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
    throw new RangeError(`${where}: ${String(value)} is outside the scale ${scale.min}–${scale.max}`);
  }
}

export function formatter(language: Language, decimals: number): (value: number | undefined) => string {
  return (value) => (value === undefined ? '–' : formatNumber(value, language, decimals));
}

export function finishChart(
  width: number,
  height: number,
  shapes: SceneShape[],
  table: TableBlock,
): ChartGraphic {
  const scene: ChartScene = { width, height: Math.ceil(height), shapes };
  return { width, height: scene.height, scene, svg: sceneToSvg(scene), table };
}

export function dataTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): TableBlock {
  return {
    type: 'table',
    columns: columns.map((column) => ({ ...column, header: sanitiseText(column.header) })),
    rows,
  };
}
