import type { TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../platform/graph/graph-client';
import { toHelsinkiWallClock } from '../shared/i18n/helsinki-time';

/**
 * The peer-group meetings as Outlook events with a Teams meeting, in the organiser's calendar with
 * the members as required attendees: Outlook and Teams then send the real invitations, updates and
 * cancellations. Application permission Calendars.ReadWrite on the organiser's mailbox is needed
 * (an application access policy should restrict it to that mailbox).
 */
export interface GraphMeetingRequest {
  /** Stable per meeting: Graph answers a retried create with the event it already made. */
  readonly transactionId: string;
  readonly subject: string;
  /** Plain text; Outlook shows it as the body of the invitation. */
  readonly body: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly attendees: readonly { readonly name: string; readonly email: string }[];
}

export interface GraphMeeting {
  readonly eventId: string;
  readonly joinUrl: string | undefined;
}

/** An attendee's answer in Outlook (Graph's responseStatus). */
export interface OutlookResponse {
  readonly email: string;
  readonly response: 'accepted' | 'declined' | 'tentativelyAccepted' | 'none' | 'notResponded' | 'organizer';
  /** When they answered (ISO 8601); Graph's 0001-01-01 for no answer. */
  readonly time: string;
}

export interface GraphCalendar {
  create(request: GraphMeetingRequest): Promise<GraphMeeting>;
  /** What each attendee answered in Outlook or Teams' own meeting invitation. */
  responses(eventId: string): Promise<OutlookResponse[]>;
  update(eventId: string, request: Omit<GraphMeetingRequest, 'transactionId'>): Promise<GraphMeeting>;
  cancel(eventId: string, comment: string): Promise<void>;
}

export interface GraphCalendarSettings {
  readonly organizerUpn: string;
  readonly credential: TokenCredential;
  /** `https://graph.microsoft.com` in production; the loopback emulator in tests. */
  readonly baseUrl?: string;
  /** Retries of 429 and 5xx answers (Retry-After honoured); default 3. */
  readonly maxRetries?: number;
}

/** Graph takes IANA names in `timeZone` as well as Windows names (`FLE Standard Time`). */
const TIME_ZONE = 'Europe/Helsinki';

/** Graph's event resource, as far as we read it. */
interface GraphEventResponse {
  readonly id?: unknown;
  readonly onlineMeeting?: { readonly joinUrl?: unknown } | null;
}

export class GraphClientCalendar implements GraphCalendar {
  private readonly client: Client;
  private readonly organizer: string;

  constructor(settings: GraphCalendarSettings) {
    this.client = createGraphClient(settings);
    this.organizer = encodeURIComponent(settings.organizerUpn);
  }

  async create(request: GraphMeetingRequest): Promise<GraphMeeting> {
    const created = (await this.client.api(`/users/${this.organizer}/events`).post({
      ...eventBody(request),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      transactionId: request.transactionId,
    })) as GraphEventResponse;
    return toMeeting(created);
  }

  async update(eventId: string, request: Omit<GraphMeetingRequest, 'transactionId'>): Promise<GraphMeeting> {
    const updated = (await this.client
      .api(`/users/${this.organizer}/events/${encodeURIComponent(eventId)}`)
      .patch(eventBody(request))) as GraphEventResponse;
    return toMeeting(updated);
  }

  async responses(eventId: string): Promise<OutlookResponse[]> {
    const event = (await this.client
      .api(`/users/${this.organizer}/events/${encodeURIComponent(eventId)}`)
      .select(['attendees'])
      .get()) as { attendees?: unknown };
    const attendees = Array.isArray(event.attendees) ? (event.attendees as GraphAttendee[]) : [];
    return attendees.flatMap((attendee): OutlookResponse[] => {
      const email = attendee.emailAddress?.address;
      const response = attendee.status?.response;
      if (typeof email !== 'string' || !isResponse(response)) return [];
      return [
        { email, response, time: typeof attendee.status?.time === 'string' ? attendee.status.time : '' },
      ];
    });
  }

  async cancel(eventId: string, comment: string): Promise<void> {
    await this.client
      .api(`/users/${this.organizer}/events/${encodeURIComponent(eventId)}/cancel`)
      .post({ comment });
  }
}

interface GraphAttendee {
  readonly emailAddress?: { readonly address?: unknown };
  readonly status?: { readonly response?: unknown; readonly time?: unknown };
}

const RESPONSES = [
  'accepted',
  'declined',
  'tentativelyAccepted',
  'none',
  'notResponded',
  'organizer',
] as const;

function isResponse(value: unknown): value is OutlookResponse['response'] {
  return typeof value === 'string' && (RESPONSES as readonly string[]).includes(value);
}

function eventBody(request: Omit<GraphMeetingRequest, 'transactionId'>): Record<string, unknown> {
  return {
    subject: request.subject,
    body: { contentType: 'text', content: request.body },
    start: { dateTime: helsinkiDateTime(request.startsAt), timeZone: TIME_ZONE },
    end: { dateTime: helsinkiDateTime(request.endsAt), timeZone: TIME_ZONE },
    attendees: request.attendees.map((attendee) => ({
      emailAddress: { address: attendee.email, name: attendee.name },
      type: 'required',
    })),
    responseRequested: true,
  };
}

/** `2024-10-24T14:00:00`: Helsinki wall-clock time, read by Graph in the given time zone. */
export function helsinkiDateTime(instant: Date): string {
  const wall = toHelsinkiWallClock(instant);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

function toMeeting(event: GraphEventResponse): GraphMeeting {
  if (typeof event.id !== 'string' || event.id === '') throw new Error('Graph answered without an event id');
  const joinUrl = event.onlineMeeting?.joinUrl;
  return { eventId: event.id, joinUrl: typeof joinUrl === 'string' && joinUrl !== '' ? joinUrl : undefined };
}
