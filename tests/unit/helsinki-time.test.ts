import {
  formatHelsinkiDateTime,
  formatHelsinkiRange,
  fromHelsinkiWallClock,
  helsinkiOffsetMinutes,
  toHelsinkiWallClock,
} from '../../bot/src/shared/i18n/helsinki-time';
import { resolveLanguage } from '../../bot/src/shared/i18n/language';

describe('Helsinki time', () => {
  it('writes dates the Finnish way in each language', () => {
    const kickoff = new Date('2024-08-20T06:00:00Z'); // 9.00 in Helsinki summer time
    expect(formatHelsinkiDateTime(kickoff, 'fi')).toBe('20.8.2024 klo 9.00');
    expect(formatHelsinkiDateTime(kickoff, 'sv')).toBe('20.8.2024 kl. 9.00');
    expect(formatHelsinkiDateTime(kickoff, 'en')).toBe('20.8.2024 at 9.00');
    expect(formatHelsinkiRange(kickoff, new Date('2024-08-20T13:00:00Z'), 'fi')).toBe(
      '20.8.2024 klo 9.00–16.00',
    );
  });

  it('knows both sides of the daylight-saving changes', () => {
    expect(helsinkiOffsetMinutes(new Date('2025-03-30T00:59:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(new Date('2025-03-30T01:00:00Z'))).toBe(180);
    expect(helsinkiOffsetMinutes(new Date('2025-10-26T00:59:00Z'))).toBe(180);
    expect(helsinkiOffsetMinutes(new Date('2025-10-26T01:00:00Z'))).toBe(120);
  });

  it('turns Helsinki wall-clock times into the right instants in winter and summer', () => {
    expect(fromHelsinkiWallClock({ year: 2025, month: 1, day: 15, hour: 9, minute: 0 }).toISOString()).toBe(
      '2025-01-15T07:00:00.000Z',
    );
    expect(fromHelsinkiWallClock({ year: 2025, month: 6, day: 15, hour: 9, minute: 0 }).toISOString()).toBe(
      '2025-06-15T06:00:00.000Z',
    );
    // 10.00 on the Saturday before and the Monday after the March change.
    expect(fromHelsinkiWallClock({ year: 2025, month: 3, day: 29, hour: 10, minute: 0 }).toISOString()).toBe(
      '2025-03-29T08:00:00.000Z',
    );
    expect(fromHelsinkiWallClock({ year: 2025, month: 3, day: 31, hour: 10, minute: 0 }).toISOString()).toBe(
      '2025-03-31T07:00:00.000Z',
    );
  });

  it('round-trips every hour across a year', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 3600_000) {
      const instant = new Date(t);
      const wall = toHelsinkiWallClock(instant);
      const back = fromHelsinkiWallClock(wall);
      const repeatedHour = wall.month === 10 && wall.hour === 3 && back.getTime() !== t;
      if (!repeatedHour) expect(back.getTime()).toBe(t);
    }
  });
});

describe('language', () => {
  it("prefers the participant's choice, then the client's locale, then Finnish", () => {
    expect(resolveLanguage('sv', 'en-US')).toBe('sv');
    expect(resolveLanguage(undefined, 'sv-FI')).toBe('sv');
    expect(resolveLanguage(undefined, 'en-GB')).toBe('en');
    expect(resolveLanguage(undefined, 'de-DE')).toBe('fi');
    expect(resolveLanguage(undefined, undefined)).toBe('fi');
  });
});
