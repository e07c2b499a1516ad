import type { OutgoingActivity } from '../platform/teams';
import type { Participant } from '../shared/participant';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { WishPoll } from './wish-poll';
import type { WishPollReporting } from './wish-poll-reporting';

/** Renders the poll messages; the feature supplies it, so this service needs no card code. */
export interface PollMessageRenderer {
  /** The shared card for the network's channel. */
  channel(poll: WishPoll): OutgoingActivity;
  /** The answer form for one person's personal chat, in their language. */
  personal(poll: WishPoll, participant: Participant): OutgoingActivity;
  /** The reminder to someone who has not answered, in their language. */
  reminder(poll: WishPoll, participant: Participant): OutgoingActivity;
}

export interface PostOutcome {
  readonly channel: { readonly accepted: number; readonly duplicates: number } | null;
  readonly personal: { readonly accepted: number; readonly duplicates: number } | null;
}

/** Raised when proactive messages cannot be sent because no delivery mechanism is configured. */
export class DeliveryUnavailableError extends Error {
  constructor() {
    super('No delivery mechanism for proactive messages is configured');
    this.name = 'DeliveryUnavailableError';
  }
}

/**
 * Posts a poll to the channel and/or sends it to each person in its audience, through the outbox.
 * Delivery ids are stable per poll, so posting twice sends each message once.
 */
export class WishPollPublisher {
  constructor(
    private readonly delivery: Delivery | undefined,
    private readonly reporting: WishPollReporting,
    private readonly renderer: PollMessageRenderer,
  ) {}

  async post(
    poll: WishPoll,
    targets: { readonly channel: boolean; readonly personal: boolean },
  ): Promise<PostOutcome> {
    const delivery = this.delivery;
    if (!delivery) throw new DeliveryUnavailableError();
    const notAfter = poll.closedAt ?? poll.closesAt;
    let channel: PostOutcome['channel'] = null;
    let personal: PostOutcome['personal'] = null;
    if (targets.channel) {
      channel = await delivery.enqueue({
        deliveryId: `poll:${poll.id}:channel`,
        purpose: 'poll',
        notAfter,
        messages: [{ target: { kind: 'channel' }, activity: this.renderer.channel(poll) }],
      });
    }
    if (targets.personal) {
      const audience = await this.reporting.audienceMembers(poll);
      const messages: OutgoingMessage[] = audience.map((participant) => ({
        target: {
          kind: 'person',
          identity: { tenantId: participant.tenantId, aadObjectId: participant.aadObjectId },
        },
        activity: this.renderer.personal(poll, participant),
      }));
      personal = await delivery.enqueue({
        deliveryId: `poll:${poll.id}:personal`,
        purpose: 'poll',
        notAfter,
        messages,
      });
    }
    return { channel, personal };
  }
}
