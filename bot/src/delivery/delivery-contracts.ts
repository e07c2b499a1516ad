/**
 * The delivery report the tab shows coordinators (`GET /api/deliveries/:deliveryId`), like Company
 * Communicator's: how many were sent, are still on their way, could not be reached or failed; who
 * was not reached and why, in plain words; and whether "send again to those who failed" has
 * anything to do. Types only and no imports, so the tab imports them too.
 */

/** Why a message did not arrive (worded for people by the server in the asked language). */
export type DeliveryReason =
  | 'noChannel'
  /** The app is in several teams and no coordinator has chosen the network's team. */
  | 'teamNotChosen'
  /** The chosen (or configured) team no longer has the app. */
  | 'networkTeamMissing'
  | 'appNotInTeam'
  | 'notInRoster'
  | 'personLeft'
  | 'blocked'
  | 'chatGone'
  | 'expired'
  | 'throttled'
  | 'serviceError'
  | 'networkError'
  | 'rejected'
  | 'internal'
  | 'unknown';

/** A recipient's message: sent, still on its way (perhaps being retried), not reachable, failed. */
export type DeliveryRecipientState = 'sent' | 'pending' | 'unreachable' | 'failed';

export interface DeliveryCountsView {
  readonly sent: number;
  readonly pending: number;
  readonly unreachable: number;
  readonly failed: number;
}

export interface DeliveryRecipientView {
  readonly kind: 'channel' | 'person';
  /** The person's name, or the channel in words. */
  readonly name: string;
  /** The person's municipality, when known. */
  readonly municipalityName: string | null;
  readonly state: DeliveryRecipientState;
  readonly reason: DeliveryReason | null;
  /** The reason in the asked language. */
  readonly reasonText: string | null;
  readonly attempts: number;
  /** True when "send again" would try this one again. */
  readonly retriable: boolean;
}

export interface DeliveryReportView {
  readonly deliveryId: string;
  readonly purpose: string;
  /** When it was queued; null for a delivery the outbox does not know. */
  readonly createdAt: string | null;
  readonly completedAt: string | null;
  /** Nothing is sent after this instant (the event's start, the poll's close). */
  readonly notAfter: string | null;
  /** True once that instant has passed: nothing can be sent again. */
  readonly expired: boolean;
  readonly total: number;
  readonly counts: DeliveryCountsView;
  /** True while messages are still on their way. */
  readonly sending: boolean;
  /** Everyone who has not got the message (still retrying, not reachable, failed), names first. */
  readonly problems: readonly DeliveryRecipientView[];
  /** How many of them the report lists; the counts always cover everyone. */
  readonly problemsListed: number;
  readonly problemsTotal: number;
  /** How many "send again to those who failed" would queue again now. */
  readonly retriable: number;
}

export interface DeliveryRetryResponse {
  readonly requeued: number;
  readonly report: DeliveryReportView;
}

/** How many a send would reach, for the confirmation before anything goes out. */
export interface SendReachView {
  /** Team channels the app is installed in (the network has one). */
  readonly channels: number;
  /** People who would get a personal message. */
  readonly people: number;
}
