import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, graphBaseUrl, graphToken } from '../platform/graph/graph-client';
import type { GraphRecordingRef } from './recording-repository';

/**
 * Teams meeting recordings through Microsoft Graph v1.0, with the app's own identity:
 *
 * 1. the meeting from its join link:
 *    `GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}'`
 *    (application permission OnlineMeetings.Read.All);
 * 2. its recordings: `GET /users/{organizer}/onlineMeetings/{meetingId}/recordings`
 *    (OnlineMeetingRecording.Read.All); the newest is the one shown;
 * 3. the video itself: `GET …/recordings/{recordingId}/content` (the same permission; a metered
 *    API), streamed to the person through the app's signed link: participants are guests from
 *    other tenants and could not open the organiser's OneDrive copy.
 *
 * Both permissions need an application access policy granted to the organiser's account
 * (`New-CsApplicationAccessPolicy`, `Grant-CsApplicationAccessPolicy`), which also limits the app to
 * that account's meetings. Graph keeps recordings only for meetings that have not expired.
 */
export interface RecordingFinder {
  /** The newest recording of the meeting behind a Teams join link; undefined when there is none. */
  find(joinUrl: string): Promise<GraphRecordingRef | undefined>;
  /** The recording's bytes as Graph sends them (passes on a Range request). */
  content(
    ref: GraphRecordingRef,
    range: string | undefined,
  ): Promise<{
    readonly status: number;
    readonly stream: Readable;
    readonly contentType: string;
    readonly headers: Record<string, string>;
  }>;
}

export interface GraphRecordingFinderSettings {
  readonly organizerUpn: string;
  readonly credential: TokenCredential;
  readonly baseUrl?: string;
}

/** Graph said no in a way the coordinator should hear about (not configured right, not allowed). */
export class RecordingLookupError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'RecordingLookupError';
  }
}

interface Collection<T> {
  readonly value?: readonly T[];
}

interface OnlineMeetingResource {
  readonly id?: unknown;
}

interface CallRecordingResource {
  readonly id?: unknown;
  readonly meetingId?: unknown;
  readonly createdDateTime?: unknown;
}

export class GraphRecordingFinder implements RecordingFinder {
  private readonly client: Client;
  private readonly organizer: string;

  constructor(private readonly settings: GraphRecordingFinderSettings) {
    this.client = createGraphClient(settings);
    this.organizer = encodeURIComponent(settings.organizerUpn);
  }

  async find(joinUrl: string): Promise<GraphRecordingRef | undefined> {
    // OData string literals double their single quotes. Graph wants the join link percent-encoded
    // inside the filter (it decodes the query once), and the SDK passes a filter on unencoded.
    const filter = `JoinWebUrl eq '${encodeURIComponent(joinUrl.replace(/'/g, "''"))}'`;
    const meetings = (await this.call(() =>
      this.client.api(`/users/${this.organizer}/onlineMeetings`).filter(filter).get(),
    )) as Collection<OnlineMeetingResource>;
    const meetingId = meetings.value?.[0]?.id;
    if (typeof meetingId !== 'string' || meetingId === '') return undefined;
    const recordings = (await this.call(() =>
      this.client
        .api(`/users/${this.organizer}/onlineMeetings/${encodeURIComponent(meetingId)}/recordings`)
        .get(),
    )) as Collection<CallRecordingResource>;
    const newest = [...(recordings.value ?? [])]
      .filter(
        (recording): recording is { id: string; createdDateTime: string } =>
          typeof recording.id === 'string' && typeof recording.createdDateTime === 'string',
      )
      .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime))[0];
    return newest ? { meetingId, recordingId: newest.id, createdAt: newest.createdDateTime } : undefined;
  }

  async content(ref: GraphRecordingRef, range: string | undefined) {
    const token = await graphToken(this.settings.credential);
    const url =
      `${graphBaseUrl(this.settings.baseUrl)}/v1.0/users/${this.organizer}/onlineMeetings/` +
      `${encodeURIComponent(ref.meetingId)}/recordings/${encodeURIComponent(ref.recordingId)}/content`;
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token.token}`, ...(range ? { Range: range } : {}) },
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new RecordingLookupError(response.status, `Graph answered ${response.status} for the recording`);
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-length', 'content-range', 'accept-ranges']) {
      const value = response.headers.get(name);
      if (value) headers[name] = value;
    }
    return {
      status: response.status,
      stream: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      contentType: response.headers.get('content-type') ?? 'video/mp4',
      headers,
    };
  }

  /** A refusal (403 without the access policy, 404 for an expired meeting) as a named error. */
  private async call(request: () => Promise<unknown>): Promise<unknown> {
    try {
      return await request();
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        throw new RecordingLookupError(status, `Graph answered ${status}`);
      }
      throw error;
    }
  }
}
