/**
 * The one typeface of every document: Source Sans 3 (SIL Open Font License 1.1), from Adobe's own
 * npm release `source-sans`, which ships TrueType files. The fonts come from npm rather than from
 * the operating system because production runs on Azure App Service, whose image has no fonts we
 * may rely on; the same bytes are embedded in the PDF (subset by pdfkit), in the DOCX (whole, so
 * Word shows and edits the text in the same face) and handed to resvg for the chart images. It
 * covers Finnish, Swedish and Sámi letters (ä ö å š ž č đ ŋ ŧ), typographic quotes and dashes,
 * and its figures are tabular, so columns of numbers line up without a font feature.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export const FONT_FAMILY = 'Source Sans 3';

export const FONT_FACES = ['regular', 'italic', 'semibold', 'bold', 'boldItalic'] as const;
export type FontFace = (typeof FONT_FACES)[number];

const FILE_NAMES: Record<FontFace, string> = {
  regular: 'SourceSans3-Regular.ttf',
  italic: 'SourceSans3-It.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
  bold: 'SourceSans3-Bold.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
};

/** CSS weight and style of each face, as SVG text asks for them. */
export const FACE_CSS: Record<FontFace, { readonly weight: number; readonly italic: boolean }> = {
  regular: { weight: 400, italic: false },
  italic: { weight: 400, italic: true },
  semibold: { weight: 600, italic: false },
  bold: { weight: 700, italic: false },
  boldItalic: { weight: 700, italic: true },
};

function fontDirectory(): string {
  // The package has no `exports` map, so its package.json resolves wherever npm put it.
  return path.join(path.dirname(require.resolve('source-sans/package.json')), 'TTF');
}

export function fontFilePath(face: FontFace): string {
  return path.join(fontDirectory(), FILE_NAMES[face]);
}

const bytes = new Map<FontFace, Buffer>();
const parsed = new Map<FontFace, fontkit.Font>();

/** The face's TrueType file, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let data = bytes.get(face);
  if (!data) {
    data = readFileSync(fontFilePath(face));
    bytes.set(face, data);
  }
  return data;
}

/** The face parsed by fontkit (the font engine pdfkit itself uses), for measuring text. */
export function fontMetrics(face: FontFace): fontkit.Font {
  let font = parsed.get(face);
  if (!font) {
    const created = fontkit.create(fontBytes(face));
    if (!('layout' in created)) throw new Error(`${FILE_NAMES[face]} is a font collection, not a font`);
    font = created;
    parsed.set(face, font);
  }
  return font;
}

/** Height of capital letters as a share of the font size (Source Sans 3: 0.66). */
export function capHeightRatio(face: FontFace = 'regular'): number {
  const font = fontMetrics(face);
  return font.capHeight / font.unitsPerEm;
}
