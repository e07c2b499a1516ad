/**
 * Chart colours. Each was checked on white (contrast in brackets) and for the three common colour
 * vision deficiencies: the ordinal scale runs orange → grey → blue, which stays distinct for
 * protanopia, deuteranopia and tritanopia because its two ends differ in hue *and* its steps in
 * lightness; series that must be told apart also differ in shape (dot, ring, diamond, tick, band),
 * never only in colour.
 */
import { GRAPHIC_CONTRAST, WHITE, mix, withContrast } from '../colour';
import type { TimelineStatus } from '../kit-text';

/** The default main series colour when no brand colour is given (7.0:1). */
export const DEFAULT_ACCENT = '#1D5A9C';
/** A second comparison marker, e.g. municipalities of the same size class (5.0:1). */
export const COMPARISON = '#B4530A';
/** A network's inter-quartile band: a backdrop, so deliberately light; its edges are not needed to read it. */
export const RANGE_BAND = '#CFD7E0';
/** Medians and other reference ticks (12.5:1). */
export const REFERENCE = '#2E3440';
/** A baseline or earlier value, drawn as a ring (5.6:1). */
export const BASELINE = '#5B6470';

/** Five steps from weak (1) to excellent (5); the first and last pass 6:1, the middle ones are labelled. */
const ORDINAL_FIVE = ['#A3470F', '#E69552', '#C9C9BE', '#7DA7D4', '#1D5A9C'] as const;
/** "Don't know" and other answers outside the scale: a neutral grey that takes white text (4.8:1). */
export const OUTSIDE_SCALE = '#6B7280';

/** `count` colours for an ordered scale, interpolated along the five-step ramp. */
export function ordinalColours(count: number): string[] {
  if (count < 1) return [];
  if (count === 1) return [ORDINAL_FIVE[4]];
  return Array.from({ length: count }, (_, index) => {
    const position = (index / (count - 1)) * (ORDINAL_FIVE.length - 1);
    const low = Math.floor(position);
    const high = Math.min(ORDINAL_FIVE.length - 1, low + 1);
    return mix(ORDINAL_FIVE[low], ORDINAL_FIVE[high], position - low);
  });
}

/** Status colours of a timeline (all ≥ 4.7:1); `planned` is drawn hollow, so shape tells it too. */
export const STATUS_COLOURS: Record<TimelineStatus, string> = {
  planned: '#6B7480',
  inProgress: '#0A6BB5',
  done: '#1A7F4B',
  delayed: '#C2410C',
};

/** The brand colour made fit to mark data on white (3:1). */
export function accentFor(colour: string | undefined): string {
  return withContrast(colour ?? DEFAULT_ACCENT, WHITE, GRAPHIC_CONTRAST);
}
