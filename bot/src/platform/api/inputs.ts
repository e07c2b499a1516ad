import { z } from 'zod';
import { fromWallClockText, WALL_CLOCK_PATTERN } from '../../shared/i18n/helsinki-time';

/**
 * An instant a coordinator enters: Helsinki wall-clock time as a `datetime-local` input gives it
 * (`2025-09-01T09:00`), or ISO 8601 with an offset. A date that does not exist (31.2., 25:99) is
 * refused, never rolled over into another day. The parsed value is an ISO 8601 UTC string.
 */
export const helsinkiInstant = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    if (WALL_CLOCK_PATTERN.test(value)) {
      const instant = fromWallClockText(value);
      if (instant) return instant.toISOString();
      ctx.addIssue({ code: 'custom', message: 'no such date or time' });
      return z.NEVER;
    }
    if (!z.iso.datetime({ offset: true }).safeParse(value).success || Number.isNaN(Date.parse(value))) {
      ctx.addIssue({ code: 'custom', message: 'an ISO 8601 time, with an offset or as Helsinki time' });
      return z.NEVER;
    }
    return new Date(value).toISOString();
  });
