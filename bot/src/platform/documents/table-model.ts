/** Tables of the document model, apart so that charts (which carry their table equivalent) and the model can both use them. */

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
