import type { Middleware, TurnContext } from 'botbuilder';
import { resolveLanguage } from '../../../shared/i18n/language';
import { messagesFor } from '../../../shared/i18n/messages';
import type { Logger } from '../../observability/logger';

export interface FloodLimits {
  /** Messages one person may send in `windowMs` before the bot stops answering them. */
  readonly messages: number;
  readonly windowMs: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = { messages: 12, windowMs: 20_000 };

/**
 * Answers a person who floods the bot at a bounded rate: past the limit their messages are
 * acknowledged but not processed, and they get one "too busy" note per window. The state is per
 * instance and per person, so others are not slowed; it is cheap enough to sit on every turn.
 */
export class FloodGuard implements Middleware {
  private readonly recent = new Map<string, number[]>();
  private readonly warned = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly limits: FloodLimits,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.type !== 'message' && activity.type !== 'invoke') {
      await next();
      return;
    }
    const who = activity.from?.aadObjectId ?? activity.from?.id;
    if (!who) {
      await next();
      return;
    }
    const now = this.now();
    const since = now - this.limits.windowMs;
    const times = (this.recent.get(who) ?? []).filter((time) => time > since);
    times.push(now);
    this.recent.set(who, times);
    this.forgetIdle(since);
    if (times.length <= this.limits.messages) {
      await next();
      return;
    }
    this.logger.warn('flood limit reached', { user: who, messages: times.length, activityId: activity.id });
    const lastWarning = this.warned.get(who) ?? 0;
    const text = messagesFor(resolveLanguage(undefined, activity.locale)).tooBusy;
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: {
            statusCode: 429,
            type: 'application/vnd.microsoft.error',
            value: { code: 'TooManyRequests', message: text },
          },
        },
      });
      return;
    }
    if (activity.type === 'message' && lastWarning <= since) {
      this.warned.set(who, now);
      await context.sendActivity(text);
    }
  }

  /**
   * Keeps memory bounded by the number of people active in the last window. The sweep walks every
   * entry, so it runs at most once a tenth of a window: with a thousand people answering at once,
   * sweeping on every turn cost more than the rest of this guard.
   */
  private forgetIdle(since: number): void {
    if (this.recent.size < 1000) return;
    const now = since + this.limits.windowMs;
    if (now - this.lastSweep < this.limits.windowMs / 10) return;
    this.lastSweep = now;
    for (const [who, times] of this.recent) {
      if ((times.at(-1) ?? 0) <= since) this.recent.delete(who);
    }
    for (const [who, time] of this.warned) if (time <= since) this.warned.delete(who);
  }
}
