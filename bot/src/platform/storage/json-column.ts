import type { z } from 'zod';

/** A stored JSON column that does not fit its schema: a bug or a hand edit, never the user's fault. */
export class StoredDataError extends Error {
  constructor(
    readonly column: string,
    readonly issue: string,
  ) {
    super(`The stored ${column} could not be read: ${issue}`);
    this.name = 'StoredDataError';
  }
}

export interface JsonColumn<T> {
  /** The text to store. */
  write(value: T): string;
  /**
   * The stored value, checked against the schema. A blank column reads as the fallback when the
   * column has one; anything else that does not fit is a {@link StoredDataError} (the turn or the
   * request fails visibly and is logged, instead of quietly reading as something else).
   */
  read(text: unknown): T;
}

/** One way to keep structured values in a Table Storage string column. */
export function jsonColumn<T>(
  column: string,
  schema: z.ZodType<T>,
  options: { readonly whenBlank?: () => T } = {},
): JsonColumn<T> {
  return {
    write: (value) => JSON.stringify(value),
    read: (text) => {
      if (text === undefined || text === null || text === '') {
        if (options.whenBlank) return options.whenBlank();
        throw new StoredDataError(column, 'the column is empty');
      }
      if (typeof text !== 'string') throw new StoredDataError(column, 'the column is not text');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (error instanceof SyntaxError) throw new StoredDataError(column, 'the column is not JSON');
        throw error;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new StoredDataError(column, first ? `${first.path.join('.')}: ${first.code}` : 'invalid');
      }
      return parsed.data;
    },
  };
}
