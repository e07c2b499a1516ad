import { placeLine, typeLabelFor, type ProgrammeEvent } from '../shared/programme-event';
import { formatHelsinkiDateTime, formatHelsinkiRange, helsinkiWeekday } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import { reminderMessagesFor, timeLeft } from './reminder-messages';
import { cardActivity, type OutgoingActivity } from '../platform/teams';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import reminderTemplate from './reminder.card.json';
import { VERBS } from '../shared/cards/verbs';

export interface ReminderCardData {
  readonly heading: string;
  readonly title: string;
  readonly typeName: string;
  readonly lead: string;
  readonly whenLabel: string;
  readonly when: string;
  readonly whereLabel: string;
  readonly where: string;
  readonly preAssignmentLabel: string;
  readonly preAssignment: string;
  readonly preAssignmentDue: string;
  readonly preAssignmentLinkLabel: string;
  readonly preAssignmentUrl: string;
  readonly joinLabel: string;
  readonly joinUrl: string;
  readonly calendarLabel: string;
  readonly calendarUrl: string;
  readonly calendarVerb: string;
  readonly askCalendar: boolean;
  readonly cannotAttendLabel: string;
  readonly verb: string;
  readonly roundId: string;
  readonly eventId: string;
  readonly showCannotAttend: boolean;
  readonly undoLabel: string;
  readonly undoVerb: string;
  readonly showUndo: boolean;
  readonly confirmation: string;
  readonly footer: string;
  readonly extraButtons: readonly ReminderCardButton[];
}

/**
 * A button another feature adds to the reminder card (the pre-assignment's "hand in"): an
 * `Action.Execute` with that feature's verb and data, answered by that feature's card action.
 */
export interface ReminderCardButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string>>;
}

/** The buttons other features add for an event, in the reader's language. */
export type ReminderCardButtons = (
  event: ProgrammeEvent,
  language: Language,
) => readonly ReminderCardButton[];

export interface ReminderCardOptions {
  /** When the reminder is written (sent), for the "the event is tomorrow" line; none leaves it out. */
  readonly now?: Date | undefined;
  /**
   * "Add to calendar": the reader's own signed link to the event's .ics, or on a card many read (a
   * channel post) a button that answers each reader with their own link; 'none' leaves it out.
   */
  readonly calendar: { readonly url: string } | 'ask' | 'none';
  /** Shown after "I can't attend" (or its undo) was pressed. */
  readonly confirmation?: string;
  /** The reader has said they cannot attend: the card offers "I can attend after all" instead. */
  readonly absent?: boolean;
  /** Buttons of other features for this event (none by default). */
  readonly buttons?: readonly ReminderCardButton[];
}

const reminderCard = defineCard<ReminderCardData>(reminderTemplate);

/**
 * A reminder of one programme event in one language: what and when (Helsinki time, written the
 * Finnish way), the place with its address or the button to join online, the pre-assignment with
 * its link, "add to calendar" and "I can't attend".
 */
export function buildReminderCard(
  event: ProgrammeEvent,
  language: Language,
  options: ReminderCardOptions,
): AdaptiveCardJson {
  const m = reminderMessagesFor(language);
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const where = event.place ? placeLine(event.place, language) : event.onlineUrl ? m.online : '';
  const pre = event.preAssignment;
  return renderCard(reminderCard, {
    heading: m.heading,
    title: pickText(event.title, language),
    typeName: typeLabelFor(event, language),
    lead: options.now ? m.startsIn(timeLeft(options.now, start)) : '',
    whenLabel: m.whenLabel,
    when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, end, language)}`,
    whereLabel: m.whereLabel,
    where,
    preAssignmentLabel: m.preAssignment,
    preAssignment: pre ? pickText(pre.text, language) : '',
    preAssignmentDue: pre?.dueAt
      ? m.preAssignmentDue(formatHelsinkiDateTime(new Date(pre.dueAt), language))
      : '',
    preAssignmentLinkLabel: m.openPreAssignment,
    preAssignmentUrl: pre?.url ?? '',
    joinLabel: m.join,
    joinUrl: event.onlineUrl ?? '',
    calendarLabel: m.addToCalendar,
    calendarUrl: typeof options.calendar === 'object' ? options.calendar.url : '',
    calendarVerb: VERBS.reminderCalendar,
    askCalendar: options.calendar === 'ask',
    cannotAttendLabel: m.cannotAttend,
    verb: VERBS.cannotAttend,
    roundId: event.roundId,
    eventId: event.id,
    showCannotAttend: options.absent !== true,
    undoLabel: m.canAttendAfterAll,
    undoVerb: VERBS.canAttendAfterAll,
    showUndo: options.absent === true,
    confirmation: options.confirmation ?? '',
    footer: m.timesAreHelsinki,
    extraButtons: options.buttons ?? [],
  });
}

/** The reminder as a message activity, with a notification summary in the same language. */
export function reminderActivity(
  event: ProgrammeEvent,
  language: Language,
  options: ReminderCardOptions,
): OutgoingActivity {
  const m = reminderMessagesFor(language);
  const summary = `${m.heading}: ${pickText(event.title, language)}, ${formatHelsinkiDateTime(new Date(event.startsAt), language)}`;
  return cardActivity(buildReminderCard(event, language, options), summary);
}
