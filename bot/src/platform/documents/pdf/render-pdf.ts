/**
 * The PDF renderer, on pdfkit (MIT; the most used PDF writer for Node, maintained, pure
 * JavaScript, embeds and subsets TrueType fonts through fontkit, and writes tagged PDF). Layout is
 * the kit's own rather than pdfkit's text flow: every line is broken with the font's metrics
 * (`text-layout.ts`) and placed by hand, so page breaks fall where a reader expects them (no
 * heading alone at a page's foot, no single line of a paragraph left behind, table headers repeated,
 * charts and key figures kept whole), and so the structure tree can be built exactly: H1–H3, P, L/LI,
 * Table/TR/TH/TD, Figure with its alternative text, Caption; page furniture is marked as artifacts.
 * The file declares its language and title and identifies itself as PDF/UA-1.
 */
import PDFDocument from 'pdfkit';
import { rasteriseSvgSync, prepareLogo } from '../logo';
import { FONT_FACES, fontMetrics, type FontFace } from '../fonts';
import { languageTag, formatDocumentDate } from '../format';
import { KIT_TEXT } from '../kit-text';
import type { ReportDocument, RichText, TextRun } from '../model';
import { CONTENT_WIDTH, PAGE, TYPE } from '../page';
import {
  prepareDocument,
  runsOf,
  type PreparedBlock,
  type PreparedDocument,
  type PreparedTable,
} from '../prepare';
import { textWidth, wrapRuns, wrapText, type StyledText, type TextLine } from '../text-layout';
import { CELL_PADDING_X, CELL_PADDING_Y, HEADER_SIZE, cellFace, columnWidths } from '../table-layout';
import { capHeightRatio } from '../fonts';
import { validateDocument } from '../validate';
import { drawScene } from './draw-scene';
import { textColourOn, withContrast, WHITE, TEXT_CONTRAST, contrastRatio } from '../colour';
import type { DocumentTheme } from '../theme';

type Struct = PDFKit.PDFStructureElement;
/** pdfkit also reads a table header's scope and a figure's bounding box, which its types omit. */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & {
  scope?: 'Column' | 'Row';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
};

const LEFT = PAGE.marginLeft;
const BOTTOM = PAGE.height - PAGE.marginBottom;
const BODY_HEIGHT = BOTTOM - PAGE.marginTop;

function faceOf(run: TextRun, strong = false): FontFace {
  const bold = strong || run.bold === true;
  if (bold && run.italic) return 'boldItalic';
  if (bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

function styled(text: RichText, strong = false): StyledText[] {
  return runsOf(text).map((run) => ({ text: run.text, face: faceOf(run, strong) }));
}

/** Baseline of a line of `size` text in a line box starting at `top`: capitals centred in the box. */
function baselineIn(top: number, lineHeight: number, size: number): number {
  return top + lineHeight / 2 + (capHeightRatio() * size) / 2;
}

/** A fill that white or ink text can sit on at 4.5:1; mid-tone brand colours are darkened a little. */
function textBearingFill(colour: string): string {
  const onColour = textColourOn(colour);
  if (contrastRatio(onColour, colour) >= TEXT_CONTRAST) return colour;
  return withContrast(colour, WHITE, TEXT_CONTRAST);
}

/**
 * pdfkit (≥ 0.17) also takes an already parsed fontkit font. Handing it the process's one parsed
 * copy of each face, rather than the file, spares every document the parsing of the font's
 * tables, which was most of the time a document took; fontkit fonts are not changed by use
 * (a document subsets its own copy of the glyphs). @types/pdfkit lists only files and bytes.
 */
function pdfFont(face: FontFace): string {
  return fontMetrics(face) as unknown as string;
}

class PdfComposer {
  readonly pdf: PDFKit.PDFDocument;
  readonly root: Struct;
  private y = PAGE.marginTop;
  private atTop = true;
  private chapter: PDFKit.PDFOutline | undefined;

  constructor(
    private readonly prepared: PreparedDocument,
    private readonly theme: DocumentTheme,
  ) {
    const source = prepared.source;
    this.pdf = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      // pdfkit writes the PDF/UA identification since 0.16; @types/pdfkit still lists only PDF/A.
      subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
      lang: languageTag(source.language),
      displayTitle: true,
      // The default font would be Helvetica, which is not embedded; PDF/UA wants every font embedded.
      font: pdfFont('regular'),
      info: {
        Title: prepared.documentName,
        Author: source.author ?? source.branding.organisationName,
        Subject: source.subject ?? source.titlePage.subtitle ?? '',
        Keywords: (source.keywords ?? []).join(', '),
        Creator: 'Digiverkosto',
        CreationDate: source.date,
        ModDate: source.date,
      },
    });
    for (const face of FONT_FACES) this.pdf.registerFont(face, pdfFont(face));
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
  }

  // ---- Pages and tagging -------------------------------------------------------------------------

  private remaining(): number {
    return BOTTOM - this.y;
  }

  newPage(): void {
    this.pdf.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.y = PAGE.marginTop;
    this.atTop = true;
  }

  private ensure(height: number): void {
    if (!this.atTop && height > this.remaining()) this.newPage();
  }

  private advance(height: number): void {
    this.y += height;
    this.atTop = false;
  }

  private element(type: string, options: ElementOptions = {}, parent: Struct = this.root): Struct {
    const element = this.pdf.struct(type, options);
    parent.add(element);
    return element;
  }

  private marked(element: Struct, type: string, draw: () => void): void {
    const content = this.pdf.markStructureContent(type);
    draw();
    this.pdf.endMarkedContent();
    element.add(content);
  }

  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.pdf.markContent('Artifact', { type });
    draw();
    this.pdf.endMarkedContent();
  }

  /** `joiner` overrides the line's own, e.g. a space between a key figure's value and its label. */
  private drawLine(
    line: TextLine,
    x: number,
    baseline: number,
    size: number,
    colour: string,
    joiner = line.joiner,
  ): void {
    line.segments.forEach((segment, index) => {
      const last = index === line.segments.length - 1;
      this.pdf
        .font(segment.face)
        .fontSize(size)
        .fillColor(colour)
        .text(last ? segment.text + joiner : segment.text, x + segment.x, baseline, {
          lineBreak: false,
          baseline: 'alphabetic',
        });
    });
  }

  /**
   * Lines flowing across pages: at least two lines of a split paragraph stay on each page, and
   * each page's part is one marked-content sequence of the same structure element.
   */
  private flowLines(
    element: Struct,
    type: string,
    lines: readonly TextLine[],
    options: { x: number; size: number; leading: number; colour: string },
  ): void {
    const lineHeight = options.size * options.leading;
    let index = 0;
    while (index < lines.length) {
      const left = lines.length - index;
      let fit = Math.floor((this.remaining() + 0.01) / lineHeight);
      if (fit < left) {
        if (left - fit < 2) fit = left - 2;
        if (fit < 2 && !this.atTop) {
          this.newPage();
          continue;
        }
        fit = Math.max(1, fit);
      }
      const take = Math.min(fit, left);
      const top = this.y;
      this.marked(element, type, () => {
        for (let offset = 0; offset < take; offset += 1) {
          const line = lines[index + offset];
          if (line)
            this.drawLine(
              line,
              options.x,
              baselineIn(top + offset * lineHeight, lineHeight, options.size),
              options.size,
              options.colour,
            );
        }
      });
      this.advance(take * lineHeight);
      index += take;
      if (index < lines.length) this.newPage();
    }
  }

  // ---- Title page --------------------------------------------------------------------------------

  titlePage(): void {
    const { source } = this.prepared;
    const theme = this.theme;
    this.newPage();
    const band = textBearingFill(theme.primary);
    const onBand = textColourOn(band);
    const bandTop = 292;
    const bandHeight = 258;

    this.artifact(() => {
      this.pdf.rect(0, bandTop, PAGE.width, bandHeight).fill(band);
      this.pdf.rect(0, bandTop + bandHeight, PAGE.width, 7).fill(theme.secondary);
    });

    const logoTop = PAGE.marginTop + 8;
    if (source.branding.logo) {
      const logo = prepareLogo(source.branding.logo);
      const maxWidth = 190;
      const maxHeight = 62;
      const ratio = Math.min(maxWidth / logo.pixelWidth, maxHeight / logo.pixelHeight);
      const width = logo.pixelWidth * ratio;
      const height = logo.pixelHeight * ratio;
      const figure = this.element('Figure', { alt: source.branding.logo.altText });
      this.marked(figure, 'Figure', () => {
        this.pdf.image(logo.png, LEFT, logoTop, { width, height });
      });
    } else {
      const name = this.element('P');
      const lines = wrapRuns(
        [{ text: source.branding.organisationName, face: 'semibold' }],
        14,
        CONTENT_WIDTH,
      );
      this.marked(name, 'P', () =>
        lines.forEach((line, index) =>
          this.drawLine(line, LEFT, logoTop + 14 + index * 18, 14, theme.primaryText),
        ),
      );
    }

    // Kicker, title and subtitle sit in the band, aligned to its foot.
    const width = CONTENT_WIDTH;
    const kicker = source.titlePage.kicker
      ? wrapRuns([{ text: source.titlePage.kicker.toUpperCase(), face: 'semibold' }], 10, width)
      : [];
    const title = wrapRuns([{ text: source.titlePage.title, face: 'semibold' }], TYPE.title.size, width);
    const subtitle = source.titlePage.subtitle
      ? wrapRuns([{ text: source.titlePage.subtitle, face: 'regular' }], TYPE.subtitle.size, width)
      : [];
    const titleLine = TYPE.title.size * TYPE.title.leading;
    const subtitleLine = TYPE.subtitle.size * TYPE.subtitle.leading;
    const blockHeight =
      kicker.length * 15 +
      (kicker.length ? 8 : 0) +
      title.length * titleLine +
      (subtitle.length ? 10 + subtitle.length * subtitleLine : 0);
    let y = Math.max(bandTop + 28, bandTop + bandHeight - 34 - blockHeight);
    if (kicker.length > 0) {
      const element = this.element('P');
      const top = y;
      this.marked(element, 'P', () =>
        kicker.forEach((line, index) =>
          this.drawLine(line, LEFT, baselineIn(top + index * 15, 15, 10), 10, onBand),
        ),
      );
      y += kicker.length * 15 + 8;
    }
    const heading = this.element('H1');
    const titleTop = y;
    this.marked(heading, 'H1', () =>
      title.forEach((line, index) =>
        this.drawLine(
          line,
          LEFT,
          baselineIn(titleTop + index * titleLine, titleLine, TYPE.title.size),
          TYPE.title.size,
          onBand,
        ),
      ),
    );
    y += title.length * titleLine;
    if (subtitle.length > 0) {
      y += 10;
      const element = this.element('P');
      const top = y;
      this.marked(element, 'P', () =>
        subtitle.forEach((line, index) =>
          this.drawLine(
            line,
            LEFT,
            baselineIn(top + index * subtitleLine, subtitleLine, TYPE.subtitle.size),
            TYPE.subtitle.size,
            onBand,
          ),
        ),
      );
    }

    // Date and details under the band.
    const details = [formatDocumentDate(source.date), ...(source.titlePage.details ?? [])];
    let detailY = bandTop + bandHeight + 36;
    const element = this.element('P');
    this.marked(element, 'P', () => {
      details.forEach((detail, index) => {
        const lines = wrapRuns([{ text: detail, face: index === 0 ? 'semibold' : 'regular' }], 10.5, width);
        for (const [lineIndex, line] of lines.entries()) {
          const lastOfDetail = lineIndex === lines.length - 1;
          this.drawLine(
            line,
            LEFT,
            baselineIn(detailY, 16, 10.5),
            10.5,
            index === 0 ? theme.ink : theme.mutedInk,
            lastOfDetail ? (index < details.length - 1 ? ' ' : '') : line.joiner,
          );
          detailY += 16;
        }
      });
    });
  }

  // ---- Blocks ------------------------------------------------------------------------------------

  heading(
    level: 1 | 2 | 3,
    text: string,
    next: PreparedBlock | undefined,
    afterNext: PreparedBlock | undefined,
  ): void {
    const style = level === 1 ? TYPE.heading1 : level === 2 ? TYPE.heading2 : TYPE.heading3;
    const face: FontFace = level === 3 ? 'bold' : 'semibold';
    const colour = level === 3 ? this.theme.ink : this.theme.primaryText;
    const lines = wrapRuns([{ text, face }], style.size, CONTENT_WIDTH);
    const lineHeight = style.size * style.leading;
    const height = lines.length * lineHeight;
    const before = this.atTop ? 0 : style.spaceBefore;
    // Keep the heading with the start of what follows it; a short introduction followed by a
    // chart or table stays with the heading and with that chart or table.
    let following = this.minimumHeight(next);
    if (
      next?.type === 'paragraph' &&
      (afterNext?.type === 'chart' || afterNext?.type === 'table' || afterNext?.type === 'keyFigures')
    ) {
      const type = next.style === 'lead' ? TYPE.lead : next.style === 'small' ? TYPE.small : TYPE.body;
      const lines = wrapRuns(styled(next.text), type.size, CONTENT_WIDTH).length;
      if (lines <= 4)
        following = lines * type.size * type.leading + TYPE.paragraphGap + this.minimumHeight(afterNext);
    }
    this.ensure(before + height + style.spaceAfter + following);
    if (!this.atTop) this.y += style.spaceBefore;
    const element = this.element(`H${level}`);
    const top = this.y;
    this.marked(element, `H${level}`, () =>
      lines.forEach((line, index) =>
        this.drawLine(
          line,
          LEFT,
          baselineIn(top + index * lineHeight, lineHeight, style.size),
          style.size,
          colour,
        ),
      ),
    );
    if (level === 1) this.chapter = this.pdf.outline.addItem(text);
    else if (level === 2) (this.chapter ?? this.pdf.outline).addItem(text);
    this.advance(height + style.spaceAfter);
  }

  paragraph(text: RichText, style: 'body' | 'lead' | 'small' = 'body'): void {
    const type = style === 'lead' ? TYPE.lead : style === 'small' ? TYPE.small : TYPE.body;
    const lines = wrapRuns(styled(text), type.size, CONTENT_WIDTH);
    const element = this.element('P');
    this.flowLines(element, 'P', lines, {
      x: LEFT,
      size: type.size,
      leading: type.leading,
      colour: style === 'small' ? this.theme.mutedInk : this.theme.ink,
    });
    this.advance(TYPE.paragraphGap);
  }

  list(items: readonly RichText[], ordered: boolean): void {
    const list = this.element('L');
    const indent = ordered ? 20 : 15;
    const size = TYPE.body.size;
    const lineHeight = size * TYPE.body.leading;
    items.forEach((item, index) => {
      const lines = wrapRuns(styled(item), size, CONTENT_WIDTH - indent);
      this.ensure(Math.min(lines.length, 2) * lineHeight);
      const listItem = this.element('LI', {}, list);
      const label = this.element('Lbl', {}, listItem);
      const top = this.y;
      const marker = ordered ? `${index + 1}.` : '•';
      this.marked(label, 'Lbl', () => {
        const markerWidth = textWidth(marker, 'regular', size);
        const x = ordered ? LEFT + indent - 6 - markerWidth : LEFT + 3;
        this.pdf
          .font('regular')
          .fontSize(size)
          .fillColor(ordered ? this.theme.ink : this.theme.primaryGraphic)
          .text(marker, x, baselineIn(top, lineHeight, size), { lineBreak: false, baseline: 'alphabetic' });
      });
      const body = this.element('LBody', {}, listItem);
      this.flowLines(body, 'LBody', lines, {
        x: LEFT + indent,
        size,
        leading: TYPE.body.leading,
        colour: this.theme.ink,
      });
      this.y += 2.5;
    });
    this.advance(TYPE.paragraphGap);
  }

  keyFigures(items: readonly { value: string; label: string; detail?: string }[]): void {
    const rows = Math.ceil(items.length / 4);
    const perRow = Math.ceil(items.length / rows);
    const gap = 10;
    const element = this.element('Div');
    if (!this.atTop) this.y += 4;
    for (let start = 0; start < items.length; start += perRow) {
      const rowItems = items.slice(start, start + perRow);
      const boxWidth = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
      const inner = boxWidth - 24;
      const laid = rowItems.map((item) => {
        let size: number = TYPE.keyFigure.size;
        while (size > 14 && textWidth(item.value, 'semibold', size) > inner) size -= 1;
        return {
          value: wrapRuns([{ text: item.value, face: 'semibold' }], size, inner),
          size,
          label: wrapRuns([{ text: item.label, face: 'regular' }], 9.5, inner),
          detail: item.detail ? wrapRuns([{ text: item.detail, face: 'regular' }], 8.5, inner) : [],
        };
      });
      const heightOf = (entry: (typeof laid)[number]): number =>
        14 +
        entry.value.length * entry.size * 1.1 +
        5 +
        entry.label.length * 12.5 +
        (entry.detail.length ? 3 + entry.detail.length * 11 : 0) +
        12;
      const height = Math.max(...laid.map(heightOf));
      this.ensure(height);
      const top = this.y;
      laid.forEach((entry, index) => {
        const x = LEFT + index * (boxWidth + gap);
        this.artifact(() => {
          this.pdf.rect(x, top, boxWidth, height).fill(this.theme.primaryTint);
          this.pdf.rect(x, top, 3, height).fill(this.theme.secondary);
        });
        const item = this.element('P', {}, element);
        this.marked(item, 'P', () => {
          let y = top + 14;
          // Value, label and detail read as one sentence: "412 respondents network median 3,2".
          const joinerAfter = (lines: readonly TextLine[], index: number, more: boolean): '' | ' ' =>
            index < lines.length - 1 ? (lines[index]?.joiner ?? '') : more ? ' ' : '';
          entry.value.forEach((line, lineIndex) => {
            this.drawLine(
              line,
              x + 13,
              y + entry.size * 0.8,
              entry.size,
              this.theme.primaryText,
              joinerAfter(entry.value, lineIndex, true),
            );
            y += entry.size * 1.1;
          });
          y += 5;
          entry.label.forEach((line, lineIndex) => {
            this.drawLine(
              line,
              x + 13,
              baselineIn(y, 12.5, 9.5),
              9.5,
              this.theme.ink,
              joinerAfter(entry.label, lineIndex, entry.detail.length > 0),
            );
            y += 12.5;
          });
          if (entry.detail.length) y += 3;
          for (const line of entry.detail) {
            this.drawLine(line, x + 13, baselineIn(y, 11, 8.5), 8.5, this.theme.mutedInk);
            y += 11;
          }
        });
      });
      this.advance(height + (start + perRow < items.length ? gap : 0));
    }
    this.advance(14);
  }

  callout(title: string | undefined, paragraphs: readonly RichText[], tone: 'info' | 'note'): void {
    const padding = 12;
    const inner = CONTENT_WIDTH - padding * 2 - 3;
    const size = 10;
    const leading = 1.42;
    const lineHeight = size * leading;
    const entries: { line: TextLine; gapBefore: number; paragraph: number }[] = [];
    if (title) {
      for (const line of wrapRuns([{ text: title, face: 'semibold' }], size + 0.5, inner))
        entries.push({ line, gapBefore: 0, paragraph: -1 });
    }
    paragraphs.forEach((paragraph, index) => {
      wrapRuns(styled(paragraph), size, inner).forEach((line, lineIndex) =>
        entries.push({ line, gapBefore: lineIndex === 0 && (index > 0 || title) ? 5 : 0, paragraph: index }),
      );
    });
    const fill = tone === 'info' ? this.theme.secondaryTint : this.theme.subtleFill;
    const bar = tone === 'info' ? this.theme.secondary : this.theme.rule;
    const container = this.element('Div');
    const elements = new Map<number, Struct>();
    const elementFor = (paragraph: number): Struct => {
      let element = elements.get(paragraph);
      if (!element) {
        element = this.element('P', {}, container);
        elements.set(paragraph, element);
      }
      return element;
    };
    const total = entries.reduce((sum, entry) => sum + entry.gapBefore + lineHeight, 0) + padding * 2;
    this.ensure(Math.min(total, BODY_HEIGHT));
    let index = 0;
    while (index < entries.length) {
      // Take as many lines as fit this page, then paint the box behind them.
      let height = padding;
      let end = index;
      while (end < entries.length) {
        const entry = entries[end];
        const next = height + entry.gapBefore + lineHeight;
        if (next + padding > this.remaining() && end > index) break;
        height = next;
        end += 1;
      }
      height += padding;
      const top = this.y;
      this.artifact(() => {
        this.pdf.rect(LEFT, top, CONTENT_WIDTH, height).fill(fill);
        this.pdf.rect(LEFT, top, 3, height).fill(bar);
      });
      let y = top + padding;
      let current = -2;
      let open = false;
      for (let at = index; at < end; at += 1) {
        const entry = entries[at];
        if (entry.paragraph !== current) {
          if (open) this.pdf.endMarkedContent();
          current = entry.paragraph;
          const element = elementFor(current);
          element.add(this.pdf.markStructureContent('P'));
          open = true;
        }
        y += entry.gapBefore;
        this.drawLine(
          entry.line,
          LEFT + 3 + padding,
          baselineIn(y, lineHeight, size + (entry.paragraph === -1 ? 0.5 : 0)),
          size + (entry.paragraph === -1 ? 0.5 : 0),
          this.theme.ink,
        );
        y += lineHeight;
      }
      if (open) this.pdf.endMarkedContent();
      this.advance(height);
      index = end;
      if (index < entries.length) this.newPage();
    }
    this.advance(14);
  }

  chart(block: Extract<PreparedBlock, { type: 'chart' }>): void {
    const { chart, altText } = block.block;
    const captionLines = block.caption ? this.captionLines(block.caption, CONTENT_WIDTH) : [];
    const captionHeight = captionLines.length * TYPE.caption.size * TYPE.caption.leading;
    let scale = Math.min(1, CONTENT_WIDTH / chart.width);
    if (chart.height * scale + captionHeight + 8 > BODY_HEIGHT)
      scale = (BODY_HEIGHT - captionHeight - 8) / chart.height;
    const height = chart.height * scale;
    this.ensure(height + 8 + captionHeight);
    const top = this.y + 2;
    const x = LEFT + (CONTENT_WIDTH - chart.width * scale) / 2;
    const figure = this.element('Figure', {
      alt: altText,
      bbox: [x, top, x + chart.width * scale, top + height],
      placement: 'Block',
    });
    this.marked(figure, 'Figure', () => {
      if (chart.scene) drawScene(this.pdf, chart.scene, x, top, scale);
      else {
        const image = rasteriseSvgSync(chart.svg, Math.round(chart.width * scale * 4));
        this.pdf.image(image.png, x, top, { width: chart.width * scale, height });
      }
    });
    this.advance(height + 8);
    if (captionLines.length > 0) {
      const caption = this.element('Caption');
      this.flowLines(caption, 'Caption', captionLines, {
        x: LEFT,
        size: TYPE.caption.size,
        leading: TYPE.caption.leading,
        colour: this.theme.mutedInk,
      });
    }
    this.advance(16);
  }

  private captionLines(caption: { label: string; text: string }, width: number): TextLine[] {
    return wrapRuns(
      [
        { text: `${caption.label} `, face: 'semibold' },
        { text: caption.text, face: 'regular' },
      ],
      TYPE.caption.size,
      width,
    );
  }

  table(table: PreparedTable): void {
    const widths = columnWidths(table, CONTENT_WIDTH);
    const size = TYPE.table.size;
    const lineHeight = size * TYPE.table.leading;
    const headerLineHeight = HEADER_SIZE * TYPE.table.leading;
    const header = table.columns.map((column, index) =>
      wrapText(column.header, 'semibold', HEADER_SIZE, (widths[index] ?? 0) - 2 * CELL_PADDING_X),
    );
    const headerHeight =
      Math.max(...header.map((lines) => lines.length)) * headerLineHeight + 2 * CELL_PADDING_Y + 1;
    const rows = table.rows.map((row) => {
      const cells = row.cells.map((cell, index) => {
        const runs: StyledText[] = [{ text: cell.text, face: cellFace(cell) }];
        if (cell.marker) runs.push({ text: cell.marker, face: 'regular' });
        return wrapRuns(runs, size, (widths[index] ?? 0) - 2 * CELL_PADDING_X);
      });
      return {
        row,
        cells,
        height: Math.max(...cells.map((lines) => lines.length)) * lineHeight + 2 * CELL_PADDING_Y,
      };
    });

    const captionLines = table.caption ? this.captionLines(table.caption, CONTENT_WIDTH) : [];
    const captionHeight = captionLines.length * TYPE.caption.size * TYPE.caption.leading;
    this.ensure(captionHeight + 4 + headerHeight + Math.min(rows[0]?.height ?? 0, BODY_HEIGHT / 3));
    const element = this.element('Table');
    if (captionLines.length > 0) {
      const caption = this.element('Caption', {}, element);
      this.flowLines(caption, 'Caption', captionLines, {
        x: LEFT,
        size: TYPE.caption.size,
        leading: TYPE.caption.leading,
        colour: this.theme.ink,
      });
      this.advance(4);
    }
    const xs = widths.map((_, index) => LEFT + widths.slice(0, index).reduce((sum, width) => sum + width, 0));

    const drawHeader = (repeat: boolean): void => {
      const top = this.y;
      const paint = (): void => {
        this.pdf.rect(LEFT, top, CONTENT_WIDTH, headerHeight).fill(this.theme.primaryTint);
        this.pdf.rect(LEFT, top + headerHeight - 1, CONTENT_WIDTH, 1).fill(this.theme.primaryGraphic);
      };
      this.artifact(paint);
      const drawCells = (): void =>
        header.forEach((lines, index) => {
          const column = table.columns[index];
          lines.forEach((line, lineIndex) => {
            const width = textWidth(line, 'semibold', HEADER_SIZE);
            const x = column?.numeric
              ? (xs[index] ?? 0) + (widths[index] ?? 0) - CELL_PADDING_X - width
              : (xs[index] ?? 0) + CELL_PADDING_X;
            this.pdf
              .font('semibold')
              .fontSize(HEADER_SIZE)
              .fillColor(this.theme.ink)
              .text(
                line,
                x,
                baselineIn(
                  top + CELL_PADDING_Y + lineIndex * headerLineHeight,
                  headerLineHeight,
                  HEADER_SIZE,
                ),
                { lineBreak: false, baseline: 'alphabetic' },
              );
          });
        });
      if (repeat) {
        // A repeated header is for the eye only; the structure has the header once.
        this.artifact(drawCells, 'Pagination');
      } else {
        const head = this.element('THead', {}, element);
        const row = this.element('TR', {}, head);
        header.forEach((lines, index) => {
          const cell = this.element('TH', { scope: 'Column' }, row);
          const column = table.columns[index];
          this.marked(cell, 'TH', () =>
            lines.forEach((line, lineIndex) => {
              const width = textWidth(line, 'semibold', HEADER_SIZE);
              const x = column?.numeric
                ? (xs[index] ?? 0) + (widths[index] ?? 0) - CELL_PADDING_X - width
                : (xs[index] ?? 0) + CELL_PADDING_X;
              this.pdf
                .font('semibold')
                .fontSize(HEADER_SIZE)
                .fillColor(this.theme.ink)
                .text(
                  line,
                  x,
                  baselineIn(
                    top + CELL_PADDING_Y + lineIndex * headerLineHeight,
                    headerLineHeight,
                    HEADER_SIZE,
                  ),
                  { lineBreak: false, baseline: 'alphabetic' },
                );
            }),
          );
        });
      }
      this.advance(headerHeight);
    };

    drawHeader(false);
    const body = this.element('TBody', {}, element);
    for (const { row, cells, height } of rows) {
      const structRow = this.element('TR', {}, body);
      const cellElements = cells.map(() => this.element('TD', {}, structRow));
      const drawn = cells.map(() => 0);
      // A row moves whole to the next page; only a row taller than a page is split between lines.
      if (height > this.remaining() && height <= BODY_HEIGHT - headerHeight) {
        this.newPage();
        drawHeader(true);
      }
      while (drawn.some((count, index) => count < (cells[index]?.length ?? 0))) {
        const available = Math.max(lineHeight, this.remaining() - 2 * CELL_PADDING_Y);
        const take = Math.max(1, Math.floor(available / lineHeight));
        const chunkLines = Math.max(
          ...cells.map((lines, index) => Math.min(take, lines.length - (drawn[index] ?? 0))),
        );
        const chunkHeight = chunkLines * lineHeight + 2 * CELL_PADDING_Y;
        const top = this.y;
        this.artifact(() => {
          row.cells.forEach((cell, index) => {
            if (cell.fill)
              this.pdf.rect(xs[index] ?? 0, top, widths[index] ?? 0, chunkHeight).fill(cell.fill);
          });
          if (row.total) this.pdf.rect(LEFT, top, CONTENT_WIDTH, 0.9).fill(this.theme.ink);
          this.pdf.rect(LEFT, top + chunkHeight - 0.5, CONTENT_WIDTH, 0.5).fill(this.theme.rule);
        });
        cells.forEach((lines, index) => {
          const from = drawn[index] ?? 0;
          const slice = lines.slice(from, from + chunkLines);
          const cell = row.cells[index];
          const element = cellElements[index];
          if (!cell || !element || slice.length === 0) return;
          this.marked(element, 'TD', () =>
            slice.forEach((line, lineIndex) => {
              const x =
                cell.align === 'right'
                  ? (xs[index] ?? 0) + (widths[index] ?? 0) - CELL_PADDING_X - line.width
                  : (xs[index] ?? 0) + CELL_PADDING_X;
              this.drawLine(
                line,
                x,
                baselineIn(top + CELL_PADDING_Y + lineIndex * lineHeight, lineHeight, size),
                size,
                cell.colour,
              );
            }),
          );
          drawn[index] = from + slice.length;
        });
        this.advance(chunkHeight);
        if (drawn.some((count, index) => count < (cells[index]?.length ?? 0))) {
          this.newPage();
          drawHeader(true);
        }
      }
    }
    if (table.notes.length > 0) {
      this.y += 5;
      for (const note of table.notes) {
        const lines = wrapRuns([{ text: note, face: 'regular' }], TYPE.small.size, CONTENT_WIDTH);
        const noteElement = this.element('P');
        this.flowLines(noteElement, 'P', lines, {
          x: LEFT,
          size: TYPE.small.size,
          leading: TYPE.small.leading,
          colour: this.theme.mutedInk,
        });
      }
    }
    this.advance(16);
  }

  pageBreak(): void {
    if (!this.atTop) this.newPage();
  }

  /** How much of a block must fit under a heading for the heading to stay on this page. */
  private minimumHeight(block: PreparedBlock | undefined): number {
    if (!block) return 0;
    switch (block.type) {
      case 'paragraph': {
        const type = block.style === 'lead' ? TYPE.lead : block.style === 'small' ? TYPE.small : TYPE.body;
        const lines = wrapRuns(styled(block.text), type.size, CONTENT_WIDTH).length;
        return Math.min(lines, lines <= 3 ? 3 : 2) * type.size * type.leading;
      }
      case 'list':
        return 2 * TYPE.body.size * TYPE.body.leading;
      case 'chart':
        return Math.min(
          BODY_HEIGHT * 0.8,
          block.block.chart.height * Math.min(1, CONTENT_WIDTH / block.block.chart.width) + 30,
        );
      case 'table':
        return 70;
      case 'keyFigures':
        return 80;
      case 'callout':
        return 60;
      case 'heading':
        return 40;
      case 'pageBreak':
        return 0;
    }
  }

  // ---- Footer ------------------------------------------------------------------------------------

  footers(): void {
    const kit = KIT_TEXT[this.prepared.source.language];
    const range = this.pdf.bufferedPageRange();
    const pages = range.count;
    for (let page = 1; page < pages; page += 1) {
      this.pdf.switchToPage(range.start + page);
      this.artifact(() => {
        const baseline = PAGE.height - PAGE.footerBaseline;
        this.pdf.rect(LEFT, baseline - 14, CONTENT_WIDTH, 0.5).fill(this.theme.rule);
        this.pdf.rect(0, 0, PAGE.width, 5).fill(this.theme.primary);
        const label = kit.page(page + 1, pages);
        const labelWidth = textWidth(label, 'regular', TYPE.footer.size);
        const name =
          wrapText(
            this.prepared.documentName,
            'regular',
            TYPE.footer.size,
            CONTENT_WIDTH - labelWidth - 24,
          )[0] ?? '';
        this.pdf.font('regular').fontSize(TYPE.footer.size).fillColor(this.theme.mutedInk);
        this.pdf.text(name, LEFT, baseline, { lineBreak: false, baseline: 'alphabetic' });
        this.pdf.text(label, LEFT + CONTENT_WIDTH - labelWidth, baseline, {
          lineBreak: false,
          baseline: 'alphabetic',
        });
      }, 'Pagination');
    }
  }

  compose(): void {
    this.titlePage();
    this.newPage();
    const blocks = this.prepared.blocks;
    blocks.forEach((block, index) => {
      switch (block.type) {
        case 'heading':
          return this.heading(block.level, block.text, blocks[index + 1], blocks[index + 2]);
        case 'paragraph':
          return this.paragraph(block.text, block.style);
        case 'list':
          return this.list(block.items, block.ordered === true);
        case 'table':
          return this.table(block.table);
        case 'keyFigures':
          return this.keyFigures(block.items);
        case 'chart':
          return this.chart(block);
        case 'callout':
          return this.callout(block.title, block.paragraphs, block.tone ?? 'info');
        case 'pageBreak':
          return this.pageBreak();
      }
    });
    this.footers();
  }
}

/**
 * Renders the document as a tagged A4 PDF. Throws `DocumentValidationError` listing every problem
 * when the document is not valid; nothing is written then.
 */
export async function renderPdf(input: ReportDocument): Promise<Buffer> {
  const document = validateDocument(input);
  const prepared = prepareDocument(document);
  const composer = new PdfComposer(prepared, prepared.theme);
  const chunks: Buffer[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    composer.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    composer.pdf.on('end', () => resolve());
    composer.pdf.on('error', (error: Error) => reject(error));
  });
  composer.compose();
  composer.root.end();
  composer.pdf.end();
  await finished;
  return Buffer.concat(chunks);
}
