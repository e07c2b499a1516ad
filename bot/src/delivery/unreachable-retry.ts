import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/observability/logger';
import { NOT_IN_ROSTER, NOT_INSTALLED } from './connector-sender';
import type { NetworkTeam } from './network-team';
import type { OutboxRepository, OutboxRow, ResolvedTarget } from './outbox-repository';

/** A delivery without a deadline is retried for this long after it was enqueued. */
const WITHOUT_DEADLINE_MS = 14 * 24 * 3_600_000;

/**
 * Messages enqueued before the app was installed (or before the roster was read) are given up as
 * unreachable: nobody could be resolved. When the app is installed later, those rows are sent
 * after all, as long as their deadline (a reminder's event start) has not passed. Rows given up
 * for other reasons (the person blocked the bot, the chat is gone) stay as they are.
 */
export class UnreachableRetry {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly team: NetworkTeam,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Wakes the local dispatcher after rows were reopened. */
    private readonly wake: () => void,
  ) {}

  /** One pass at a time; a call during a pass runs one more pass after it. */
  run(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const pass = async (): Promise<number> => {
      let total = 0;
      do {
        this.again = false;
        total += await this.pass();
      } while (this.again);
      return total;
    };
    this.running = pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock();
    const byDelivery = new Map<string, OutboxRow[]>();
    for await (const row of this.outbox.unreachableRows()) {
      if (!retryable(row)) continue;
      const rows = byDelivery.get(row.deliveryId) ?? [];
      rows.push(row);
      byDelivery.set(row.deliveryId, rows);
    }
    let reopened = 0;
    for (const [deliveryId, rows] of byDelivery) {
      const header = await this.outbox.header(deliveryId);
      if (!header) continue;
      const deadline = header.notAfter
        ? Date.parse(header.notAfter)
        : Date.parse(header.createdAt) + WITHOUT_DEADLINE_MS;
      if (!(deadline > now.getTime())) continue;
      const changes: { row: OutboxRow; target?: ResolvedTarget }[] = [];
      for (const row of rows) {
        if (row.target.kind !== 'none') {
          changes.push({ row });
          continue;
        }
        const found = await this.team.channel(row.target.roundId);
        if (found.kind === 'none') continue;
        const channel = found.installation;
        changes.push({
          row,
          target: {
            kind: 'channel',
            tenantId: channel.tenantId,
            conversationId: channel.conversationId,
            reference: channel.reference,
          },
        });
      }
      if (changes.length > 0) reopened += await this.outbox.reopen(deliveryId, changes, now);
    }
    if (reopened > 0) {
      this.logger.info('unreachable messages sent again after an install', { reopened });
      this.wake();
    }
    return reopened;
  }
}

function retryable(row: OutboxRow): boolean {
  if (row.target.kind === 'none') return row.targetKey === 'channel';
  if (row.target.kind !== 'person') return false;
  return row.lastError === NOT_IN_ROSTER || row.lastError === NOT_INSTALLED;
}
