import type { ProgrammeEventType } from '../shared/programme-event';

/**
 * When reminders of a programme event go out, and where. Offsets are written like ISO 8601
 * durations: `P14D`, `P1D`, `PT1H`, `PT15M`, `P1DT2H`.
 *
 * What "before" means, decided for people rather than for clocks: the days part is counted on
 * the Helsinki calendar and keeps the Helsinki wall-clock time, so "7 days before" a workshop at
 * 9.00 is 9.00 a week earlier even when daylight saving time changed in between (7 × 24 hours would
 * make it 8.00 or 10.00). The hours and minutes part is elapsed time: "1 hour before" is always
 * sixty minutes before the start.
 */
export interface ReminderSpec {
  readonly offset: string;
  /** Posted in the network's team channel. */
  readonly channel: boolean;
  /** Sent personally to each person in the event's audience. */
  readonly personal: boolean;
}

export interface ReminderPlan {
  readonly roundId: string;
  readonly eventId: string;
  readonly reminders: readonly ReminderSpec[];
  /** False when the plan is the event type's default (nothing stored for the event). */
  readonly custom: boolean;
  readonly updatedAt: string | undefined;
  readonly updatedBy: string | undefined;
  readonly etag: string | undefined;
}

export interface ReminderOffset {
  readonly days: number;
  readonly minutes: number;
}

const OFFSET_PATTERN = /^P(?:(\d{1,2})D)?(?:T(?:(\d{1,2})H)?(?:(\d{1,3})M)?)?$/;

/** Parses an offset; undefined for anything but days, hours and minutes, or a zero offset. */
export function parseOffset(offset: string): ReminderOffset | undefined {
  const match = OFFSET_PATTERN.exec(offset);
  if (!match || offset.endsWith('T')) return undefined;
  const days = Number(match[1] ?? 0);
  const minutes = Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  if (days === 0 && minutes === 0) return undefined;
  if (days > 60 || minutes > 7 * 24 * 60) return undefined;
  return { days, minutes };
}

export function isValidOffset(offset: string): boolean {
  return parseOffset(offset) !== undefined;
}

/** Earliest reminder first. */
export function compareOffsetsDescending(a: string, b: string): number {
  const x = parseOffset(a);
  const y = parseOffset(b);
  return (y?.days ?? 0) * 1440 + (y?.minutes ?? 0) - ((x?.days ?? 0) * 1440 + (x?.minutes ?? 0));
}

const both = (offset: string): ReminderSpec => ({ offset, channel: true, personal: true });
const personalOnly = (offset: string): ReminderSpec => ({ offset, channel: false, personal: true });

/**
 * Defaults by event type: in-person days two weeks and a day ahead (travel to Helsinki needs
 * planning); remote workshops and trainings a week, a day and an hour ahead; top-management
 * discussions a day and a quarter of an hour ahead, and only to the group itself; a municipality's
 * own workshops only to that municipality's people, never in the network-wide channel.
 */
export const DEFAULT_REMINDERS: Readonly<Record<ProgrammeEventType, readonly ReminderSpec[]>> = {
  kickoff: [both('P14D'), both('P1D')],
  closingDay: [both('P14D'), both('P1D')],
  developmentWorkshop: [both('P7D'), both('P1D'), both('PT1H')],
  training: [both('P7D'), both('P1D'), both('PT1H')],
  leadershipDiscussion: [personalOnly('P1D'), personalOnly('PT15M')],
  roadmapLeadershipWorkshop: [personalOnly('P7D'), personalOnly('P1D')],
  roadmapContentWorkshop: [personalOnly('P7D'), personalOnly('P1D')],
};

export function defaultReminders(type: ProgrammeEventType): readonly ReminderSpec[] {
  return DEFAULT_REMINDERS[type];
}
