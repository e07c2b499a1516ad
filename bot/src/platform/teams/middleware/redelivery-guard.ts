import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';
import type { Clock } from '../../clock';
import type { ActivityLedger } from '../activity-ledger';

/** Activity types whose second delivery would repeat a visible effect (a reply, a welcome). */
const GUARDED = new Set(['message', 'installationUpdate', 'conversationUpdate']);

/**
 * Teams retries an activity the bot did not acknowledge in time. A redelivered message or install
 * is acknowledged without running again, so it never produces a second reply or welcome. Card
 * actions are not guarded: their handlers are idempotent and the client needs their response.
 */
export class RedeliveryGuard implements Middleware {
  constructor(
    private readonly ledger: ActivityLedger,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, type, conversation } = context.activity;
    if (!id || !GUARDED.has(type) || !conversation?.id) {
      await next();
      return;
    }
    if (await this.ledger.firstDelivery(conversation.id, id, this.clock())) {
      await next();
      return;
    }
    this.logger.info('redelivered activity skipped', {
      activityId: id,
      activityType: type,
      conversationId: conversation.id,
    });
  }
}
