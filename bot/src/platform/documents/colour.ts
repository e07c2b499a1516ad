/**
 * Colour arithmetic for documents that must meet WCAG 2.1 AA on white paper and screens: text
 * needs 4.5:1 against its background (1.4.3), the parts of a chart a reader needs 3:1 (1.4.11).
 * A municipality's brand colour is whatever its designers chose, often a light yellow or turquoise,
 * so the kit never uses it as given where contrast matters: it derives a darker shade that passes.
 */

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export const WHITE = '#FFFFFF';
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Contrast WCAG asks of body text and of the graphical parts of charts. */
export const TEXT_CONTRAST = 4.5;
export const GRAPHIC_CONTRAST = 3;

export function parseHexColour(hex: string): Rgb {
  if (!HEX_COLOUR.test(hex)) throw new Error(`Not a colour of the form #RRGGBB: ${JSON.stringify(hex)}`);
  return {
    r: Number.parseInt(hex.slice(1, 3), 16),
    g: Number.parseInt(hex.slice(3, 5), 16),
    b: Number.parseInt(hex.slice(5, 7), 16),
  };
}

export function toHex({ r, g, b }: Rgb): string {
  const part = (value: number): string =>
    Math.round(Math.min(255, Math.max(0, value)))
      .toString(16)
      .padStart(2, '0')
      .toUpperCase();
  return `#${part(r)}${part(g)}${part(b)}`;
}

/** Relative luminance as WCAG 2.1 defines it. */
export function relativeLuminance(hex: string): number {
  const { r, g, b } = parseHexColour(hex);
  const channel = (value: number): number => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const x = parseHexColour(a);
  const y = parseHexColour(b);
  return toHex({ r: x.r + (y.r - x.r) * t, g: x.g + (y.g - x.g) * t, b: x.b + (y.b - x.b) * t });
}

/** A light tint of a colour for backgrounds: `amount` of the colour on white. */
export function tint(colour: string, amount: number): string {
  return mix(WHITE, colour, amount);
}

/**
 * The colour itself if it already reaches `ratio` against `background`, else the lightest shade of
 * it (mixed towards near-black, keeping its hue) that does.
 */
export function withContrast(colour: string, background: string, ratio: number): string {
  if (contrastRatio(colour, background) >= ratio) return colour.toUpperCase();
  const dark = '#111111';
  // Contrast grows monotonically as the colour darkens, so a bisection finds the lightest passing shade.
  let low = 0;
  let high = 1;
  for (let step = 0; step < 24; step += 1) {
    const middle = (low + high) / 2;
    if (contrastRatio(mix(colour, dark, middle), background) >= ratio) high = middle;
    else low = middle;
  }
  return mix(colour, dark, high);
}

/** Near-black or white, whichever reads better on `fill`. */
export function textColourOn(fill: string): string {
  return contrastRatio(INK, fill) >= contrastRatio(WHITE, fill) ? INK : WHITE;
}

/** Body text: near-black with a hint of blue, 15.8:1 on white. */
export const INK = '#1B1F24';
/** Secondary text (captions, footers): 7.0:1 on white. */
export const MUTED_INK = '#4E5661';
/** Hairlines and grid lines: decorative, so below 3:1 on purpose. */
export const RULE = '#CCD2D9';
export const LIGHT_RULE = '#E3E7EB';
export const SUBTLE_FILL = '#F3F5F7';
