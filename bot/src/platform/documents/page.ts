/**
 * Page geometry and type sizes shared by the PDF and DOCX renderers, in points. A4 with 25 mm side
 * margins gives a 160 mm measure: about 85 characters of 10.5 pt Source Sans, within the 80-90 a
 * comfortable reading line has, and the width every chart is built for. Sizes are whole half-points,
 * the unit Word stores, so the DOCX sets text at exactly the sizes the PDF does.
 */
const MM = 72 / 25.4;

export const PAGE = {
  width: 210 * MM,
  height: 297 * MM,
  marginLeft: 25 * MM,
  marginRight: 25 * MM,
  marginTop: 22 * MM,
  marginBottom: 25 * MM,
  /** Baseline of the footer text, from the bottom edge. */
  footerBaseline: 13 * MM,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

export const TYPE = {
  body: { size: 10.5, leading: 1.42 },
  lead: { size: 12.5, leading: 1.4 },
  small: { size: 8.5, leading: 1.42 },
  table: { size: 9, leading: 1.32 },
  caption: { size: 8.5, leading: 1.38 },
  footer: { size: 8 },
  heading1: { size: 20, leading: 1.2, spaceBefore: 22, spaceAfter: 9 },
  heading2: { size: 14, leading: 1.25, spaceBefore: 18, spaceAfter: 6 },
  heading3: { size: 11.5, leading: 1.3, spaceBefore: 13, spaceAfter: 4 },
  keyFigure: { size: 24 },
  title: { size: 30, leading: 1.15 },
  subtitle: { size: 15, leading: 1.3 },
  paragraphGap: 7,
} as const;
