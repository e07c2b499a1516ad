import type { Delivery } from '../platform/delivery';
import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import type { OutgoingActivity } from '../platform/teams';
import { effectiveCloseTime, pollStatus, type WishPoll } from './wish-poll';
import type { WishPollReporting } from './wish-poll-reporting';
import type { WishPollService } from './wish-poll-service';

/** How long after closing a poll's channel post is still brought up to date (its final count). */
const AFTER_CLOSE_MS = 24 * 3600_000;

/**
 * Keeps the poll posts in the channel current, as Polly's are: "12/71 vastannut" follows the
 * answers. Each pass looks at open (and just closed) polls and updates a post only when its count
 * has changed since this process last wrote it, so the Bot Connector sees one update per change
 * at most per pass, however fast answers come. Another instance doing the same writes the same
 * text.
 */
export class PollChannelTally {
  private readonly written = new Map<string, string>();

  constructor(
    private readonly polls: WishPollService,
    private readonly reporting: WishPollReporting,
    private readonly delivery: Delivery,
    private readonly render: (
      poll: WishPoll,
      tally: { readonly respondents: number; readonly audience: number },
    ) => OutgoingActivity,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** One pass; returns the ids of the polls whose posts were updated. */
  async runOnce(): Promise<string[]> {
    const now = this.clock();
    const updated: string[] = [];
    for (const poll of await this.polls.list()) {
      const status = pollStatus(poll, now);
      if (status === 'scheduled') continue;
      if (status === 'closed' && now.getTime() - Date.parse(effectiveCloseTime(poll)) > AFTER_CLOSE_MS)
        continue;
      const [tally, audience] = await Promise.all([this.polls.tally(poll.id), this.reporting.audience(poll)]);
      const counts = { respondents: tally.respondents, audience: audience.total };
      const key = `${status}:${counts.respondents}/${counts.audience}`;
      if (this.written.get(poll.id) === key) continue;
      const posts = await this.delivery.updateChannelPosts(
        `poll:${poll.id}:channel`,
        this.render(poll, counts),
      );
      // Nothing posted yet: try again next time, so the first post gets its count too.
      if (posts === 0) continue;
      this.written.set(poll.id, key);
      updated.push(poll.id);
      this.logger.debug('poll channel post updated', { pollId: poll.id, ...counts });
    }
    return updated;
  }
}
