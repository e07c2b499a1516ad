/**
 * The colours a document is drawn in, derived once from the municipality's two brand colours.
 * The brand colours are used as given where they only decorate (the title page band, rules, bars)
 * and in a shade that reaches 4.5:1 on white wherever they carry text (headings, key figures) or
 * 3:1 where they mark data, so a light brand colour never makes a document fail WCAG.
 */
import {
  GRAPHIC_CONTRAST,
  INK,
  LIGHT_RULE,
  MUTED_INK,
  RULE,
  SUBTLE_FILL,
  TEXT_CONTRAST,
  WHITE,
  contrastRatio,
  mix,
  textColourOn,
  tint,
  withContrast,
} from './colour';
import type { Branding, CellShading } from './model';

export interface DocumentTheme {
  /** The brand's primary colour as given: large fills. */
  readonly primary: string;
  /** Text on `primary`. */
  readonly onPrimary: string;
  /** Primary for text on white: headings, title, key figures (≥ 4.5:1). */
  readonly primaryText: string;
  /** Primary for data marks on white (≥ 3:1). */
  readonly primaryGraphic: string;
  readonly secondary: string;
  readonly secondaryText: string;
  readonly primaryTint: string;
  readonly secondaryTint: string;
  readonly ink: string;
  readonly mutedInk: string;
  readonly rule: string;
  readonly lightRule: string;
  readonly subtleFill: string;
}

export function themeFor(branding: Branding): DocumentTheme {
  const primary = branding.primaryColour.toUpperCase();
  const secondary = branding.secondaryColour.toUpperCase();
  return {
    primary,
    onPrimary: textColourOn(primary),
    primaryText: withContrast(primary, WHITE, TEXT_CONTRAST),
    primaryGraphic: withContrast(primary, WHITE, GRAPHIC_CONTRAST),
    secondary,
    secondaryText: withContrast(secondary, WHITE, TEXT_CONTRAST),
    primaryTint: tint(primary, 0.1),
    secondaryTint: tint(secondary, 0.14),
    ink: INK,
    mutedInk: MUTED_INK,
    rule: RULE,
    lightRule: LIGHT_RULE,
    subtleFill: SUBTLE_FILL,
  };
}

/** Background and text colour of a shaded table cell. */
export function cellColours(theme: DocumentTheme, shading: CellShading): { fill: string; text: string } {
  const fill =
    shading === 'subtle'
      ? theme.subtleFill
      : shading === 'accent'
        ? theme.primaryTint
        : shading === 'highlight'
          ? theme.secondaryTint
          : shading.colour.toUpperCase();
  // A mid-tone fill carries neither ink nor white at 4.5:1; it is lightened until ink reads on it.
  let readable = fill;
  for (
    let step = 1;
    step <= 10 && contrastRatio(textColourOn(readable), readable) < TEXT_CONTRAST;
    step += 1
  ) {
    readable = mix(fill, WHITE, step / 10);
  }
  return { fill: readable, text: textColourOn(readable) };
}
