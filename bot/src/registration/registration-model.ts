/**
 * Registration for the programme's events with limited places: the kickoff and closing days at
 * Kuntatalo take at most a few people per municipality. What a coordinator opens, what a person's
 * registration is, and the seat counts that guard the quota.
 */
import { z } from 'zod';
import type { LocalizedText } from '../shared/i18n/language';
import type { TeamsIdentity } from '../shared/participant';

export const QUESTION_IDS = ['diet', 'accessibility', 'other'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** A question asked at registration; `other` carries the coordinator's own wording. */
export interface RegistrationQuestion {
  readonly id: QuestionId;
  readonly label: LocalizedText | undefined;
}

/**
 * Where an event's seats are counted. Without a total capacity every municipality has a partition
 * of its own (count and registrations change in one transaction, municipalities never wait for
 * each other). With a total capacity the whole event is one partition, so the municipality's count,
 * the event's count and the registration change in one transaction: a total cannot be guarded
 * across partitions.
 */
export type SeatLayout = 'municipality' | 'event';

export interface RegistrationSettings {
  readonly roundId: string;
  readonly eventId: string;
  /** UTC instants (ISO 8601). */
  readonly opensAt: string;
  readonly closesAt: string;
  /** Seats per municipality (a coordinator may give one municipality more, with a reason). */
  readonly quota: number;
  /** Seats in all; undefined for no total limit. */
  readonly capacity: number | undefined;
  /** Until when participants may cancel themselves; undefined: until the event starts. */
  readonly cancelDeadline: string | undefined;
  /** How long a seat offered to the next on the waitlist is held for them. */
  readonly offerHours: number;
  readonly questions: readonly RegistrationQuestion[];
  readonly layout: SeatLayout;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly etag: string | undefined;
}

export type RegistrationStatus = 'confirmed' | 'offered' | 'waitlisted' | 'cancelled';

export const CANCEL_REASONS = [
  'participant',
  'cannotAttend',
  'coordinator',
  'transferred',
  'offerDeclined',
  'offerExpired',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/** Answers to the registration questions; diet and accessibility needs are sensitive personal data. */
export interface RegistrationAnswers {
  readonly diet?: string | undefined;
  readonly accessibility?: string | undefined;
  readonly other?: string | undefined;
}

export const ANSWER_MAX_LENGTH = 500;

export const answersSchema = z.object({
  diet: z.string().trim().max(ANSWER_MAX_LENGTH).optional(),
  accessibility: z.string().trim().max(ANSWER_MAX_LENGTH).optional(),
  other: z.string().trim().max(ANSWER_MAX_LENGTH).optional(),
});

export interface Registration extends TeamsIdentity {
  readonly roundId: string;
  readonly eventId: string;
  readonly municipalityId: string;
  readonly name: string;
  readonly email: string | undefined;
  readonly status: RegistrationStatus;
  readonly cancelReason: CancelReason | undefined;
  readonly answers: RegistrationAnswers;
  /** The first registration; kept across a cancel and a new registration. */
  readonly registeredAt: string;
  /** The place in the waitlist: earlier comes first (ties by identity). */
  readonly queuedAt: string;
  readonly confirmedAt: string | undefined;
  readonly offerExpiresAt: string | undefined;
  /** Raised with every offer, so an answer to an older offer card is recognised. */
  readonly offerSequence: number;
  readonly cancelledAt: string | undefined;
  /** The colleague who handed the seat over, or who it was handed to. */
  readonly transferredFrom: string | undefined;
  readonly transferredTo: string | undefined;
  /** The seat was given by a coordinator's decision (an override). */
  readonly byCoordinator: boolean;
  readonly updatedAt: string;
  readonly etag: string | undefined;
}

/** The taken seats of one municipality: confirmed and offered people count against the quota. */
export interface SeatCount {
  readonly municipalityId: string;
  /** A municipality-specific quota set by a coordinator; undefined follows the event's quota. */
  readonly quotaOverride: number | undefined;
  readonly confirmed: number;
  readonly offered: number;
  /**
   * Someone has waited here at some time: registering then always reads the whole partition, so
   * nobody takes a freed seat past the people in line. Until then two point reads decide.
   */
  readonly queue: boolean;
  readonly etag: string | undefined;
}

/** The event's taken seats in all (only with a total capacity). */
export interface TotalCount {
  readonly confirmed: number;
  readonly offered: number;
  readonly etag: string | undefined;
}

export function quotaOf(settings: RegistrationSettings, count: SeatCount | undefined): number {
  return count?.quotaOverride ?? settings.quota;
}

export function takenSeats(
  count: { readonly confirmed: number; readonly offered: number } | undefined,
): number {
  return (count?.confirmed ?? 0) + (count?.offered ?? 0);
}

export function personKey(identity: TeamsIdentity): string {
  return `${identity.tenantId}|${identity.aadObjectId}`;
}

export function sameIdentity(a: TeamsIdentity, b: TeamsIdentity): boolean {
  return a.tenantId === b.tenantId && a.aadObjectId === b.aadObjectId;
}

/** Waitlist order: who joined first, then a stable tie-break. */
export function waitlistOrder(a: Registration, b: Registration): number {
  return a.queuedAt.localeCompare(b.queuedAt) || personKey(a).localeCompare(personKey(b));
}

export function isHoldingSeat(registration: Registration | undefined): boolean {
  return registration?.status === 'confirmed' || registration?.status === 'offered';
}

/** Registration is open from `opensAt` until `closesAt`. */
export function phaseOf(settings: RegistrationSettings, now: Date): 'notYetOpen' | 'open' | 'closed' {
  const iso = now.toISOString();
  if (iso < settings.opensAt) return 'notYetOpen';
  if (iso >= settings.closesAt) return 'closed';
  return 'open';
}

/** The moment after which participants can no longer cancel in the app. */
export function cancelDeadlineOf(settings: RegistrationSettings, eventStartsAt: string): string {
  return settings.cancelDeadline ?? eventStartsAt;
}
