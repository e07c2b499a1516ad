import { municipalityName as nameIn, type Municipality } from '../shared/municipality';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { groupMessagesFor } from './group-messages';
import { formatHelsinkiDateTime, formatHelsinkiRange, helsinkiWeekday } from '../shared/i18n/helsinki-time';
import { pickText, type Language } from '../shared/i18n/language';
import type { PeerMeeting, Rsvp } from './peer-group-model';
import { cardActivity, type OutgoingActivity } from '../platform/teams';
import invitationTemplate from './invitation.card.json';
import { defineCard, renderCard, type AdaptiveCardJson } from '../shared/cards/render-card';
import { VERBS } from '../shared/cards/verbs';

export interface InvitationCardData {
  readonly notice: string;
  readonly heading: string;
  readonly title: string;
  readonly groupName: string;
  readonly lead: string;
  readonly whenLabel: string;
  readonly when: string;
  readonly whereLabel: string;
  readonly where: string;
  readonly membersLabel: string;
  readonly members: readonly { readonly name: string; readonly municipality: string }[];
  readonly agendaLabel: string;
  readonly agenda: string;
  readonly answer: string;
  readonly confirmation: string;
  readonly outlookNote: string;
  readonly footer: string;
  readonly showButtons: boolean;
  readonly acceptLabel: string;
  readonly declineLabel: string;
  readonly verb: string;
  readonly roundId: string;
  readonly meetingId: string;
  readonly sequence: number;
  readonly joinLabel: string;
  readonly joinUrl: string;
  readonly calendarLabel: string;
  readonly calendarUrl: string;
  readonly preAssignmentLinkLabel: string;
  readonly preAssignmentUrl: string;
}

/** Why the card is sent or shown. */
export type InvitationKind = 'invitation' | 'update' | 'cancelled' | 'removed' | 'rsvpReminder' | 'current';

export interface InvitationCardInput {
  readonly kind: InvitationKind;
  readonly meeting: PeerMeeting;
  readonly event: ProgrammeEvent;
  readonly member: TeamsIdentity;
  readonly language: Language;
  readonly municipalities: ReadonlyMap<string, Municipality>;
  /** The signed "add to calendar" link; empty when Outlook already has the invitation. */
  readonly calendarUrl: string;
  /** True when Microsoft Graph sent the invitation to Outlook. */
  readonly inOutlook: boolean;
  readonly rsvp: Rsvp | undefined;
  /** Shown on top in the attention colour, e.g. "this invitation has changed". */
  readonly notice?: string;
  readonly confirmation?: string;
}

const invitationCard = defineCard<InvitationCardData>(invitationTemplate);

/**
 * One member's card for a group meeting: who is in the group and from which municipality, the time
 * in Helsinki time, the Teams link, the agenda or pre-assignment, Accept / Decline carrying the
 * invitation's version (so an answer to an outdated card is caught), and "add to calendar".
 */
export function buildInvitationCard(input: InvitationCardInput): AdaptiveCardJson {
  const { meeting, event, language } = input;
  const m = groupMessagesFor(language);
  const start = new Date(meeting.startsAt);
  const end = new Date(meeting.endsAt);
  const ended = input.kind === 'cancelled' || input.kind === 'removed' || meeting.status === 'cancelled';
  const headings: Record<InvitationKind, string> = {
    invitation: m.invitationHeading,
    current: m.invitationHeading,
    update: m.updateHeading,
    cancelled: m.cancelledHeading,
    removed: m.removedHeading,
    rsvpReminder: m.rsvpReminderHeading,
  };
  const leads: Record<InvitationKind, string> = {
    invitation: m.lead,
    current: '',
    update: m.updateLead,
    cancelled: m.cancelledLead,
    removed: m.removedLead,
    rsvpReminder: m.rsvpReminderLead,
  };
  const answerIsCurrent = input.rsvp !== undefined && input.rsvp.sequence === meeting.sequence;
  const answer =
    !ended && answerIsCurrent
      ? input.rsvp?.response === 'accepted'
        ? m.answeredAccepted
        : m.answeredDeclined
      : '';
  const pre = event.preAssignment;
  const agenda = meeting.agenda
    ? pickText(meeting.agenda, language)
    : [
        pre ? pickText(pre.text, language) : '',
        event.description ? pickText(event.description, language) : '',
      ]
        .filter((text) => text !== '')
        .join('\n\n');
  return renderCard(invitationCard, {
    notice: input.notice ?? '',
    heading: headings[ended && meeting.status === 'cancelled' ? 'cancelled' : input.kind],
    title: pickText(event.title, language),
    groupName: m.group(meeting.groupIndex + 1),
    lead: leads[ended && meeting.status === 'cancelled' ? 'cancelled' : input.kind],
    whenLabel: m.whenLabel,
    when: `${helsinkiWeekday(start, language)} ${formatHelsinkiRange(start, end, language)}`,
    whereLabel: m.whereLabel,
    where: meeting.joinUrl || ended ? m.online : m.linkComing,
    membersLabel: m.membersLabel,
    members: ended
      ? []
      : meeting.members.map((member) => ({
          name: member.name,
          municipality: municipalityName(member.municipalityId, input.municipalities, language),
        })),
    agendaLabel: m.agendaLabel,
    agenda: ended ? '' : agenda,
    answer,
    confirmation: input.confirmation ?? '',
    outlookNote: input.inOutlook && !ended ? m.outlookNote : '',
    footer: m.timesAreHelsinki,
    showButtons: !ended,
    acceptLabel: m.accept,
    declineLabel: m.decline,
    verb: VERBS.rsvp,
    roundId: meeting.roundId,
    meetingId: meeting.id,
    sequence: meeting.sequence,
    joinLabel: m.join,
    joinUrl: ended ? '' : (meeting.joinUrl ?? ''),
    calendarLabel: m.addToCalendar,
    calendarUrl: input.calendarUrl,
    preAssignmentLinkLabel: m.openPreAssignment,
    preAssignmentUrl: ended || meeting.agenda ? '' : (pre?.url ?? ''),
  });
}

export function invitationActivity(input: InvitationCardInput): OutgoingActivity {
  const m = groupMessagesFor(input.language);
  const heading =
    input.kind === 'cancelled'
      ? m.cancelledHeading
      : input.kind === 'update'
        ? m.updateHeading
        : m.invitationHeading;
  const summary = `${heading}: ${pickText(input.event.title, input.language)}, ${formatHelsinkiDateTime(new Date(input.meeting.startsAt), input.language)}`;
  return cardActivity(buildInvitationCard(input), summary);
}

export function municipalityName(
  id: string | undefined,
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): string {
  const municipality = id ? municipalities.get(id) : undefined;
  return municipality ? nameIn(municipality, language) : '';
}
