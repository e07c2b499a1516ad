import { helsinkiInstant } from '../../bot/src/platform/api/inputs';

describe('a date and time a coordinator enters', () => {
  it('reads Helsinki wall-clock time across daylight saving and ISO 8601 with an offset', () => {
    expect(helsinkiInstant.parse('2025-01-15T09:00')).toBe('2025-01-15T07:00:00.000Z');
    expect(helsinkiInstant.parse('2025-06-15T09:00')).toBe('2025-06-15T06:00:00.000Z');
    expect(helsinkiInstant.parse('2025-06-15T09:00:00')).toBe('2025-06-15T06:00:00.000Z');
    expect(helsinkiInstant.parse('2025-06-15T09:00:00+03:00')).toBe('2025-06-15T06:00:00.000Z');
  });

  it('refuses dates and times that do not exist instead of rolling them over', () => {
    for (const text of ['2025-02-31T10:00', '2025-02-28T25:00', '2025-02-28T10:99', '2025-13-01T10:00']) {
      expect(helsinkiInstant.safeParse(text).success).toBe(false);
    }
    expect(helsinkiInstant.safeParse('2025-02-31T25:99').success).toBe(false);
    expect(helsinkiInstant.safeParse('tomorrow').success).toBe(false);
  });
});
