import { z } from 'zod';
import { jsonColumn, StoredDataError } from '../../bot/src/platform/storage/json-column';

const column = jsonColumn('test column', z.object({ fi: z.string(), count: z.number().int() }));

describe('a stored JSON column', () => {
  it('reads back what it wrote', () => {
    expect(column.read(column.write({ fi: 'Hämeenlinna', count: 3 }))).toEqual({
      fi: 'Hämeenlinna',
      count: 3,
    });
  });

  it('names the column when the stored text is not JSON, not of the schema, or missing', () => {
    expect(() => column.read('{not json')).toThrow(StoredDataError);
    expect(() => column.read('{"fi":"x","count":"3"}')).toThrow(/test column.*count/);
    expect(() => column.read(undefined)).toThrow(/test column.*empty/);
    expect(() => column.read(42)).toThrow(/not text/);
  });

  it('reads a blank column as its fallback only when it has one', () => {
    const list = jsonColumn('list', z.array(z.string()), { whenBlank: () => [] });
    expect(list.read('')).toEqual([]);
    expect(list.read(undefined)).toEqual([]);
    expect(() => list.read('{}')).toThrow(StoredDataError);
  });
});
