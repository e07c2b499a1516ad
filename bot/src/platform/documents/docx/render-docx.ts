/**
 * The DOCX renderer, on `docx` (MIT; the maintained, typed library for writing Word files from
 * Node, with real tables, numbering, fields, alternative text on images and font embedding). The
 * result is meant to be edited: headings use Word's own Heading 1–3 styles (navigation pane, table
 * of contents), lists are Word lists, tables are Word tables with a repeating header row, the page
 * number is a field, and Source Sans 3 is embedded so the document looks the same on a machine
 * that lacks it. Charts are PNG pictures (rasterised by resvg at about 290 dpi) with the block's
 * alternative text as their description.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type ITableCellBorders,
  type ParagraphChild,
} from 'docx';
import { rasteriseSvg } from '../charts/raster';
import { TEXT_CONTRAST, WHITE, contrastRatio, textColourOn, withContrast } from '../colour';
import { FONT_FAMILY, fontBytes } from '../fonts';
import { formatDocumentDate, languageTag } from '../format';
import { KIT_TEXT } from '../kit-text';
import { prepareLogo } from '../logo';
import type { ReportDocument, RichText } from '../model';
import { CONTENT_WIDTH, PAGE, TYPE } from '../page';
import {
  prepareDocument,
  runsOf,
  type PreparedBlock,
  type PreparedDocument,
  type PreparedTable,
} from '../prepare';
import { CELL_PADDING_X, CELL_PADDING_Y, columnWidths } from '../table-layout';
import type { DocumentTheme } from '../theme';
import { validateDocument } from '../validate';

const twips = (points: number): number => Math.round(points * 20);
const halfPoints = (points: number): number => Math.round(points * 2);
const pixels = (points: number): number => Math.round((points * 96) / 72);
const hex = (colour: string): string => colour.replace('#', '').toUpperCase();

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const CONTENT_TWIPS = twips(CONTENT_WIDTH);

/** Word's "multiple" line spacing is a multiple of the font's own line (1.326 em for Source Sans 3). */
const lineSpacing = (leading: number): number => Math.round((leading / 1.326) * 240);

function textBearingFill(colour: string): string {
  return contrastRatio(textColourOn(colour), colour) >= TEXT_CONTRAST
    ? colour
    : withContrast(colour, WHITE, TEXT_CONTRAST);
}

function runs(text: RichText, options: { bold?: boolean; colour?: string; size?: number } = {}): TextRun[] {
  return runsOf(text).map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: options.bold === true || run.bold === true,
        italics: run.italic === true,
        ...(options.colour ? { color: hex(options.colour) } : {}),
        ...(options.size ? { size: halfPoints(options.size) } : {}),
      }),
  );
}

type Child = Paragraph | Table;

class DocxComposer {
  private readonly children: Child[] = [];
  private readonly images: Promise<void>[] = [];
  private lists = 0;

  constructor(
    private readonly prepared: PreparedDocument,
    private readonly theme: DocumentTheme,
  ) {}

  private titlePage(): void {
    const { source } = this.prepared;
    const theme = this.theme;
    const band = textBearingFill(theme.primary);
    const onBand = hex(textColourOn(band));
    if (source.branding.logo) {
      const logo = prepareLogo(source.branding.logo);
      const ratio = Math.min(190 / logo.pixelWidth, 62 / logo.pixelHeight);
      this.children.push(
        new Paragraph({
          spacing: { before: twips(8), after: 0 },
          children: [
            new ImageRun({
              type: 'png',
              data: logo.png,
              transformation: {
                width: pixels(logo.pixelWidth * ratio),
                height: pixels(logo.pixelHeight * ratio),
              },
              altText: {
                name: source.branding.logo.altText,
                title: source.branding.organisationName,
                description: source.branding.logo.altText,
              },
            }),
          ],
        }),
      );
    } else {
      this.children.push(
        new Paragraph({
          children: runs(source.branding.organisationName, {
            bold: true,
            colour: theme.primaryText,
            size: 14,
          }),
        }),
      );
    }
    const spacerHeight = 292 - PAGE.marginTop - 70;
    this.children.push(new Paragraph({ spacing: { before: twips(spacerHeight), after: 0 }, children: [] }));

    const inBand: Paragraph[] = [];
    if (source.titlePage.kicker) {
      inBand.push(
        new Paragraph({
          spacing: { after: twips(8) },
          children: [
            new TextRun({
              text: source.titlePage.kicker.toUpperCase(),
              bold: true,
              size: halfPoints(10),
              color: onBand,
            }),
          ],
        }),
      );
    }
    inBand.push(
      new Paragraph({
        style: 'Title',
        children: [new TextRun({ text: source.titlePage.title, color: onBand })],
      }),
    );
    if (source.titlePage.subtitle) {
      inBand.push(
        new Paragraph({
          style: 'Subtitle',
          children: [new TextRun({ text: source.titlePage.subtitle, color: onBand })],
        }),
      );
    }
    // The band runs from edge to edge of the page: a one-cell table reaching into the margins.
    this.children.push(
      new Table({
        width: { size: twips(PAGE.width), type: WidthType.DXA },
        columnWidths: [twips(PAGE.width)],
        indent: { size: -twips(PAGE.marginLeft), type: WidthType.DXA },
        layout: TableLayoutType.FIXED,
        borders: {
          top: NONE,
          bottom: NONE,
          left: NONE,
          right: NONE,
          insideHorizontal: NONE,
          insideVertical: NONE,
        },
        rows: [
          new TableRow({
            height: { value: twips(258), rule: HeightRule.ATLEAST },
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: twips(PAGE.width), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.BOTTOM,
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(band) },
                margins: {
                  left: twips(PAGE.marginLeft),
                  right: twips(PAGE.marginRight),
                  bottom: twips(30),
                  top: twips(24),
                },
                borders: {
                  ...NO_BORDERS,
                  bottom: { style: BorderStyle.SINGLE, size: 56, color: hex(theme.secondary) },
                },
                children: inBand,
              }),
            ],
          }),
        ],
      }),
    );
    const details = [formatDocumentDate(source.date), ...(source.titlePage.details ?? [])];
    details.forEach((detail, index) => {
      this.children.push(
        new Paragraph({
          spacing: { before: index === 0 ? twips(36) : 0, after: twips(2) },
          children: [
            new TextRun({
              text: detail,
              bold: index === 0,
              size: halfPoints(10.5),
              color: hex(index === 0 ? theme.ink : theme.mutedInk),
            }),
          ],
        }),
      );
    });
    this.children.push(new Paragraph({ children: [new PageBreak()] }));
  }

  private heading(level: 1 | 2 | 3, text: string): void {
    this.children.push(new Paragraph({ style: `Heading${level}`, children: [new TextRun(text)] }));
  }

  /** `keepNext` holds an introduction on the page of the chart or table it introduces. */
  private paragraph(text: RichText, style: 'body' | 'lead' | 'small' = 'body', keepNext = false): void {
    const options: IParagraphOptions =
      style === 'body'
        ? { keepNext, children: runs(text) }
        : { style: style === 'lead' ? 'Lead' : 'Small', keepNext, children: runs(text) };
    this.children.push(new Paragraph(options));
  }

  private list(items: readonly RichText[], ordered: boolean): void {
    this.lists += 1;
    items.forEach((item, index) => {
      this.children.push(
        new Paragraph({
          numbering: {
            reference: ordered ? 'numbers' : 'bullets',
            level: 0,
            ...(ordered ? { instance: this.lists } : {}),
          },
          spacing: { after: index === items.length - 1 ? twips(TYPE.paragraphGap) : twips(2.5) },
          children: runs(item),
        }),
      );
    });
  }

  private caption(caption: { label: string; text: string } | undefined, keepNext: boolean): void {
    if (!caption) return;
    this.children.push(
      new Paragraph({
        style: 'Caption',
        keepNext,
        children: [new TextRun({ text: `${caption.label} `, bold: true }), new TextRun(caption.text)],
      }),
    );
  }

  private table(table: PreparedTable): void {
    const widths = columnWidths(table, CONTENT_WIDTH).map(twips);
    const cellMargins = {
      top: twips(CELL_PADDING_Y),
      bottom: twips(CELL_PADDING_Y),
      // Half a point under the PDF's padding: a point of slack per cell for word processors whose
      // text comes out a hair wider than the font's metrics.
      left: twips(CELL_PADDING_X - 0.5),
      right: twips(CELL_PADDING_X - 0.5),
    };
    if (table.caption) {
      this.children.push(
        new Paragraph({
          style: 'TableCaption',
          keepNext: true,
          children: [
            new TextRun({ text: `${table.caption.label} `, bold: true }),
            new TextRun(table.caption.text),
          ],
        }),
      );
    }
    const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: hex(this.theme.rule) };
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: table.columns.map(
        (column, index) =>
          new TableCell({
            width: { size: widths[index] ?? 0, type: WidthType.DXA },
            margins: cellMargins,
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(this.theme.primaryTint) },
            borders: {
              ...NO_BORDERS,
              bottom: { style: BorderStyle.SINGLE, size: 8, color: hex(this.theme.primaryGraphic) },
            },
            children: [
              new Paragraph({
                style: 'TableHeading',
                alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun(column.header)],
              }),
            ],
          }),
      ),
    });
    const body = table.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.cells.map(
            (cell, index) =>
              new TableCell({
                width: { size: widths[index] ?? 0, type: WidthType.DXA },
                margins: cellMargins,
                ...(cell.fill
                  ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(cell.fill) } }
                  : {}),
                borders: {
                  ...NO_BORDERS,
                  bottom: rule,
                  ...(row.total
                    ? { top: { style: BorderStyle.SINGLE, size: 8, color: hex(this.theme.ink) } }
                    : {}),
                },
                children: cell.text.split('\n').map(
                  (line, lineIndex, lines) =>
                    new Paragraph({
                      style: 'TableText',
                      alignment: cell.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                      children: [
                        new TextRun({
                          text: line,
                          bold: cell.bold,
                          italics: cell.italic,
                          color: hex(cell.colour),
                        }),
                        ...(cell.marker && lineIndex === lines.length - 1
                          ? [new TextRun({ text: cell.marker, color: hex(cell.colour) })]
                          : []),
                      ],
                    }),
                ),
              }),
          ),
        }),
    );
    this.children.push(
      new Table({
        width: { size: CONTENT_TWIPS, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: {
          top: NONE,
          bottom: NONE,
          left: NONE,
          right: NONE,
          insideHorizontal: NONE,
          insideVertical: NONE,
        },
        rows: [header, ...body],
      }),
    );
    table.notes.forEach((note, index) => {
      this.children.push(
        new Paragraph({
          style: 'Small',
          spacing: { before: index === 0 ? twips(5) : 0, after: 0 },
          children: [new TextRun(note)],
        }),
      );
    });
    this.children.push(new Paragraph({ spacing: { before: 0, after: twips(10) }, children: [] }));
  }

  private keyFigures(items: readonly { value: string; label: string; detail?: string }[]): void {
    const rows = Math.ceil(items.length / 4);
    const perRow = Math.ceil(items.length / rows);
    const gap = twips(10);
    const box = Math.floor((CONTENT_TWIPS - gap * (perRow - 1)) / perRow);
    const columnWidths = Array.from({ length: perRow * 2 - 1 }, (_, index) => (index % 2 === 0 ? box : gap));
    const tableRows: TableRow[] = [];
    for (let start = 0; start < items.length; start += perRow) {
      const rowItems = items.slice(start, start + perRow);
      const cells: TableCell[] = [];
      for (let index = 0; index < perRow; index += 1) {
        const item = rowItems[index];
        if (index > 0)
          cells.push(
            new TableCell({
              width: { size: gap, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [new Paragraph({ children: [] })],
            }),
          );
        cells.push(
          new TableCell({
            width: { size: box, type: WidthType.DXA },
            margins: { top: twips(12), bottom: twips(12), left: twips(12), right: twips(10) },
            ...(item
              ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(this.theme.primaryTint) } }
              : {}),
            borders: item
              ? {
                  ...NO_BORDERS,
                  left: { style: BorderStyle.SINGLE, size: 24, color: hex(this.theme.secondary) },
                }
              : NO_BORDERS,
            children: item
              ? [
                  new Paragraph({ style: 'KeyFigureValue', children: [new TextRun(item.value)] }),
                  new Paragraph({ style: 'KeyFigureLabel', children: [new TextRun(item.label)] }),
                  ...(item.detail
                    ? [
                        new Paragraph({
                          style: 'Small',
                          spacing: { before: twips(3), after: 0 },
                          children: [new TextRun(item.detail)],
                        }),
                      ]
                    : []),
                ]
              : [new Paragraph({ children: [] })],
          }),
        );
      }
      tableRows.push(new TableRow({ cantSplit: true, children: cells }));
      if (start + perRow < items.length) {
        tableRows.push(
          new TableRow({
            height: { value: gap, rule: HeightRule.EXACT },
            children: columnWidths.map(
              (width) =>
                new TableCell({
                  width: { size: width, type: WidthType.DXA },
                  borders: NO_BORDERS,
                  children: [new Paragraph({ children: [] })],
                }),
            ),
          }),
        );
      }
    }
    this.children.push(new Paragraph({ spacing: { before: 0, after: twips(4) }, children: [] }));
    this.children.push(
      new Table({
        width: { size: CONTENT_TWIPS, type: WidthType.DXA },
        columnWidths,
        layout: TableLayoutType.FIXED,
        borders: {
          top: NONE,
          bottom: NONE,
          left: NONE,
          right: NONE,
          insideHorizontal: NONE,
          insideVertical: NONE,
        },
        rows: tableRows,
      }),
    );
    this.children.push(new Paragraph({ spacing: { before: 0, after: twips(10) }, children: [] }));
  }

  private callout(title: string | undefined, paragraphs: readonly RichText[], tone: 'info' | 'note'): void {
    const fill = tone === 'info' ? this.theme.secondaryTint : this.theme.subtleFill;
    const bar = tone === 'info' ? this.theme.secondary : this.theme.rule;
    const content: Paragraph[] = [];
    if (title)
      content.push(
        new Paragraph({
          spacing: { after: twips(5) },
          children: [new TextRun({ text: title, bold: true, size: halfPoints(10.5) })],
        }),
      );
    paragraphs.forEach((paragraph, index) =>
      content.push(
        new Paragraph({
          spacing: { after: index === paragraphs.length - 1 ? 0 : twips(5) },
          children: runs(paragraph, { size: 10 }),
        }),
      ),
    );
    this.children.push(
      new Table({
        width: { size: CONTENT_TWIPS, type: WidthType.DXA },
        columnWidths: [CONTENT_TWIPS],
        layout: TableLayoutType.FIXED,
        borders: {
          top: NONE,
          bottom: NONE,
          left: NONE,
          right: NONE,
          insideHorizontal: NONE,
          insideVertical: NONE,
        },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: CONTENT_TWIPS, type: WidthType.DXA },
                margins: { top: twips(12), bottom: twips(12), left: twips(14), right: twips(12) },
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(fill) },
                borders: { ...NO_BORDERS, left: { style: BorderStyle.SINGLE, size: 24, color: hex(bar) } },
                children: content,
              }),
            ],
          }),
        ],
      }),
    );
    this.children.push(new Paragraph({ spacing: { before: 0, after: twips(10) }, children: [] }));
  }

  private chart(block: Extract<PreparedBlock, { type: 'chart' }>): void {
    const { chart, altText } = block.block;
    const scale = Math.min(1, CONTENT_WIDTH / chart.width);
    const width = chart.width * scale;
    const height = chart.height * scale;
    const slot = this.children.length;
    this.children.push(new Paragraph({ children: [] }));
    // Images render on resvg's thread pool while the rest of the document is built.
    this.images.push(
      rasteriseSvg(chart.svg, width).then((png) => {
        this.children[slot] = new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: block.caption !== undefined,
          spacing: { before: twips(4), after: twips(6) },
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: pixels(width), height: pixels(height) },
              altText: {
                name: block.caption?.text ?? altText.slice(0, 80),
                title: block.caption?.text ?? '',
                description: altText,
              },
            }),
          ],
        });
      }),
    );
    this.caption(block.caption, false);
  }

  private footer(): Footer {
    const kit = KIT_TEXT[this.prepared.source.language];
    const [before, between] = kit.pageParts;
    const muted = hex(this.theme.mutedInk);
    const children: ParagraphChild[] = [
      new TextRun({ text: this.prepared.documentName, color: muted }),
      new TextRun({
        children: [new Tab(), before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES],
        color: muted,
      }),
    ];
    return new Footer({
      children: [
        new Paragraph({
          style: 'FooterText',
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS }],
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: hex(this.theme.rule), space: 6 } },
          children,
        }),
      ],
    });
  }

  async compose(): Promise<Document> {
    const { source } = this.prepared;
    this.titlePage();
    for (const [index, block] of this.prepared.blocks.entries()) {
      const next = this.prepared.blocks[index + 1];
      switch (block.type) {
        case 'heading':
          this.heading(block.level, block.text);
          break;
        case 'paragraph':
          this.paragraph(block.text, block.style, next?.type === 'chart' || next?.type === 'table');
          break;
        case 'list':
          this.list(block.items, block.ordered === true);
          break;
        case 'table':
          this.table(block.table);
          break;
        case 'keyFigures':
          this.keyFigures(block.items);
          break;
        case 'chart':
          this.chart(block);
          break;
        case 'callout':
          this.callout(block.title, block.paragraphs, block.tone ?? 'info');
          break;
        case 'pageBreak':
          this.children.push(new Paragraph({ children: [new PageBreak()] }));
          break;
      }
    }
    await Promise.all(this.images);
    return new Document({
      title: this.prepared.documentName,
      subject: source.subject ?? source.titlePage.subtitle ?? '',
      creator: source.author ?? source.branding.organisationName,
      lastModifiedBy: source.author ?? source.branding.organisationName,
      keywords: (source.keywords ?? []).join(', '),
      description: source.titlePage.subtitle ?? '',
      fonts: [this.embeddedFont()],
      styles: this.styles(),
      numbering: {
        config: [
          {
            reference: 'bullets',
            levels: [
              {
                level: 0,
                format: LevelFormat.BULLET,
                text: '•',
                alignment: AlignmentType.LEFT,
                style: {
                  paragraph: { indent: { left: twips(15), hanging: twips(12) } },
                  run: { color: hex(this.theme.primaryGraphic) },
                },
              },
            ],
          },
          {
            reference: 'numbers',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.LEFT,
                style: { paragraph: { indent: { left: twips(20), hanging: twips(20) } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          properties: {
            titlePage: true,
            page: {
              size: { width: twips(PAGE.width), height: twips(PAGE.height) },
              margin: {
                top: twips(PAGE.marginTop),
                bottom: twips(PAGE.marginBottom),
                left: twips(PAGE.marginLeft),
                right: twips(PAGE.marginRight),
                footer: twips(PAGE.footerBaseline - 4),
                header: twips(12),
              },
            },
          },
          footers: {
            default: this.footer(),
            first: new Footer({ children: [new Paragraph({ children: [] })] }),
          },
          children: this.children,
        },
      ],
    });
  }

  /**
   * Source Sans 3 as the document uses it: regular and bold always (text, headings), italic and
   * bold italic only when some text is set in them. Each face is some 430 KB, and Word shows a face
   * that is not embedded by slanting or thickening the regular one, which is worse than the real one.
   */
  private embeddedFont(): NonNullable<ConstructorParameters<typeof Document>[0]['fonts']>[number] {
    const runs: { bold?: boolean; italic?: boolean }[] = [];
    const collect = (text: RichText): void => {
      if (typeof text !== 'string') runs.push(...text);
    };
    for (const block of this.prepared.blocks) {
      if (block.type === 'paragraph') collect(block.text);
      else if (block.type === 'list') block.items.forEach(collect);
      else if (block.type === 'callout') block.paragraphs.forEach(collect);
      else if (block.type === 'table') for (const row of block.table.rows) runs.push(...row.cells);
    }
    const italic = runs.some((run) => run.italic === true && run.bold !== true);
    const boldItalic = runs.some((run) => run.italic === true && run.bold === true);
    return {
      name: FONT_FAMILY,
      data: fontBytes('regular'),
      bold: fontBytes('bold'),
      ...(italic ? { italic: fontBytes('italic') } : {}),
      ...(boldItalic ? { boldItalic: fontBytes('boldItalic') } : {}),
    };
  }

  private styles(): NonNullable<ConstructorParameters<typeof Document>[0]['styles']> {
    const theme = this.theme;
    const language = { value: languageTag(this.prepared.source.language) };
    const font = FONT_FAMILY;
    return {
      default: {
        document: {
          run: { font, size: halfPoints(TYPE.body.size), color: hex(theme.ink), language },
          paragraph: {
            spacing: {
              after: twips(TYPE.paragraphGap),
              lineRule: LineRuleType.AUTO,
              line: lineSpacing(TYPE.body.leading),
            },
          },
        },
        title: {
          run: { font, size: halfPoints(TYPE.title.size), bold: true, color: hex(theme.primaryText) },
          paragraph: {
            spacing: {
              before: 0,
              after: twips(6),
              lineRule: LineRuleType.AUTO,
              line: lineSpacing(TYPE.title.leading),
            },
          },
        },
        heading1: {
          run: { font, size: halfPoints(TYPE.heading1.size), bold: true, color: hex(theme.primaryText) },
          paragraph: {
            spacing: {
              before: twips(TYPE.heading1.spaceBefore),
              after: twips(TYPE.heading1.spaceAfter),
              lineRule: LineRuleType.AUTO,
              line: lineSpacing(TYPE.heading1.leading),
            },
            keepNext: true,
            keepLines: true,
          },
        },
        heading2: {
          run: { font, size: halfPoints(TYPE.heading2.size), bold: true, color: hex(theme.primaryText) },
          paragraph: {
            spacing: {
              before: twips(TYPE.heading2.spaceBefore),
              after: twips(TYPE.heading2.spaceAfter),
              lineRule: LineRuleType.AUTO,
              line: lineSpacing(TYPE.heading2.leading),
            },
            keepNext: true,
            keepLines: true,
          },
        },
        heading3: {
          run: { font, size: halfPoints(TYPE.heading3.size), bold: true, color: hex(theme.ink) },
          paragraph: {
            spacing: { before: twips(TYPE.heading3.spaceBefore), after: twips(TYPE.heading3.spaceAfter) },
            keepNext: true,
            keepLines: true,
          },
        },
        caption: {
          run: { font, size: halfPoints(TYPE.caption.size), italics: false, color: hex(theme.mutedInk) },
          paragraph: { spacing: { before: twips(2), after: twips(16) } },
        },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: halfPoints(TYPE.subtitle.size) },
          paragraph: { spacing: { before: twips(8), after: 0 } },
        },
        {
          id: 'Lead',
          name: 'Lead',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: halfPoints(TYPE.lead.size) },
          paragraph: {
            spacing: { after: twips(9), lineRule: LineRuleType.AUTO, line: lineSpacing(TYPE.lead.leading) },
          },
        },
        {
          id: 'Small',
          name: 'Small',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: halfPoints(TYPE.small.size), color: hex(theme.mutedInk) },
        },
        {
          id: 'TableCaption',
          name: 'Table Caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: halfPoints(TYPE.caption.size) },
          paragraph: { spacing: { before: twips(4), after: twips(4) } },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          run: { size: halfPoints(TYPE.table.size) },
          paragraph: {
            spacing: {
              before: 0,
              after: 0,
              lineRule: LineRuleType.AUTO,
              line: lineSpacing(TYPE.table.leading),
            },
          },
        },
        {
          id: 'TableHeading',
          name: 'Table Heading',
          basedOn: 'TableText',
          run: { bold: true, size: halfPoints(TYPE.table.size) },
        },
        {
          id: 'KeyFigureValue',
          name: 'Key Figure',
          basedOn: 'Normal',
          run: { bold: true, size: halfPoints(TYPE.keyFigure.size), color: hex(theme.primaryText) },
          paragraph: { spacing: { before: 0, after: twips(4), lineRule: LineRuleType.AUTO, line: 240 } },
        },
        {
          id: 'KeyFigureLabel',
          name: 'Key Figure Label',
          basedOn: 'Normal',
          run: { size: halfPoints(9.5) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: 'FooterText',
          name: 'Footer Text',
          basedOn: 'Normal',
          run: { size: halfPoints(TYPE.footer.size) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    };
  }
}

/**
 * Renders the document as a DOCX for Word. Throws `DocumentValidationError` listing every problem
 * when the document is not valid.
 */
export async function renderDocx(input: ReportDocument): Promise<Buffer> {
  const document = validateDocument(input);
  const prepared = prepareDocument(document);
  const composer = new DocxComposer(prepared, prepared.theme);
  return Packer.toBuffer(await composer.compose());
}
