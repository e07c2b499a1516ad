/**
 * What both renderers need to decide the same way, worked out once: figure and table numbers,
 * caption prefixes in the document's language, how each table cell reads (formatted number,
 * alignment, shading, the marker of a suppressed value) and the notes listing why values were
 * hidden. The PDF and the DOCX of one document therefore number, format and annotate identically.
 */
import { formatNumber } from './format';
import { KIT_TEXT } from './kit-text';
import type { DocumentBlock, ReportDocument, RichText, TableBlock, TableCell, TextRun } from './model';
import { cellColours, themeFor, type DocumentTheme } from './theme';

export interface PreparedCell {
  readonly text: string;
  readonly align: 'left' | 'right';
  readonly bold: boolean;
  readonly italic: boolean;
  readonly fill?: string;
  readonly colour: string;
  /** Superscript after the text pointing to the table's note on a suppressed value. */
  readonly marker?: string;
}

export interface PreparedTable {
  readonly caption?: { readonly label: string; readonly text: string };
  readonly columns: readonly {
    readonly header: string;
    readonly numeric: boolean;
    readonly width?: number;
  }[];
  readonly rows: readonly { readonly cells: readonly PreparedCell[]; readonly total: boolean }[];
  /** "¹ Fewer than 5 answers", one per distinct reason, then the table's own note. */
  readonly notes: readonly string[];
}

export type PreparedBlock =
  | Exclude<DocumentBlock, TableBlock | { type: 'chart' }>
  | { readonly type: 'table'; readonly table: PreparedTable }
  | {
      readonly type: 'chart';
      readonly block: Extract<DocumentBlock, { type: 'chart' }>;
      readonly caption?: { readonly label: string; readonly text: string };
    };

export interface PreparedDocument {
  readonly source: ReportDocument;
  readonly theme: DocumentTheme;
  readonly documentName: string;
  readonly blocks: readonly PreparedBlock[];
}

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

export function runsOf(text: RichText): readonly TextRun[] {
  return typeof text === 'string' ? [{ text }] : text;
}

export function plainText(text: RichText): string {
  return runsOf(text)
    .map((run) => run.text)
    .join('');
}

function prepareTable(
  table: TableBlock,
  document: ReportDocument,
  theme: DocumentTheme,
  number: number,
): PreparedTable {
  const kit = KIT_TEXT[document.language];
  const reasons: string[] = [];
  const markerFor = (reason: string): string => {
    let index = reasons.indexOf(reason);
    if (index < 0) {
      reasons.push(reason);
      index = reasons.length - 1;
    }
    return SUPERSCRIPTS[index] ?? `(${index + 1})`;
  };
  const cell = (value: TableCell, columnIndex: number, total: boolean): PreparedCell => {
    const column = table.columns[columnIndex];
    const align = column?.numeric ? 'right' : 'left';
    const decimals = column?.decimals ?? 0;
    if (typeof value === 'string')
      return { text: value, align, bold: total, italic: false, colour: theme.ink };
    if (typeof value === 'number') {
      return {
        text: formatNumber(value, document.language, decimals),
        align,
        bold: total,
        italic: false,
        colour: theme.ink,
      };
    }
    if (value.suppressed) {
      return {
        text: value.suppressed.label ?? '–',
        align,
        bold: false,
        italic: true,
        fill: theme.subtleFill,
        colour: theme.mutedInk,
        marker: markerFor(value.suppressed.reason),
      };
    }
    const text =
      value.text ?? (value.value !== undefined ? formatNumber(value.value, document.language, decimals) : '');
    const colours = value.shading ? cellColours(theme, value.shading) : undefined;
    return {
      text,
      align,
      bold: total || value.bold === true,
      italic: false,
      ...(colours ? { fill: colours.fill } : {}),
      colour: colours?.text ?? theme.ink,
    };
  };
  const rows = table.rows.map((row) => {
    const cells = Array.isArray(row)
      ? (row as readonly TableCell[])
      : (row as { cells: readonly TableCell[] }).cells;
    const total = !Array.isArray(row) && (row as { emphasis?: string }).emphasis === 'total';
    return { cells: cells.map((value, index) => cell(value, index, total)), total };
  });
  const notes = reasons.map((reason, index) => `${SUPERSCRIPTS[index] ?? `(${index + 1})`} ${reason}`);
  if (table.note) notes.push(table.note);
  return {
    ...(table.caption ? { caption: { label: `${kit.table} ${number}.`, text: table.caption } } : {}),
    columns: table.columns.map((column) => ({
      header: column.header,
      numeric: column.numeric === true,
      ...(column.width !== undefined ? { width: column.width } : {}),
    })),
    rows,
    notes,
  };
}

/** The document must already be validated. */
export function prepareDocument(document: ReportDocument): PreparedDocument {
  const theme = themeFor(document.branding);
  const kit = KIT_TEXT[document.language];
  let tables = 0;
  let figures = 0;
  const blocks = document.blocks.map((block): PreparedBlock => {
    if (block.type === 'table') {
      if (block.caption) tables += 1;
      return { type: 'table', table: prepareTable(block, document, theme, tables) };
    }
    if (block.type === 'chart') {
      if (block.caption) figures += 1;
      return {
        type: 'chart',
        block,
        ...(block.caption ? { caption: { label: `${kit.figure} ${figures}.`, text: block.caption } } : {}),
      };
    }
    return block;
  });
  return { source: document, theme, documentName: document.documentName ?? document.titlePage.title, blocks };
}
