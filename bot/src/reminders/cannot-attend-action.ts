import type { CardAction, CardActionResult, Turn, TurnPerson } from '../platform/teams';
import { z } from 'zod';
import { buildReminderCard } from './reminder-card';
import { VERBS } from '../shared/cards/verbs';
import { reminderMessagesFor } from './reminder-messages';
import type { Clock } from '../platform/clock';
import type { AbsenceRepository } from './absence-repository';
import { isVisibleTo, type ProgrammeRepository } from '../programme';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ReminderCardButtons } from './reminder-card';

/** The reader's own signed "add to calendar" link of an event. */
export type ReaderCalendarLink = (
  event: ProgrammeEvent,
  reader: TeamsIdentity,
  language: Language,
) => Promise<string>;

export interface CannotAttendHooks {
  /** Another feature's part (a registration gives up the seat); its sentence joins the thank-you. */
  readonly onCannotAttend?: (
    event: ProgrammeEvent,
    who: TeamsIdentity,
    language: Language,
  ) => Promise<string | undefined>;
  readonly cardButtons?: ReminderCardButtons;
}

const eventData = z.object({
  roundId: z.string().min(1).max(200),
  eventId: z.string().min(1).max(200),
});

/**
 * "I can't attend" on a reminder card: stores the absence for (event, person), visible to
 * coordinators, and shows the same card again with a thank-you and "I can attend after all" in
 * place of the button. Pressing it twice stores one absence.
 */
export class CannotAttendAction implements CardAction<typeof eventData> {
  readonly verb = VERBS.cannotAttend;
  readonly schema = eventData;

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly absences: AbsenceRepository,
    private readonly calendarLink: ReaderCalendarLink,
    private readonly clock: Clock,
    private readonly hooks: CannotAttendHooks = {},
  ) {}

  async handle(_turn: Turn, data: z.infer<typeof eventData>, person: TurnPerson): Promise<CardActionResult> {
    const m = reminderMessagesFor(person.language);
    // Only a participant's absence is stored, under the name the roster gives (never the name
    // the sender's client declares), and only for an event they may see that has not started.
    const participant = person.participant;
    if (!person.identity || !participant?.active) return { kind: 'rejected', text: m.absenceNotAParticipant };
    const event = (await this.programme.getEvent(data.roundId, data.eventId))?.value;
    // An event the person may not see is answered like one that does not exist: nothing leaks.
    if (!event || !isVisibleTo(event, participant)) return { kind: 'rejected', text: m.eventNotFound };
    if (event.startsAt <= this.clock().toISOString()) return { kind: 'rejected', text: m.absenceTooLate };
    await this.absences.record({
      roundId: event.roundId,
      eventId: event.id,
      tenantId: person.identity.tenantId,
      aadObjectId: person.identity.aadObjectId,
      name: participant.name,
      municipalityId: participant.municipalityId,
      recordedAt: this.clock().toISOString(),
    });
    const more = await this.hooks.onCannotAttend?.(event, person.identity, person.language);
    return {
      kind: 'card',
      card: buildReminderCard(event, person.language, {
        calendar: { url: await this.calendarLink(event, person.identity, person.language) },
        confirmation: more ? `${m.absenceRecorded} ${more}` : m.absenceRecorded,
        absent: true,
        buttons: this.hooks.cardButtons?.(event, person.language) ?? [],
      }),
    };
  }
}

/**
 * "I can attend after all": takes the absence back, so a mistaken or changed "I can't attend" is
 * never final, and shows the card with the original button again. Pressing it twice is harmless.
 */
export class CanAttendAfterAllAction implements CardAction<typeof eventData> {
  readonly verb = VERBS.canAttendAfterAll;
  readonly schema = eventData;

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly absences: AbsenceRepository,
    private readonly calendarLink: ReaderCalendarLink,
    private readonly hooks: Pick<CannotAttendHooks, 'cardButtons'> = {},
  ) {}

  async handle(_turn: Turn, data: z.infer<typeof eventData>, person: TurnPerson): Promise<CardActionResult> {
    const m = reminderMessagesFor(person.language);
    const event = (await this.programme.getEvent(data.roundId, data.eventId))?.value;
    if (!event) return { kind: 'rejected', text: m.eventNotFound };
    if (!person.identity) return { kind: 'rejected', text: m.absenceNotAParticipant };
    await this.absences.remove(event.roundId, event.id, person.identity);
    return {
      kind: 'card',
      card: buildReminderCard(event, person.language, {
        calendar: await this.readerCalendar(event, person),
        confirmation: m.absenceWithdrawn,
        buttons: this.hooks.cardButtons?.(event, person.language) ?? [],
      }),
    };
  }

  /** Only a participant who may see the event gets its link; anyone may take an absence back. */
  private async readerCalendar(event: ProgrammeEvent, person: TurnPerson): Promise<{ url: string } | 'none'> {
    if (!person.identity || !person.participant?.active || !isVisibleTo(event, person.participant))
      return 'none';
    return { url: await this.calendarLink(event, person.identity, person.language) };
  }
}

/**
 * "Add to calendar" on a reminder in the channel, which many people read: the link there cannot be
 * anyone's own, so the button asks, and the answer is the same card for the one who pressed it
 * (Teams replaces it for that reader only) with their own signed link. Only a participant who may
 * see the event gets one; the card keeps their "I can't attend" state.
 */
export class ReminderCalendarAction implements CardAction<typeof eventData> {
  readonly verb = VERBS.reminderCalendar;
  readonly schema = eventData;

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly absences: AbsenceRepository,
    private readonly calendarLink: ReaderCalendarLink,
    private readonly hooks: Pick<CannotAttendHooks, 'cardButtons'> = {},
  ) {}

  async handle(_turn: Turn, data: z.infer<typeof eventData>, person: TurnPerson): Promise<CardActionResult> {
    const m = reminderMessagesFor(person.language);
    const participant = person.participant;
    if (!person.identity || !participant?.active)
      return { kind: 'rejected', text: m.calendarNotAParticipant };
    const event = (await this.programme.getEvent(data.roundId, data.eventId))?.value;
    if (!event || !isVisibleTo(event, participant)) return { kind: 'rejected', text: m.eventNotFound };
    const absent = await this.absences.has(event.roundId, event.id, person.identity);
    return {
      kind: 'card',
      card: buildReminderCard(event, person.language, {
        calendar: { url: await this.calendarLink(event, person.identity, person.language) },
        confirmation: m.calendarReady,
        absent,
        buttons: this.hooks.cardButtons?.(event, person.language) ?? [],
      }),
    };
  }
}
