import type { OutgoingActivity } from '../platform/teams';
import type { Participant } from '../shared/participant';
import type { Delivery, OutgoingMessage } from '../platform/delivery';
import type { WishPoll } from './wish-poll';
import type { WishPollReporting } from './wish-poll-reporting';
import type { Language } from '../shared/i18n/language';

/** Stands in for the reader of a preview when the poll's audience is empty. */
const PREVIEW_PERSON: Participant = {
  tenantId: '',
  aadObjectId: '',
  name: '',
  email: undefined,
  municipalityId: undefined,
  roles: [],
  language: undefined,
  teamsUserId: undefined,
  isGuest: false,
  active: true,
  updatedAt: '',
};

/** Renders the poll messages; the feature supplies it, so this service needs no card code. */
export interface PollMessageRenderer {
  /** The shared card for the network's channel, with how many have answered when known. */
  channel(
    poll: WishPoll,
    tally?: { readonly respondents: number; readonly audience: number },
  ): OutgoingActivity;
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

  /**
   * What posting would send, before anything is: the channel card, the personal card in each
   * language, and how many it would reach.
   */
  async preview(poll: WishPoll): Promise<{
    readonly channels: number;
    readonly people: number;
    readonly channel: OutgoingActivity;
    readonly personal: Readonly<Record<Language, OutgoingActivity>>;
  }> {
    const delivery = this.delivery;
    if (!delivery) throw new DeliveryUnavailableError();
    const [channels, audience] = await Promise.all([
      delivery.channelCount(),
      this.reporting.audienceMembers(poll),
    ]);
    const sample = audience[0];
    const inLanguage = (language: Language): OutgoingActivity =>
      this.renderer.personal(poll, { ...(sample ?? PREVIEW_PERSON), language });
    return {
      channels,
      people: audience.length,
      channel: this.renderer.channel(poll),
      personal: { fi: inLanguage('fi'), sv: inLanguage('sv'), en: inLanguage('en') },
    };
  }

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
