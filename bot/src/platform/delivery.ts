import type { OutgoingActivity } from './teams';
import type { TeamsIdentity } from '../shared/participant';

/**
 * The one way features send proactive messages (reminders, polls, invitations). Callers render
 * each message in its recipient's language and hand the whole batch over; the implementation
 * keeps an outbox row per (delivery, target) so a crash resumes where it stopped and a batch
 * enqueued twice is sent once.
 */
export type DeliveryTarget =
  /**
   * The network's team channel: the round's team (configured, or chosen by a coordinator), or the
   * one team the app is installed in. Never another team, nor any team of another tenant.
   */
  | { readonly kind: 'channel'; readonly roundId?: string | undefined }
  /** One person, in their personal chat with the bot (created if they never opened one). */
  | { readonly kind: 'person'; readonly identity: TeamsIdentity };

export interface OutgoingMessage {
  readonly target: DeliveryTarget;
  readonly activity: OutgoingActivity;
}

export type DeliveryPurpose =
  | 'reminder'
  | 'poll'
  | 'pollReminder'
  | 'invitation'
  | 'rsvpReminder'
  | 'announcement'
  /** The answer to a personal command asked in a channel or group chat. */
  | 'privateReply'
  | 'survey'
  | 'roadmap';

export interface DeliveryRequest {
  /**
   * What is being sent, stable across retries: e.g. `reminder:<round>:<event>:P1D`. With the target
   * it forms the idempotency key of each message.
   */
  readonly deliveryId: string;
  readonly purpose: DeliveryPurpose;
  readonly messages: readonly OutgoingMessage[];
  /** Never send after this instant (ISO 8601), e.g. the start of the event a reminder is for. */
  readonly notAfter?: string;
  /**
   * The round the delivery belongs to: its outbox rows are purged with the round when its
   * retention ends. Without one (a poll, a private reply), the delivery goes with the round it was
   * sent during (see the outbox's purge).
   */
  readonly roundId?: string | undefined;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface DeliveryStatus {
  readonly deliveryId: string;
  readonly counts: Readonly<Record<OutboxState, number>>;
  readonly failures: readonly {
    readonly target: string;
    readonly state: OutboxState;
    readonly reason: string;
  }[];
}

/** One recipient's message as the outbox keeps it: who, where it stands, what went wrong last. */
export interface DeliveryRecipient {
  readonly target:
    { readonly kind: 'channel' } | { readonly kind: 'person'; readonly identity: TeamsIdentity };
  readonly state: OutboxState;
  /** What the outbox or the Bot Connector said, as stored (worded for people by the report). */
  readonly lastError: string | undefined;
  readonly attempts: number;
}

/** The whole of a delivery for a report: counts over every row, and the rows not sent. */
export interface DeliveryReport {
  readonly deliveryId: string;
  readonly purpose: DeliveryPurpose;
  readonly createdAt: string;
  readonly completedAt: string | undefined;
  readonly notAfter: string | undefined;
  readonly total: number;
  readonly counts: Readonly<Record<OutboxState, number>>;
  /** The rows not sent (pending with an error, failed, unreachable), at most a few hundred. */
  readonly unsent: readonly DeliveryRecipient[];
  readonly unsentTotal: number;
}

export interface Delivery {
  enqueue(request: DeliveryRequest): Promise<{ readonly accepted: number; readonly duplicates: number }>;
  status(deliveryId: string): Promise<DeliveryStatus>;
  /** The delivery for a coordinator's report; undefined when the outbox has never seen it. */
  report(deliveryId: string): Promise<DeliveryReport | undefined>;
  /**
   * Queues again the messages that failed or found nobody, unless the delivery's time is over. Only
   * those: what was sent stays sent, so pressing twice (or while sending) sends nobody twice.
   */
  retryFailed(deliveryId: string): Promise<{ readonly requeued: number; readonly expired: boolean }>;
  /** How many team channels a channel message would go to (0: the app is in no team yet). */
  channelCount(): Promise<number>;
  /**
   * Replaces the channel posts of a delivery that were sent with a new version (a poll's live
   * tally, as Polly's does); returns how many were updated. Personal messages are left alone.
   */
  updateChannelPosts(deliveryId: string, activity: OutgoingActivity): Promise<number>;
  /**
   * Someone may have become reachable (the app was installed, the roster read, a member added):
   * messages given up because nobody could be resolved are sent after all, if still due. Returns
   * how many were sent again.
   */
  retryUnreachable(): Promise<number>;
}
