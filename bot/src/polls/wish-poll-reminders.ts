import type { Logger } from '../platform/observability/logger';
import type { WishPollRepository } from './wish-poll-repository';
import type { Clock } from '../platform/clock';
import type { Delivery } from '../platform/delivery';
import { pollStatus, type WishPoll } from './wish-poll';
import type { PollMessageRenderer } from './wish-poll-publisher';
import type { WishPollReporting } from './wish-poll-reporting';
import type { WishPollService } from './wish-poll-service';

/** A claim not completed within this time (the instance died) may be taken over by another instance. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/**
 * The one reminder per poll to the audience members who have not answered, a poll-specific time
 * before closing. Any number of instances may run this: the claim row decides who sends, and the
 * outbox's stable delivery id makes a taken-over claim send each message at most once.
 */
export class WishPollReminders {
  constructor(
    private readonly polls: WishPollService,
    private readonly repository: WishPollRepository,
    private readonly reporting: WishPollReporting,
    private readonly delivery: Delivery | undefined,
    private readonly renderer: PollMessageRenderer,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Sends every reminder that is due now; returns the polls reminded. */
  async runOnce(): Promise<string[]> {
    const delivery = this.delivery;
    if (!delivery) return [];
    const now = this.clock();
    const due = (await this.polls.list()).filter((poll) => isReminderDue(poll, now));
    const reminded: string[] = [];
    for (const poll of due) {
      if ((await this.repository.reminderState(poll.id)) === 'sent') continue;
      if (!(await this.repository.claimReminder(poll.id, now, STALE_CLAIM_MS))) continue;
      const people = await this.reporting.nonAnswerers(poll);
      const result = await delivery.enqueue({
        deliveryId: `pollReminder:${poll.id}`,
        purpose: 'pollReminder',
        notAfter: poll.closesAt,
        messages: people.map((participant) => ({
          target: {
            kind: 'person',
            identity: { tenantId: participant.tenantId, aadObjectId: participant.aadObjectId },
          },
          activity: this.renderer.reminder(poll, participant),
        })),
      });
      await this.repository.completeReminder(poll.id, this.clock(), people.length);
      this.logger.info('poll reminder enqueued', { pollId: poll.id, recipients: people.length, ...result });
      reminded.push(poll.id);
    }
    return reminded;
  }
}

/** Open, has a reminder, and the reminder time (closing minus the lead) has come. */
export function isReminderDue(poll: WishPoll, now: Date): boolean {
  if (poll.reminderLeadMinutes === undefined || pollStatus(poll, now) !== 'open') return false;
  return now.getTime() >= Date.parse(poll.closesAt) - poll.reminderLeadMinutes * 60_000;
}
