import {
  DocumentValidationError,
  contrastRatio,
  parseBranding,
  rasteriseSvg,
  withContrast,
} from '../platform/documents';
import type { BrandingResult } from './roadmap-contracts';

/**
 * A municipality's branding as it arrives from the tab: two colours and a logo. The document kit
 * keeps its own text readable whatever the colours, but the title page sets white text on the
 * primary colour, so a primary colour that gives white text less than 4.5:1 (WCAG 2.1 AA) is
 * refused, or darkened to the lightest shade that passes when the editor asks for that. Logos are
 * PNG or SVG; an SVG is accepted only as a self-contained drawing (the kit's check: no scripts, no
 * outside references) and is then rasterised, so what is stored and served back is always a PNG
 * and no SVG of a user's ever reaches a browser from our origin.
 */

/** The JSON body limit is 256 KB; a logo in base64 must leave room for the rest of the body. */
export const MAX_LOGO_BYTES = 180 * 1024;
const WHITE = '#FFFFFF';
const TEXT_CONTRAST = 4.5;
const SVG_RASTER_WIDTH_POINTS = 300;
const SVG_RASTER_SCALE = 4;

export class BrandingError extends Error {
  constructor(
    readonly reason: 'contrast' | 'logoTooLarge' | 'logoInvalid',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'BrandingError';
  }
}

/** Checks the colours against white text; darkens the primary colour when `adjust` is set, else refuses it. */
export function checkColours(input: {
  readonly primaryColour: string;
  readonly secondaryColour: string;
  readonly adjust: boolean;
}): BrandingResult {
  const primary = input.primaryColour.toUpperCase();
  const secondary = input.secondaryColour.toUpperCase();
  const ratio = contrastRatio(primary, WHITE);
  if (ratio >= TEXT_CONTRAST) {
    return {
      primaryColour: primary,
      secondaryColour: secondary,
      adjusted: [],
      contrastWithWhite: round(ratio),
    };
  }
  const darker = withContrast(primary, WHITE, TEXT_CONTRAST).toUpperCase();
  if (!input.adjust) {
    throw new BrandingError(
      'contrast',
      `White text on ${primary} has a contrast of ${round(ratio)}:1; at least 4.5:1 is needed (WCAG 2.1 AA). ` +
        `The nearest colour that passes is ${darker}: send it, or send "adjust": true to use it.`,
    );
  }
  return {
    primaryColour: darker,
    secondaryColour: secondary,
    adjusted: [{ field: 'primaryColour', from: primary, to: darker }],
    contrastWithWhite: round(contrastRatio(darker, WHITE)),
  };
}

/** The logo as a PNG ready to store, or a {@link BrandingError} saying why it is refused. */
export async function logoPng(input: {
  readonly format: 'png' | 'svg';
  readonly data: Buffer;
  readonly altText: string;
}): Promise<Buffer> {
  if (input.data.length > MAX_LOGO_BYTES) {
    throw new BrandingError('logoTooLarge', `The logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`);
  }
  try {
    parseBranding({
      organisationName: 'logo',
      primaryColour: '#000000',
      secondaryColour: '#000000',
      logo: { format: input.format, data: new Uint8Array(input.data), altText: input.altText },
    });
  } catch (error) {
    if (error instanceof DocumentValidationError) {
      const issue =
        error.issues.find((text) => text.includes('logo')) ?? error.issues[0] ?? 'not a usable logo';
      throw new BrandingError(
        'logoInvalid',
        `The logo is refused: ${issue.replace(/^branding\.logo\.?/, '')}`,
      );
    }
    throw error;
  }
  if (input.format === 'png') return input.data;
  const png = await rasteriseSvg(input.data.toString('utf8'), SVG_RASTER_WIDTH_POINTS, SVG_RASTER_SCALE);
  if (png.length > 4 * MAX_LOGO_BYTES) {
    throw new BrandingError(
      'logoTooLarge',
      'The SVG logo draws too large an image; simplify it or send a PNG.',
    );
  }
  return png;
}

function round(ratio: number): number {
  return Math.round(ratio * 100) / 100;
}
