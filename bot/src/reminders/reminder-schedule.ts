import { parseOffset } from './reminder-plan';
import { fromHelsinkiWallClock, toHelsinkiWallClock } from '../shared/i18n/helsinki-time';

/**
 * The instant a reminder is due: the days part of the offset moves along the Helsinki calendar
 * keeping the wall-clock time (so "1 day before 9.00" is 9.00 the day before, on both sides of a
 * daylight-saving change), then the hours and minutes part is subtracted as elapsed time.
 */
export function reminderDueAt(startsAt: Date, offset: string): Date {
  const parsed = parseOffset(offset);
  if (!parsed) throw new RangeError(`Not a reminder offset: ${offset}`);
  let base = startsAt;
  if (parsed.days > 0) {
    const wall = toHelsinkiWallClock(startsAt);
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - parsed.days));
    base = fromHelsinkiWallClock({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: wall.hour,
      minute: wall.minute,
    });
    base = new Date(base.getTime() + wall.second * 1000 + (startsAt.getTime() % 1000));
  }
  return new Date(base.getTime() - parsed.minutes * 60_000);
}
