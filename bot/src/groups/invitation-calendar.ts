import type { Municipality } from '../shared/municipality';
import type { ProgrammeEvent } from '../shared/programme-event';
import { groupMessagesFor } from './group-messages';
import { pickText, type Language } from '../shared/i18n/language';
import { municipalityName } from './invitation-card';
import {
  buildCalendar,
  calendarFileName,
  calendarMimeType,
  EVENT_UID_DOMAIN,
  eventUid,
  type CalendarMethod,
  type CalendarPerson,
} from '../shared/icalendar';
import { memberIdOf, type PeerMeeting, type RsvpResponse } from './peer-group-model';

/** Fixed, so every download of the same meeting updates the same calendar entry. */
export const INVITATION_UID_DOMAIN = EVENT_UID_DOMAIN;

export const DEFAULT_ORGANIZER: CalendarPerson = {
  name: 'Digiverkosto (Kuntaliitto)',
  email: 'digiverkosto@kuntaliitto.fi',
};

export interface InvitationFile {
  readonly method: CalendarMethod;
  readonly text: string;
  readonly contentType: string;
  readonly fileName: string;
}

/** The UID of a meeting's calendar entry, the same in every version and in the cancellation. */
export function meetingUid(meeting: Pick<PeerMeeting, 'roundId' | 'id'>): string {
  return eventUid('peer-meeting', `${meeting.roundId}/${meeting.id}`, INVITATION_UID_DOMAIN);
}

/**
 * The meeting as an RFC 5545 / 5546 invitation: METHOD:REQUEST with the current SEQUENCE while it
 * stands, METHOD:CANCEL once it is cancelled or the member is no longer in the group. Members
 * without an email address cannot be attendees; the organiser stands in if nobody has one.
 *
 * A member who has already answered this version (Accept or Decline in Teams) is not asked again:
 * they get the meeting as a plain calendar entry (METHOD:PUBLISH), shown as free time if they
 * declined. Others get the request, with the answers known so far on each attendee.
 */
export function buildInvitationFile(input: {
  readonly meeting: PeerMeeting;
  readonly event: ProgrammeEvent;
  readonly language: Language;
  readonly municipalities: ReadonlyMap<string, Municipality>;
  /** False when the member asking was taken out of the group: they get the cancellation. */
  readonly stillMember: boolean;
  readonly organizer: CalendarPerson;
  readonly now: Date;
  /** The answers to the current version, by member (`tenantId|aadObjectId`). */
  readonly answers?: ReadonlyMap<string, RsvpResponse>;
  /** Who downloads the file (`tenantId|aadObjectId`). */
  readonly reader?: string;
}): InvitationFile {
  const { meeting, event, language } = input;
  const m = groupMessagesFor(language);
  const cancelled = meeting.status === 'cancelled' || !input.stillMember;
  const own = input.reader ? input.answers?.get(input.reader) : undefined;
  const method: CalendarMethod = cancelled ? 'CANCEL' : own ? 'PUBLISH' : 'REQUEST';
  const title = `${pickText(event.title, language)} – ${m.group(meeting.groupIndex + 1)}`;
  const memberList = meeting.members
    .map((member) => {
      const place = municipalityName(member.municipalityId, input.municipalities, language);
      return place ? `${member.name} (${place})` : member.name;
    })
    .join(', ');
  const agenda = meeting.agenda
    ? pickText(meeting.agenda, language)
    : event.preAssignment
      ? pickText(event.preAssignment.text, language)
      : '';
  const attendees = meeting.members
    .filter((member): member is typeof member & { email: string } => isEmail(member.email))
    .map((member): CalendarPerson => {
      const answer = input.answers?.get(memberIdOf(member));
      return {
        name: member.name,
        email: member.email,
        ...(answer ? { partstat: answer === 'accepted' ? 'ACCEPTED' : 'DECLINED' } : {}),
      };
    });
  const text = buildCalendar(
    method,
    [
      {
        uid: meetingUid(meeting),
        sequence: meeting.sequence,
        title,
        description: [m.calendarDescription(memberList), agenda].filter((part) => part !== '').join('\n\n'),
        location: m.online,
        ...(meeting.joinUrl ? { url: meeting.joinUrl } : {}),
        startsAt: new Date(meeting.startsAt),
        endsAt: new Date(meeting.endsAt),
        organizer: input.organizer,
        ...(method === 'PUBLISH' ? {} : { attendees: attendees.length > 0 ? attendees : [input.organizer] }),
        ...(own === 'declined' ? { free: true } : {}),
        lastModified: new Date(meeting.updatedAt),
      },
    ],
    { dtstamp: input.now, ...(cancelled || own === 'declined' ? {} : { reminderMinutesBefore: 15 }) },
  );
  return { method, text, contentType: calendarMimeType(method), fileName: calendarFileName(title) };
}

function isEmail(value: string | undefined): boolean {
  return (
    value !== undefined && /^[^\s"<>()[\]\\,;:@]+@[^\s"<>()[\]\\,;:@]+\.[^\s"<>()[\]\\,;:@]+$/.test(value)
  );
}
