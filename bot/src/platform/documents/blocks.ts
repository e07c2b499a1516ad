/** Small constructors for the document's blocks; plain objects work just as well. */
import type { ChartGraphic } from './model';
import type {
  CalloutBlock,
  ChartBlock,
  HeadingBlock,
  KeyFigure,
  KeyFiguresBlock,
  ListBlock,
  PageBreakBlock,
  ParagraphBlock,
  RichText,
  TableBlock,
  TextRun,
} from './model';

export const h1 = (text: string): HeadingBlock => ({ type: 'heading', level: 1, text });
export const h2 = (text: string): HeadingBlock => ({ type: 'heading', level: 2, text });
export const h3 = (text: string): HeadingBlock => ({ type: 'heading', level: 3, text });
export const p = (text: RichText, style?: ParagraphBlock['style']): ParagraphBlock => ({
  type: 'paragraph',
  text,
  ...(style ? { style } : {}),
});
export const bold = (text: string): TextRun => ({ text, bold: true });
export const italic = (text: string): TextRun => ({ text, italic: true });
export const bullets = (items: readonly RichText[]): ListBlock => ({ type: 'list', items });
export const numbered = (items: readonly RichText[]): ListBlock => ({ type: 'list', ordered: true, items });
export const keyFigures = (items: readonly KeyFigure[]): KeyFiguresBlock => ({ type: 'keyFigures', items });
export const callout = (
  paragraphs: readonly RichText[],
  options: { title?: string; tone?: CalloutBlock['tone'] } = {},
): CalloutBlock => ({
  type: 'callout',
  paragraphs,
  ...options,
});
export const pageBreak = (): PageBreakBlock => ({ type: 'pageBreak' });
export const chart = (graphic: ChartGraphic, altText: string, caption?: string): ChartBlock => ({
  type: 'chart',
  chart: graphic,
  altText,
  ...(caption ? { caption } : {}),
});
/** A chart's data table (its text equivalent) with a caption of its own. */
export const chartTable = (graphic: ChartGraphic, caption?: string, note?: string): TableBlock => {
  if (!graphic.table) throw new Error('This chart has no data table: it was not built by the kit');
  return { ...graphic.table, ...(caption ? { caption } : {}), ...(note ? { note } : {}) };
};
