import type { OutgoingActivity } from '../platform/teams';
import type { Clock } from '../platform/clock';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { ParticipantRepository } from '../people';
import { isVisibleTo, type ProgrammeRepository } from '../programme';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import { eventAudience } from './event-audience';
import type { HandIn, PreAssignmentRepository } from './pre-assignment-repository';
import { personKey } from './registration-model';

export type PreAssignmentErrorCode =
  'eventNotFound' | 'notFound' | 'closed' | 'empty' | 'badUrl' | 'notForYou';

export class PreAssignmentError extends Error {
  constructor(
    readonly code: PreAssignmentErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'PreAssignmentError';
  }
}

export interface HandInInput {
  readonly text?: string | undefined;
  readonly url?: string | undefined;
  readonly done?: boolean | undefined;
}

export const HAND_IN_TEXT_MAX = 4000;

export interface MunicipalityCompletion {
  readonly municipalityId: string;
  /** People the pre-assignment is for (the confirmed, when the event has a registration). */
  readonly audience: number;
  readonly handedIn: number;
}

export interface PreAssignmentServiceDeps {
  readonly handIns: PreAssignmentRepository;
  readonly programme: ProgrammeRepository;
  readonly participants: ParticipantRepository;
  /** The confirmed of an event with a registration; undefined for an event without one. */
  readonly confirmedFor: (event: ProgrammeEvent) => Promise<TeamsIdentity[] | undefined>;
  readonly delivery: Delivery;
  /** The reminder card in a language: the pre-assignment with its hand-in form. */
  readonly reminderCard: (event: ProgrammeEvent, language: Language) => OutgoingActivity;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The one reminder goes this many hours before the due time. */
  readonly reminderHours: number;
}

/**
 * Pre-assignments that can be handed in: a written answer, a link or simply "done", changeable
 * until the due time (or the start, when no due time is set). Coordinators see completion per
 * municipality and the answers; one reminder goes to those who have not handed in.
 */
export class PreAssignmentService {
  constructor(private readonly deps: PreAssignmentServiceDeps) {}

  /** Until when hand-ins are taken and changed. */
  static deadlineOf(event: ProgrammeEvent): string {
    return event.preAssignment?.dueAt ?? event.startsAt;
  }

  async event(roundId: string, eventId: string): Promise<ProgrammeEvent> {
    const event = (await this.deps.programme.getEvent(roundId, eventId))?.value;
    if (!event) throw new PreAssignmentError('eventNotFound', 'There is no such event.');
    if (!event.preAssignment) throw new PreAssignmentError('notFound', 'The event has no pre-assignment.');
    return event;
  }

  async handIn(roundId: string, eventId: string, who: TeamsIdentity, input: HandInInput): Promise<HandIn> {
    const event = await this.event(roundId, eventId);
    const now = this.deps.clock();
    if (now.toISOString() >= PreAssignmentService.deadlineOf(event)) {
      throw new PreAssignmentError('closed', 'The due time has passed.');
    }
    const participant = (await this.deps.participants.get(who))?.value;
    if (!participant || !isVisibleTo(event, participant)) {
      throw new PreAssignmentError('notForYou', 'The pre-assignment is not for this person.');
    }
    const text = input.text?.trim() || undefined;
    const url = input.url?.trim() || undefined;
    if (text && text.length > HAND_IN_TEXT_MAX)
      throw new PreAssignmentError('empty', 'The answer is too long.');
    if (url && !isHttpsUrl(url)) throw new PreAssignmentError('badUrl', 'The link must be https.');
    const done = input.done === true;
    if (!text && !url && !done) throw new PreAssignmentError('empty', 'Nothing to hand in.');
    const earlier = await this.deps.handIns.get(roundId, eventId, who);
    const at = now.toISOString();
    const handIn: HandIn = {
      roundId,
      eventId,
      tenantId: who.tenantId,
      aadObjectId: who.aadObjectId,
      name: participant.name,
      municipalityId: participant.municipalityId,
      text,
      url,
      done,
      submittedAt: earlier?.submittedAt ?? at,
      updatedAt: at,
    };
    await this.deps.handIns.save(handIn);
    return handIn;
  }

  mine(event: ProgrammeEvent, who: TeamsIdentity): Promise<HandIn | undefined> {
    return this.deps.handIns.get(event.roundId, event.id, who);
  }

  /** Everything the person has handed in (every round). */
  handInsOf(who: TeamsIdentity): Promise<HandIn[]> {
    return this.deps.handIns.of(who);
  }

  /** Completion per municipality (every municipality with someone the assignment is for) and the answers. */
  async completion(
    event: ProgrammeEvent,
  ): Promise<{ byMunicipality: MunicipalityCompletion[]; handIns: HandIn[] }> {
    const [people, confirmed, handIns] = await Promise.all([
      this.deps.participants.listAll(),
      this.deps.confirmedFor(event),
      this.deps.handIns.forEvent(event.roundId, event.id),
    ]);
    const audience = eventAudience(event, people, confirmed);
    const counts = new Map<string, { audience: number; handedIn: number }>();
    const entry = (municipalityId: string) => {
      let found = counts.get(municipalityId);
      if (!found) {
        found = { audience: 0, handedIn: 0 };
        counts.set(municipalityId, found);
      }
      return found;
    };
    for (const person of audience) entry(person.municipalityId ?? '').audience += 1;
    for (const handIn of handIns) entry(handIn.municipalityId ?? '').handedIn += 1;
    return {
      byMunicipality: [...counts].map(([municipalityId, value]) => ({ municipalityId, ...value })),
      handIns: handIns.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
    };
  }

  /**
   * The one reminder before the due time, to those the assignment is for who have not handed in.
   * A reminder whose moment passed while no instance ran still goes, until the due time.
   */
  async remind(): Promise<string[]> {
    const now = this.deps.clock();
    const round = await this.deps.programme.currentRound(now);
    if (!round) return [];
    const sent: string[] = [];
    for (const event of await this.deps.programme.listEvents(round.id)) {
      const dueAt = event.preAssignment?.dueAt;
      if (!dueAt || dueAt <= now.toISOString()) continue;
      if (new Date(dueAt).getTime() - this.deps.reminderHours * 3_600_000 > now.getTime()) continue;
      if (!(await this.deps.handIns.claimReminder(round.id, event.id, dueAt, now))) continue;
      const [people, confirmed, handIns] = await Promise.all([
        this.deps.participants.listAll(),
        this.deps.confirmedFor(event),
        this.deps.handIns.forEvent(round.id, event.id),
      ]);
      const done = new Set(handIns.map(personKey));
      const pending = eventAudience(event, people, confirmed).filter(
        (person) => !done.has(personKey(person)),
      );
      const rendered = new Map<Language, OutgoingActivity>();
      const messages: OutgoingMessage[] = [];
      for (const person of pending) {
        const language = person.language ?? DEFAULT_LANGUAGE;
        let activity = rendered.get(language);
        if (!activity) {
          activity = this.deps.reminderCard(event, language);
          rendered.set(language, activity);
        }
        messages.push({
          target: {
            kind: 'person',
            identity: { tenantId: person.tenantId, aadObjectId: person.aadObjectId },
          },
          activity,
        });
      }
      const deliveryId = `preassignment-reminder:${round.id}:${event.id}:${dueAt.replace(/[^0-9]/g, '').slice(0, 12)}`;
      const result = await this.deps.delivery.enqueue({
        deliveryId,
        purpose: 'reminder',
        messages,
        notAfter: dueAt,
        roundId: round.id,
      });
      this.deps.logger.info('pre-assignment reminder enqueued', { deliveryId, ...result });
      sent.push(deliveryId);
    }
    return sent;
  }
}

export function isHttpsUrl(value: string): boolean {
  if (value.length > 2000 || !URL.canParse(value)) return false;
  return new URL(value).protocol === 'https:';
}
