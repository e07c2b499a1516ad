/**
 * A loopback stand-in for the part of Microsoft Graph v1.0 the peer-group meetings use: calendar
 * events in a user's mailbox (`POST /users/{id}/events`, `PATCH /users/{id}/events/{id}`,
 * `POST /users/{id}/events/{id}/cancel`, `GET /users/{id}/events/{id}`).
 *
 * It checks each request against the documented shapes (event resource type; create event, update
 * event, cancel event) and answers as Graph does: 201 with the event (including
 * `onlineMeeting.joinUrl` for a Teams meeting) on create, 200 with the event on update, 202 with no
 * body on cancel, 401 without a bearer token, 404 for an unknown mailbox or event, 400 with Graph's
 * error shape for a malformed body, 415 for a body that is not JSON, and 429 with `Retry-After` when
 * a fault is injected. A create repeated with the same `transactionId` returns the event already
 * made, which is what the property is for.
 *
 * Teams meeting recordings, as the recordings lookup uses them: `GET /users/{id}/onlineMeetings`
 * with `$filter=JoinWebUrl eq '…'` (a collection holding the one meeting, or none; 400 without the
 * filter, which Graph does not serve), `GET /users/{id}/onlineMeetings/{meetingId}/recordings` (the
 * callRecording collection) and `GET …/recordings/{recordingId}/content` (the video bytes, with
 * `Content-Type: video/mp4`, honouring a `Range` request with 206). Every Teams meeting created as
 * an event becomes an online meeting; {@link GraphEmulator.addOnlineMeeting} adds one made in Teams.
 * Without an application access policy ({@link GraphEmulator.denyOnlineMeetings}) they answer 403.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface GraphEmulatorOptions {
  /** Mailboxes that exist (user principal names, case-insensitive). */
  readonly mailboxes: readonly string[];
}

export interface RecordedGraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
  readonly status: number;
}

export interface GraphAttendee {
  readonly emailAddress: { readonly address: string; readonly name?: string };
  readonly type: 'required' | 'optional' | 'resource';
  readonly status: { readonly response: string; readonly time: string };
}

export interface GraphEvent {
  readonly id: string;
  readonly iCalUId: string;
  readonly mailbox: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  attendees: GraphAttendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  transactionId: string | null;
  isCancelled: boolean;
  responseRequested: boolean;
  cancelComment: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export interface GraphFault {
  readonly status: 429 | 503;
  readonly retryAfterSeconds?: number;
  /** Only requests with this method match; any when absent. */
  readonly method?: string;
}

type Json = Record<string, unknown>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;
/** Graph takes Windows and IANA time-zone names; these are the ones a Finnish app uses. */
const TIME_ZONES = new Set(['Europe/Helsinki', 'FLE Standard Time', 'UTC']);
const PROVIDERS = new Set(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']);
const ATTENDEE_TYPES = new Set(['required', 'optional', 'resource']);
const EVENT_PROPERTIES = new Set([
  'subject',
  'body',
  'start',
  'end',
  'attendees',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'transactionId',
  'responseRequested',
  'location',
  'importance',
  'showAs',
  'isReminderOn',
  'reminderMinutesBeforeStart',
]);

class BadRequest extends Error {}

export interface GraphCallRecording {
  readonly id: string;
  readonly createdDateTime: string;
  readonly content: Buffer;
  readonly contentType: string;
}

export interface GraphOnlineMeeting {
  readonly id: string;
  readonly mailbox: string;
  readonly joinWebUrl: string;
  readonly subject: string;
  readonly recordings: GraphCallRecording[];
}

export class GraphEmulator {
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly events = new Map<string, GraphEvent>();
  private faults: GraphFault[] = [];
  private readonly log: RecordedGraphRequest[] = [];
  private readonly mailboxes: Set<string>;
  private readonly onlineMeetings = new Map<string, GraphOnlineMeeting>();
  private onlineMeetingsDenied = false;
  /** Every body that broke the documented shape, with the reason; a correct client keeps it empty. */
  readonly violations: string[] = [];

  constructor(options: GraphEmulatorOptions) {
    this.mailboxes = new Set(options.mailboxes.map((mailbox) => mailbox.toLowerCase()));
  }

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'InternalServerError', message: String(error) } }));
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next matching requests are answered with these faults, one each. */
  injectFaults(faults: readonly GraphFault[]): void {
    this.faults.push(...faults);
  }

  get requests(): readonly RecordedGraphRequest[] {
    return [...this.log];
  }

  allEvents(): GraphEvent[] {
    return [...this.events.values()];
  }

  event(id: string): GraphEvent | undefined {
    return this.events.get(id);
  }

  /** An attendee answers in Outlook: Graph then reports it in the attendee's `status`. */
  respondAs(
    eventId: string,
    email: string,
    response: 'accepted' | 'declined' | 'tentativelyAccepted',
    at: Date,
  ): void {
    const event = this.events.get(eventId);
    const attendee = event?.attendees.find(
      (candidate) => candidate.emailAddress.address.toLowerCase() === email.toLowerCase(),
    );
    if (!event || !attendee) throw new Error(`${email} is not invited to ${eventId}`);
    event.attendees = event.attendees.map((candidate) =>
      candidate === attendee ? { ...candidate, status: { response, time: at.toISOString() } } : candidate,
    );
  }

  /** A Teams meeting made in Teams itself (not through an event), e.g. a training's link. */
  addOnlineMeeting(mailbox: string, joinWebUrl: string, subject: string): GraphOnlineMeeting {
    const meeting: GraphOnlineMeeting = {
      id: Buffer.from(`1*${mailbox.toLowerCase()}*0**19:meeting_${randomUUID()}@thread.v2`).toString(
        'base64',
      ),
      mailbox: mailbox.toLowerCase(),
      joinWebUrl,
      subject,
      recordings: [],
    };
    this.onlineMeetings.set(meeting.id, meeting);
    return meeting;
  }

  /** The meeting behind a join link was recorded; returns the recording's id. */
  addRecording(joinWebUrl: string, content: Buffer, createdDateTime: string): string {
    const meeting = [...this.onlineMeetings.values()].find(
      (candidate) => candidate.joinWebUrl === joinWebUrl,
    );
    if (!meeting) throw new Error(`No online meeting has the join link ${joinWebUrl}`);
    const id = randomUUID();
    meeting.recordings.push({ id, createdDateTime, content, contentType: 'video/mp4' });
    return id;
  }

  /** Answers the online meeting endpoints 403, as Graph does without an application access policy. */
  denyOnlineMeetings(denied = true): void {
    this.onlineMeetingsDenied = denied;
  }

  reset(): void {
    this.onlineMeetings.clear();
    this.onlineMeetingsDenied = false;
    this.events.clear();
    this.faults = [];
    this.log.length = 0;
    this.violations.length = 0;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const raw = await readBody(request);
    const authorization = request.headers.authorization;
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      let parsed: unknown;
      try {
        parsed = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        parsed = raw;
      }
      this.log.push({ method, path: url.pathname, authorization, body: parsed, status });
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        'request-id': randomUUID(),
        'client-request-id': headerValue(request.headers['client-request-id']) ?? randomUUID(),
        ...(body === undefined
          ? {}
          : { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' }),
        ...headers,
      });
      response.end(text);
    };
    const error = (
      status: number,
      code: string,
      message: string,
      headers: Record<string, string> = {},
    ): void =>
      answer(
        status,
        {
          error: {
            code,
            message,
            innerError: { date: new Date().toISOString(), 'request-id': randomUUID() },
          },
        },
        headers,
      );

    if (!authorization || !/^Bearer \S+$/.test(authorization)) {
      error(401, 'InvalidAuthenticationToken', 'Access token is empty.', { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    const faultIndex = this.faults.findIndex((fault) => !fault.method || fault.method === method);
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      if (fault?.status === 429) {
        error(429, 'TooManyRequests', 'Too many requests.', {
          'Retry-After': String(fault.retryAfterSeconds ?? 1),
        });
      } else {
        error(503, 'ServiceUnavailable', 'Service unavailable.', {
          'Retry-After': String(fault?.retryAfterSeconds ?? 1),
        });
      }
      return;
    }

    const meetingsMatch =
      /^\/v1\.0\/users\/([^/]+)\/onlineMeetings(?:\/([^/]+)\/recordings(?:\/([^/]+)(\/content)?)?)?$/.exec(
        url.pathname,
      );
    if (meetingsMatch) {
      this.answerOnlineMeetings(method, url, meetingsMatch, answer, error, response, request);
      return;
    }
    const match = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+))?(\/cancel)?$/.exec(url.pathname);
    if (!match) {
      error(400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`);
      return;
    }
    const mailbox = decodeURIComponent(match[1] ?? '').toLowerCase();
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const cancel = match[3] !== undefined;
    if (!this.mailboxes.has(mailbox)) {
      error(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
      return;
    }
    if (
      (method === 'POST' || method === 'PATCH') &&
      !/^application\/json/i.test(request.headers['content-type'] ?? '')
    ) {
      error(
        415,
        'UnsupportedMediaType',
        'A supported MIME type could not be found that matches the content type of the response.',
      );
      return;
    }
    let body: Json = {};
    if (raw !== '') {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new BadRequest('not an object');
        body = parsed as Json;
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not a JSON object`);
        error(400, 'BadRequest', 'Unable to read JSON request payload.');
        return;
      }
    }

    try {
      if (method === 'POST' && !eventId) {
        this.validateEvent(body, true);
        const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
        const earlier = transactionId
          ? [...this.events.values()].find(
              (event) => event.mailbox === mailbox && event.transactionId === transactionId,
            )
          : undefined;
        if (earlier) {
          answer(201, this.resource(earlier));
          return;
        }
        const now = new Date().toISOString();
        const id = `AAMkAD${randomUUID().replace(/-/g, '')}`;
        const online = body.isOnlineMeeting === true;
        const event: GraphEvent = {
          id,
          iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`,
          mailbox,
          subject: body.subject as string,
          body: body.body as GraphEvent['body'],
          start: body.start as GraphEvent['start'],
          end: body.end as GraphEvent['end'],
          attendees: toAttendees(body.attendees),
          isOnlineMeeting: online,
          onlineMeetingProvider: online
            ? ((body.onlineMeetingProvider as string | undefined) ?? 'teamsForBusiness')
            : 'unknown',
          onlineMeeting: online
            ? {
                joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID().replace(/-/g, '')}%40thread.v2/0`,
              }
            : null,
          transactionId,
          isCancelled: false,
          responseRequested: body.responseRequested !== false,
          cancelComment: null,
          createdDateTime: now,
          lastModifiedDateTime: now,
          changeKey: randomUUID(),
        };
        this.events.set(id, event);
        // A Teams meeting made with an event is an online meeting too, as in Graph.
        if (event.onlineMeeting) this.addOnlineMeeting(mailbox, event.onlineMeeting.joinUrl, event.subject);
        answer(201, this.resource(event), {
          Location: `https://graph.microsoft.com/v1.0/users/${encodeURIComponent(mailbox)}/events/${id}`,
        });
        return;
      }
      const event = eventId ? this.events.get(eventId) : undefined;
      if (!event || event.mailbox !== mailbox) {
        error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        return;
      }
      if (method === 'GET' && !cancel) {
        const resource = this.resource(event);
        const select = url.searchParams.get('$select');
        if (!select) {
          answer(200, resource);
          return;
        }
        // $select returns the chosen properties plus the id and the ETag, as Graph does.
        const chosen = new Set(['@odata.context', '@odata.etag', 'id', ...select.split(',')]);
        answer(200, Object.fromEntries(Object.entries(resource).filter(([key]) => chosen.has(key))));
        return;
      }
      if (method === 'PATCH' && !cancel) {
        this.validateEvent(body, false);
        if (body.subject !== undefined) event.subject = body.subject as string;
        if (body.body !== undefined) event.body = body.body as GraphEvent['body'];
        if (body.start !== undefined) event.start = body.start as GraphEvent['start'];
        if (body.end !== undefined) event.end = body.end as GraphEvent['end'];
        if (body.attendees !== undefined) event.attendees = toAttendees(body.attendees);
        event.lastModifiedDateTime = new Date().toISOString();
        event.changeKey = randomUUID();
        answer(200, this.resource(event));
        return;
      }
      if (method === 'POST' && cancel) {
        const keys = Object.keys(body);
        const comment = body.comment ?? body.Comment;
        if (
          keys.some((key) => key.toLowerCase() !== 'comment') ||
          (comment !== undefined && typeof comment !== 'string')
        ) {
          throw new BadRequest('cancel takes only an optional string comment');
        }
        if (event.isCancelled) {
          error(400, 'ErrorItemNotFound', 'The meeting has already been cancelled.');
          return;
        }
        event.isCancelled = true;
        event.cancelComment = typeof comment === 'string' ? comment : null;
        answer(202);
        return;
      }
      error(405, 'Request_BadRequest', `Method ${method} is not allowed here.`);
    } catch (caught) {
      if (!(caught instanceof BadRequest)) throw caught;
      this.violations.push(`${method} ${url.pathname}: ${caught.message}`);
      error(400, 'BadRequest', caught.message);
    }
  }

  private answerOnlineMeetings(
    method: string,
    url: URL,
    match: RegExpExecArray,
    answer: (status: number, body?: unknown, headers?: Record<string, string>) => void,
    error: (status: number, code: string, message: string, headers?: Record<string, string>) => void,
    response: http.ServerResponse,
    request: http.IncomingMessage,
  ): void {
    const mailbox = decodeURIComponent(match[1] ?? '').toLowerCase();
    const meetingId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const recordingId = match[3] ? decodeURIComponent(match[3]) : undefined;
    const content = match[4] !== undefined;
    if (method !== 'GET') {
      error(405, 'Request_BadRequest', `Method ${method} is not allowed here.`);
      return;
    }
    if (!this.mailboxes.has(mailbox)) {
      error(404, 'ErrorInvalidUser', `The requested user '${mailbox}' is invalid.`);
      return;
    }
    if (this.onlineMeetingsDenied) {
      error(403, 'Forbidden', 'No application access policy found for this app.');
      return;
    }
    const base = `https://graph.microsoft.com/v1.0/$metadata#users('${mailbox}')`;
    if (!meetingId) {
      const filter = url.searchParams.get('$filter');
      const wanted = filter ? /^JoinWebUrl eq '((?:[^']|'')*)'$/.exec(filter) : null;
      if (!wanted) {
        this.violations.push(`GET ${url.pathname}: onlineMeetings needs $filter=JoinWebUrl eq '…'`);
        error(400, 'BadRequest', 'Filter on JoinWebUrl, VideoTeleconferenceId or joinMeetingId is required.');
        return;
      }
      const joinWebUrl = (wanted[1] ?? '').replace(/''/g, "'");
      const found = [...this.onlineMeetings.values()].filter(
        (meeting) => meeting.mailbox === mailbox && meeting.joinWebUrl === joinWebUrl,
      );
      answer(200, {
        '@odata.context': `${base}/onlineMeetings`,
        value: found.map((meeting) => ({
          id: meeting.id,
          joinWebUrl: meeting.joinWebUrl,
          subject: meeting.subject,
          participants: { organizer: { upn: mailbox, role: 'presenter' } },
        })),
      });
      return;
    }
    const meeting = this.onlineMeetings.get(meetingId);
    if (!meeting || meeting.mailbox !== mailbox) {
      error(404, 'NotFound', 'The online meeting was not found.');
      return;
    }
    const callRecording = (recording: GraphCallRecording): Json => ({
      id: recording.id,
      meetingId: meeting.id,
      createdDateTime: recording.createdDateTime,
      recordingContentUrl: `https://graph.microsoft.com/v1.0/users/${mailbox}/onlineMeetings/${meeting.id}/recordings/${recording.id}/content`,
      meetingOrganizer: { application: null, device: null, user: { id: mailbox, displayName: null } },
    });
    if (!recordingId) {
      answer(200, {
        '@odata.context': `${base}/onlineMeetings('${meeting.id}')/recordings`,
        '@odata.count': meeting.recordings.length,
        value: meeting.recordings.map(callRecording),
      });
      return;
    }
    const recording = meeting.recordings.find((candidate) => candidate.id === recordingId);
    if (!recording) {
      error(404, 'NotFound', 'The recording was not found.');
      return;
    }
    if (!content) {
      answer(200, callRecording(recording));
      return;
    }
    this.log.push({
      method,
      path: url.pathname,
      authorization: request.headers.authorization,
      body: undefined,
      status: 200,
    });
    const range = /^bytes=(\d+)-(\d*)$/.exec(headerValue(request.headers.range) ?? '');
    const size = recording.content.length;
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      response.writeHead(206, {
        'Content-Type': recording.contentType,
        'Content-Length': String(end - start + 1),
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Accept-Ranges': 'bytes',
      });
      response.end(recording.content.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, {
      'Content-Type': recording.contentType,
      'Content-Length': String(size),
      'Accept-Ranges': 'bytes',
    });
    response.end(recording.content);
  }

  /** The event resource type as Graph returns it (the properties this client may read). */
  private resource(event: GraphEvent): Json {
    return {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${event.mailbox}')/events/$entity`,
      '@odata.etag': `W/"${event.changeKey}"`,
      id: event.id,
      createdDateTime: event.createdDateTime,
      lastModifiedDateTime: event.lastModifiedDateTime,
      changeKey: event.changeKey,
      iCalUId: event.iCalUId,
      transactionId: event.transactionId,
      subject: event.subject,
      bodyPreview: event.body.content.slice(0, 255),
      body: event.body,
      start: event.start,
      end: event.end,
      isCancelled: event.isCancelled,
      isOrganizer: true,
      responseRequested: event.responseRequested,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider,
      onlineMeeting: event.onlineMeeting,
      attendees: event.attendees,
      organizer: { emailAddress: { name: event.mailbox, address: event.mailbox } },
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    };
  }

  private validateEvent(body: Json, creating: boolean): void {
    for (const key of Object.keys(body)) {
      if (!EVENT_PROPERTIES.has(key))
        throw new BadRequest(`Property '${key}' does not exist on type 'microsoft.graph.event'.`);
    }
    if (creating) {
      for (const key of ['subject', 'start', 'end']) {
        if (body[key] === undefined) throw new BadRequest(`A new event needs '${key}'.`);
      }
    }
    if (body.subject !== undefined && typeof body.subject !== 'string')
      throw new BadRequest('subject must be a string');
    if (body.body !== undefined) {
      const itemBody = body.body as Json;
      if (!['text', 'html'].includes(String(itemBody.contentType)) || typeof itemBody.content !== 'string') {
        throw new BadRequest('body must be an itemBody with contentType text or html and a string content');
      }
    }
    for (const key of ['start', 'end'] as const) {
      if (body[key] === undefined) continue;
      const value = body[key] as Json;
      if (typeof value.dateTime !== 'string' || !DATE_TIME.test(value.dateTime)) {
        throw new BadRequest(`${key}.dateTime must be a local date and time such as 2024-10-24T14:00:00`);
      }
      if (typeof value.timeZone !== 'string' || !TIME_ZONES.has(value.timeZone)) {
        throw new BadRequest(`${key}.timeZone must be a time zone Graph knows`);
      }
    }
    if (body.start !== undefined && body.end !== undefined) {
      const start = body.start as { dateTime: string; timeZone: string };
      const end = body.end as { dateTime: string; timeZone: string };
      if (start.timeZone === end.timeZone && end.dateTime <= start.dateTime) {
        throw new BadRequest('The end of an event must be after its start.');
      }
    }
    if (body.attendees !== undefined) {
      if (!Array.isArray(body.attendees)) throw new BadRequest('attendees must be a collection');
      for (const attendee of body.attendees as unknown[]) {
        const value = attendee as Json | null;
        const email = value?.emailAddress as Json | undefined;
        if (
          !email ||
          typeof email.address !== 'string' ||
          !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.address)
        ) {
          throw new BadRequest('Each attendee needs emailAddress.address');
        }
        if (
          value?.type !== undefined &&
          !(typeof value.type === 'string' && ATTENDEE_TYPES.has(value.type))
        ) {
          throw new BadRequest('attendee type must be required, optional or resource');
        }
      }
    }
    if (body.isOnlineMeeting !== undefined && typeof body.isOnlineMeeting !== 'boolean') {
      throw new BadRequest('isOnlineMeeting must be a boolean');
    }
    if (
      body.onlineMeetingProvider !== undefined &&
      !(typeof body.onlineMeetingProvider === 'string' && PROVIDERS.has(body.onlineMeetingProvider))
    ) {
      throw new BadRequest('onlineMeetingProvider must be a onlineMeetingProviderType');
    }
    if (body.transactionId !== undefined && typeof body.transactionId !== 'string') {
      throw new BadRequest('transactionId must be a string');
    }
    if (!creating && body.transactionId !== undefined) {
      throw new BadRequest('transactionId can only be given when the event is created');
    }
  }
}

function toAttendees(value: unknown): GraphAttendee[] {
  if (!Array.isArray(value)) return [];
  return (value as Json[]).map((attendee) => ({
    emailAddress: attendee.emailAddress as GraphAttendee['emailAddress'],
    type: (attendee.type as GraphAttendee['type'] | undefined) ?? 'required',
    status: { response: 'none', time: '0001-01-01T00:00:00Z' },
  }));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
