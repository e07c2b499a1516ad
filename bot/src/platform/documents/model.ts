/**
 * The document model: what a report says, not how a page looks. A feature assembles a
 * `ReportDocument` from its data and hands it to `renderPdf` or `renderDocx`; both renderers lay
 * out the same blocks with the same typography and colours. Every string is data: the renderers
 * never read markup, template syntax or escapes in it, so a comment such as `<b>{{x}}</b> & ${y}`
 * is printed exactly as it was typed.
 */
import type { Language } from '../../shared/i18n/language';
import type { ChartScene } from './charts/scene';

export interface Logo {
  /** PNG or SVG bytes, as the municipality supplied them. */
  readonly format: 'png' | 'svg';
  readonly data: Uint8Array;
  /** What a screen reader says for the logo, e.g. "Hämeenlinnan kaupungin logo". */
  readonly altText: string;
}

export interface Branding {
  /** The organisation the document is for, on the title page and in the metadata. */
  readonly organisationName: string;
  /** `#RRGGBB`. Title page, headings and the main chart series; darkened where contrast needs it. */
  readonly primaryColour: string;
  /** `#RRGGBB`. Accents: rules, callout bars, key-figure bars. */
  readonly secondaryColour: string;
  readonly logo?: Logo;
}

/** Text with simple emphasis. A plain string is one unemphasised run. */
export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}
export type RichText = string | readonly TextRun[];

export interface HeadingBlock {
  readonly type: 'heading';
  /** 1 = chapter, 2 = section, 3 = subsection. Levels may not be skipped (1 → 3). */
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly text: RichText;
  /** `lead`: a larger opening paragraph; `small`: method notes and sources. */
  readonly style?: 'body' | 'lead' | 'small';
}

export interface ListBlock {
  readonly type: 'list';
  readonly ordered?: boolean;
  readonly items: readonly RichText[];
}

export interface TableColumn {
  readonly header: string;
  /** Right-aligned; numbers given as `number` are formatted with `decimals` in the document's language. */
  readonly numeric?: boolean;
  readonly decimals?: number;
  /** Relative width; columns without one share what is left by their content. */
  readonly width?: number;
}

/**
 * Background of a cell: `subtle` (grey), `accent` (a tint of the primary colour), `highlight`
 * (a tint of the secondary colour) or any `#RRGGBB` (its text colour is chosen for contrast).
 */
export type CellShading = 'subtle' | 'accent' | 'highlight' | { readonly colour: string };

export interface SuppressedValue {
  /** Why the value is not shown, printed once as a note under the table ("Fewer than 5 answers"). */
  readonly reason: string;
  /** What stands in the cell; an en dash when not given. */
  readonly label?: string;
}

export interface TableCellValue {
  readonly text?: string;
  readonly value?: number;
  readonly bold?: boolean;
  readonly shading?: CellShading;
  readonly suppressed?: SuppressedValue;
}
export type TableCell = string | number | TableCellValue;

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** `total`: bold with a rule above, for a sum or whole-organisation row. */
  readonly emphasis?: 'total';
}

export interface TableBlock {
  readonly type: 'table';
  /** Printed above the table, numbered ("Taulukko 2. …"); also the table's accessible name. */
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[] | TableRow)[];
  /** Source or remark printed under the table, after the notes on suppressed values. */
  readonly note?: string;
}

export interface KeyFigure {
  /** Already formatted: "412", "38 %", "3,4". */
  readonly value: string;
  readonly label: string;
  /** A line of context: "network median 3,2". */
  readonly detail?: string;
}

export interface KeyFiguresBlock {
  readonly type: 'keyFigures';
  /** Up to four a row; more continue on further rows. */
  readonly items: readonly KeyFigure[];
}

export interface ChartBlock {
  readonly type: 'chart';
  readonly chart: ChartGraphic;
  /** Required: what the chart shows and its main finding, for screen readers (PDF /Alt, DOCX descr). */
  readonly altText: string;
  /** Printed under the chart, numbered ("Kuvio 1. …"). */
  readonly caption?: string;
}

export interface CalloutBlock {
  readonly type: 'callout';
  readonly title?: string;
  readonly paragraphs: readonly RichText[];
  /** `info` tints with the secondary colour, `note` with grey. */
  readonly tone?: 'info' | 'note';
}

export interface PageBreakBlock {
  readonly type: 'pageBreak';
}

export type DocumentBlock =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | KeyFiguresBlock
  | ChartBlock
  | CalloutBlock
  | PageBreakBlock;

export interface TitlePage {
  /** A line above the title, e.g. the survey's name and year. */
  readonly kicker?: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Lines at the foot of the title page: who prepared it, for whom, contact. */
  readonly details?: readonly string[];
}

export interface ReportDocument {
  readonly language: Language;
  readonly branding: Branding;
  readonly titlePage: TitlePage;
  /** The name in every page footer and in the file's metadata; the title page's title if not given. */
  readonly documentName?: string;
  /** The document's date, printed the Finnish way (1.2.2027). */
  readonly date: Date;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly blocks: readonly DocumentBlock[];
}

/**
 * A chart ready for a document: its size in points, its SVG, the vector scene when the kit built
 * it (an SVG from elsewhere has none and is placed as an image), and a table with the same data,
 * the chart's text equivalent, for the feature to put after the chart or in an appendix.
 */
export interface ChartGraphic {
  readonly width: number;
  readonly height: number;
  readonly svg: string;
  readonly scene?: ChartScene;
  readonly table?: TableBlock;
}
