import { cardActivity, type OutgoingActivity } from '../platform/teams';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';
import { formatHelsinkiDateTime, formatHelsinkiRange, helsinkiWeekday } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import type { ProgrammeEvent } from '../shared/programme-event';
import preAssignmentTemplate from './pre-assignment.card.json';
import type { HandIn } from './pre-assignment-repository';
import { PreAssignmentService } from './pre-assignment-service';
import { registrationMessagesFor } from './registration-messages';

export interface PreAssignmentCardData {
  readonly notice: string;
  readonly heading: string;
  readonly title: string;
  readonly when: string;
  readonly lead: string;
  readonly assignment: string;
  readonly due: string;
  readonly handedIn: string;
  readonly open: boolean;
  readonly textLabel: string;
  readonly textPlaceholder: string;
  readonly text: string;
  readonly urlLabel: string;
  readonly url: string;
  readonly doneLabel: string;
  readonly done: string;
  readonly closedNote: string;
  readonly confirmation: string;
  readonly footer: string;
  readonly submitLabel: string;
  readonly verb: string;
  readonly roundId: string;
  readonly eventId: string;
  readonly materialLabel: string;
  readonly materialUrl: string;
}

const preAssignmentCard = defineCard<PreAssignmentCardData>(preAssignmentTemplate);

export interface PreAssignmentCardInput {
  readonly event: ProgrammeEvent;
  readonly language: Language;
  readonly now: Date;
  readonly handIn: HandIn | undefined;
  /** The reminder before the due time says so on top. */
  readonly reminder?: boolean;
  readonly notice?: string;
  readonly confirmation?: string;
  /** What the person typed into a hand-in that was refused, shown again so nothing is lost. */
  readonly draft?: { readonly text?: string; readonly url?: string; readonly done?: boolean };
}

/**
 * The pre-assignment with its hand-in form: a written answer, a link, or "done", prefilled with what
 * the person handed in before, open until the due time.
 */
export function buildPreAssignmentCard(input: PreAssignmentCardInput): AdaptiveCardJson {
  const { event, language, handIn } = input;
  const m = registrationMessagesFor(language);
  const p = m.preAssignment;
  const pre = event.preAssignment;
  const deadline = PreAssignmentService.deadlineOf(event);
  const deadlineText = formatHelsinkiDateTime(new Date(deadline), language);
  const open = input.now.toISOString() < deadline;
  const start = new Date(event.startsAt);
  return renderCard(preAssignmentCard, {
    notice: input.notice ?? '',
    heading: input.reminder ? p.reminderHeading : p.heading,
    title: pickText(event.title, language),
    when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, new Date(event.endsAt), language)}`,
    lead: input.reminder ? p.reminderLead(deadlineText) : '',
    assignment: pre ? pickText(pre.text, language) : '',
    // The reminder's lead already says when it is due.
    due: !open
      ? p.closedNote
      : input.reminder
        ? ''
        : `${p.due(deadlineText)} ${handIn ? p.changeUntil(deadlineText) : ''}`.trim(),
    handedIn: handIn ? p.handedIn(formatHelsinkiDateTime(new Date(handIn.updatedAt), language)) : '',
    open,
    textLabel: p.textLabel,
    textPlaceholder: p.textPlaceholder,
    text: input.draft?.text ?? handIn?.text ?? '',
    urlLabel: p.urlLabel,
    url: input.draft?.url ?? handIn?.url ?? '',
    doneLabel: p.doneLabel,
    done: (input.draft?.done ?? handIn?.done) ? 'true' : 'false',
    closedNote: p.closedNote,
    confirmation: input.confirmation ?? '',
    footer: m.timesAreHelsinki,
    submitLabel: p.submit,
    verb: VERBS.preAssignmentHandIn,
    roundId: event.roundId,
    eventId: event.id,
    materialLabel: p.openMaterial,
    materialUrl: pre?.url ?? '',
  });
}

export function preAssignmentActivity(input: PreAssignmentCardInput): OutgoingActivity {
  const p = registrationMessagesFor(input.language).preAssignment;
  const heading = input.reminder ? p.reminderHeading : p.heading;
  return cardActivity(
    buildPreAssignmentCard(input),
    `${heading}: ${pickText(input.event.title, input.language)}`,
  );
}
