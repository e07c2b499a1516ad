import type { Readable } from 'node:stream';
import type { OutgoingActivity } from '../platform/teams';
import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import { ConflictError } from '../platform/storage/errors';
import type { Logger } from '../platform/observability/logger';
import type { ParticipantRepository } from '../people';
import type { ProgrammeRepository } from '../programme';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { eventAudience } from './event-audience';
import type { PersonalLinkSigner } from '../platform/links/personal-link';
import { isHttpsUrl } from './pre-assignment-service';
import { RecordingLookupError, type RecordingFinder } from './recording-graph';
import type {
  GraphRecordingRef,
  Recording,
  RecordingDelivery,
  RecordingRepository,
} from './recording-repository';
import { personKey, type Registration } from './registration-model';

export type RecordingErrorCode =
  | 'eventNotFound'
  | 'notEnded'
  | 'badWindow'
  | 'badUrl'
  | 'graphNotConfigured'
  | 'noMeetingLink'
  | 'noRecording'
  | 'lookupFailed'
  | 'notFound'
  | 'notAvailable'
  | 'noAudience';

export class RecordingError extends Error {
  constructor(
    readonly code: RecordingErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'RecordingError';
  }
}

export interface RecordingInput {
  /** A link entered by hand (https); or `lookup` to find the recording through Graph. */
  readonly url?: string | undefined;
  readonly lookup?: boolean | undefined;
  readonly availableFrom: string;
  readonly availableUntil: string;
}

export interface RecordingServiceDeps {
  readonly recordings: RecordingRepository;
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  /** Undefined without Microsoft Graph: links are then entered by hand. */
  readonly finder: RecordingFinder | undefined;
  readonly signer: PersonalLinkSigner;
  readonly delivery: Delivery;
  /** Everyone who registered for the event, in any state; undefined for an event without registration. */
  readonly registrationsFor: (event: ProgrammeEvent) => Promise<readonly Registration[] | undefined>;
  /** Who said "I can't attend" (the reminders know). */
  readonly absentees: (event: ProgrammeEvent) => Promise<readonly TeamsIdentity[]>;
  readonly render: (
    event: ProgrammeEvent,
    recording: Recording,
    link: string,
    language: Language,
  ) => OutgoingActivity;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly publicUrl: string;
}

export type WatchAnswer =
  | { readonly kind: 'redirect'; readonly url: string }
  | {
      readonly kind: 'stream';
      readonly status: number;
      readonly stream: Readable;
      readonly contentType: string;
      readonly headers: Record<string, string>;
    };

/**
 * Recordings of past events (the trainings "Kuntien digitaalinen tulevaisuus" are also offered as
 * recordings): a link and the window it is available in, a card to those who registered but did
 * not attend and to the event's audience, and the programme shows it while it is available.
 */
export class RecordingService {
  constructor(private readonly deps: RecordingServiceDeps) {}

  get canLookUp(): boolean {
    return this.deps.finder !== undefined;
  }

  async event(roundId: string, eventId: string): Promise<ProgrammeEvent> {
    const event = (await this.deps.programme.getEvent(roundId, eventId))?.value;
    if (!event) throw new RecordingError('eventNotFound', 'There is no such event.');
    return event;
  }

  get(roundId: string, eventId: string): Promise<Recording | undefined> {
    return this.deps.recordings.get(roundId, eventId);
  }

  forRound(roundId: string): Promise<Recording[]> {
    return this.deps.recordings.forRound(roundId);
  }

  /** Finds the recording of the event's Teams meeting through Graph (a preview for the coordinator). */
  async lookup(roundId: string, eventId: string): Promise<GraphRecordingRef> {
    const event = await this.event(roundId, eventId);
    const finder = this.deps.finder;
    if (!finder) throw new RecordingError('graphNotConfigured', 'Microsoft Graph is not configured.');
    if (!event.onlineUrl) throw new RecordingError('noMeetingLink', 'The event has no Teams meeting link.');
    let found: GraphRecordingRef | undefined;
    try {
      found = await finder.find(event.onlineUrl);
    } catch (error) {
      if (error instanceof RecordingLookupError) {
        throw new RecordingError('lookupFailed', `Microsoft Graph refused the lookup (${error.status}).`);
      }
      throw error;
    }
    if (!found) throw new RecordingError('noRecording', 'The meeting has no recording (yet).');
    return found;
  }

  async save(
    roundId: string,
    eventId: string,
    input: RecordingInput,
    addedBy: string,
    ifMatch: string | undefined,
  ): Promise<Recording> {
    const event = await this.event(roundId, eventId);
    const now = this.deps.clock();
    if (event.endsAt > now.toISOString())
      throw new RecordingError('notEnded', 'The event has not ended yet.');
    if (input.availableUntil <= input.availableFrom || input.availableUntil <= now.toISOString()) {
      throw new RecordingError('badWindow', 'The recording must be available until a later time.');
    }
    const existing = await this.deps.recordings.get(roundId, eventId);
    if (existing && ifMatch !== undefined && ifMatch !== '*' && ifMatch !== existing.etag) {
      throw new ConflictError('recordings', roundId, eventId);
    }
    let source: Recording['source'] = 'manual';
    let url: string | undefined;
    let graph: GraphRecordingRef | undefined;
    if (input.lookup) {
      graph = await this.lookup(roundId, eventId);
      source = 'graph';
    } else {
      url = input.url?.trim();
      if (!url || !isHttpsUrl(url)) throw new RecordingError('badUrl', 'The link must be an https address.');
    }
    const changed =
      !existing ||
      existing.url !== url ||
      existing.graph?.recordingId !== graph?.recordingId ||
      existing.source !== source;
    const recording: Recording = {
      roundId,
      eventId,
      source,
      url,
      graph,
      availableFrom: input.availableFrom,
      availableUntil: input.availableUntil,
      version: changed ? (existing?.version ?? 0) + 1 : (existing?.version ?? 1),
      sentVersion: existing?.sentVersion,
      addedBy,
      updatedAt: now.toISOString(),
      etag: existing?.etag,
    };
    await this.deps.recordings.save(recording);
    const saved = await this.deps.recordings.get(roundId, eventId);
    if (!saved) throw new Error('The recording disappeared after saving');
    return saved;
  }

  async remove(roundId: string, eventId: string): Promise<void> {
    await this.deps.recordings.delete(roundId, eventId);
  }

  isAvailable(recording: Recording, now: Date): boolean {
    const iso = now.toISOString();
    return recording.availableFrom <= iso && iso < recording.availableUntil;
  }

  /** The link a person opens: the hand-entered one, or the app's signed link to the Graph recording. */
  async linkFor(recording: Recording, who: TeamsIdentity): Promise<string> {
    if (recording.source === 'manual' && recording.url) return recording.url;
    const token = await this.deps.signer.sign({
      purpose: 'recording',
      roundId: recording.roundId,
      itemId: recording.eventId,
      tenantId: who.tenantId,
      aadObjectId: who.aadObjectId,
      expiresAt: Math.floor(new Date(recording.availableUntil).getTime() / 1000),
    });
    return `${this.deps.publicUrl}/api/registration/links/${encodeURIComponent(recording.roundId)}/${encodeURIComponent(recording.eventId)}/recording?token=${token}`;
  }

  /** Who the recording card goes to, and why; registered-but-absent first. */
  async recipients(
    event: ProgrammeEvent,
    groups: { readonly notAttended: boolean; readonly audience: boolean },
  ): Promise<Map<string, { identity: TeamsIdentity; reason: RecordingDelivery['reason'] }>> {
    const recipients = new Map<string, { identity: TeamsIdentity; reason: RecordingDelivery['reason'] }>();
    if (groups.notAttended) {
      const registrations = (await this.deps.registrationsFor(event)) ?? [];
      const absent = await this.deps.absentees(event);
      for (const registration of registrations) {
        if (registration.status === 'confirmed') continue;
        // Someone who handed the seat on, or cancelled and registered again, counts once.
        recipients.set(personKey(registration), { identity: registration, reason: 'notAttended' });
      }
      for (const identity of absent) recipients.set(personKey(identity), { identity, reason: 'notAttended' });
      // A confirmed person is in the event, unless they said they could not come.
      for (const registration of registrations) {
        if (
          registration.status === 'confirmed' &&
          !absent.some((a) => personKey(a) === personKey(registration))
        ) {
          recipients.delete(personKey(registration));
        }
      }
    }
    if (groups.audience) {
      for (const person of eventAudience(event, await this.deps.participants.listAll(), undefined)) {
        if (!recipients.has(personKey(person))) {
          recipients.set(personKey(person), {
            identity: { tenantId: person.tenantId, aadObjectId: person.aadObjectId },
            reason: 'audience',
          });
        }
      }
    }
    return recipients;
  }

  /** Sends the recording card (each in the recipient's language) and records who got it. */
  async send(
    roundId: string,
    eventId: string,
    groups: { readonly notAttended: boolean; readonly audience: boolean },
  ): Promise<{ deliveryId: string; recipients: number; accepted: number; duplicates: number }> {
    const event = await this.event(roundId, eventId);
    const recording = await this.deps.recordings.get(roundId, eventId);
    if (!recording) throw new RecordingError('notFound', 'The event has no recording.');
    const now = this.deps.clock();
    if (recording.availableUntil <= now.toISOString()) {
      throw new RecordingError('notAvailable', 'The recording is no longer available.');
    }
    const recipients = await this.recipients(event, groups);
    if (recipients.size === 0) throw new RecordingError('noAudience', 'Nobody to send the recording to.');
    const languages = new Map(
      (await this.deps.participants.listAll()).map((person) => [personKey(person), person.language]),
    );
    const shared = new Map<Language, OutgoingActivity>();
    const messages: OutgoingMessage[] = [];
    for (const [key, { identity }] of recipients) {
      const language = languages.get(key) ?? DEFAULT_LANGUAGE;
      let activity: OutgoingActivity | undefined;
      if (recording.source === 'manual') {
        activity = shared.get(language);
        if (!activity) {
          activity = this.deps.render(event, recording, recording.url ?? '', language);
          shared.set(language, activity);
        }
      } else {
        activity = this.deps.render(event, recording, await this.linkFor(recording, identity), language);
      }
      messages.push({ target: { kind: 'person', identity }, activity });
    }
    const deliveryId = `recording:${roundId}:${eventId}:v${recording.version}`;
    const result = await this.deps.delivery.enqueue({
      deliveryId,
      purpose: 'announcement',
      messages,
      notAfter: recording.availableUntil,
      roundId,
    });
    await this.deps.recordings.recordDeliveries(
      [...recipients.values()].map(({ identity, reason }) => ({
        roundId,
        eventId,
        tenantId: identity.tenantId,
        aadObjectId: identity.aadObjectId,
        version: recording.version,
        reason,
        enqueuedAt: now.toISOString(),
      })),
    );
    await this.markSent(recording);
    this.deps.logger.info('recording cards enqueued', { deliveryId, recipients: recipients.size, ...result });
    return { deliveryId, recipients: recipients.size, ...result };
  }

  /** What a signed recording link opens, while the recording is available. */
  async watch(
    roundId: string,
    eventId: string,
    token: string,
    range: string | undefined,
  ): Promise<WatchAnswer | 'expired' | undefined> {
    const now = this.deps.clock();
    const check = await this.deps.signer.verify(
      token,
      { purpose: 'recording', roundId, itemId: eventId },
      now,
    );
    if (!check.ok) return check.reason === 'expired' ? 'expired' : undefined;
    const recording = await this.deps.recordings.get(roundId, eventId);
    if (!recording) return undefined;
    if (!this.isAvailable(recording, now)) return 'expired';
    if (recording.source === 'manual' && recording.url) return { kind: 'redirect', url: recording.url };
    if (!recording.graph || !this.deps.finder) return undefined;
    const content = await this.deps.finder.content(recording.graph, range);
    return { kind: 'stream', ...content };
  }

  private async markSent(recording: Recording): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      const current = await this.deps.recordings.get(recording.roundId, recording.eventId);
      if (!current) return;
      try {
        await this.deps.recordings.save({ ...current, sentVersion: recording.version });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || tries >= 5) throw error;
      }
    }
  }
}
