import type { Logger } from '../platform/observability/logger';
import type { Clock } from '../platform/clock';
import type {
  Delivery,
  DeliveryRecipient,
  DeliveryReport,
  DeliveryRequest,
  DeliveryStatus,
  DeliveryTarget,
  OutboxState,
} from '../platform/delivery';
import { isRetriable, reasonOf } from './delivery-reasons';
import type { OutgoingActivity } from '../platform/teams';
import type { ConnectorGateway } from './connector-sender';
import type { NetworkTeam } from './network-team';
import type { NewOutboxRow, OutboxRepository } from './outbox-repository';
import type { PersonalChat, PersonalChatRepository } from './personal-chat-repository';
import { UnreachableRetry } from './unreachable-retry';

/** Above this many people, their chats are read with one partition scan instead of one read each. */
const SCAN_THRESHOLD = 50;

/** The most failures a status lists; the counts always cover every row. */
const MAX_LISTED_FAILURES = 200;

/** The most unsent messages a report names (a coordinator reads them; the counts cover all). */
const MAX_REPORTED_UNSENT = 500;

/**
 * {@link Delivery} on the Table Storage outbox. `enqueue` only writes rows (the dispatcher sends
 * them, in this instance or another), so it returns within a few storage round trips even for
 * thousands of recipients, and calling it twice with the same delivery id writes nothing new.
 */
export class OutboxDelivery implements Delivery {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly team: NetworkTeam,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Wakes the local dispatcher after an enqueue. */
    private readonly onEnqueued: () => void = () => undefined,
    /** Known personal chats are written into the rows, so sending needs no read per person. */
    private readonly personalChats?: PersonalChatRepository,
    /** Updates posts in place (live tallies); without it nothing is updated. */
    private readonly gateway?: Pick<ConnectorGateway, 'update'>,
  ) {
    this.retry = new UnreachableRetry(outbox, team, clock, logger, onEnqueued);
  }

  private readonly retry: UnreachableRetry;

  retryUnreachable(): Promise<number> {
    return this.retry.run();
  }

  async enqueue(
    request: DeliveryRequest,
  ): Promise<{ readonly accepted: number; readonly duplicates: number }> {
    const rows: NewOutboxRow[] = [];
    for (const message of request.messages) {
      if (message.target.kind === 'channel') {
        const found = await this.team.channel(message.target.roundId);
        if (found.kind === 'none') {
          rows.push({
            targetKey: 'channel',
            target: { kind: 'none', reason: found.reason, roundId: message.target.roundId },
            activity: message.activity,
            state: 'unreachable',
            lastError: found.reason,
          });
          continue;
        }
        const channel = found.installation;
        rows.push({
          targetKey: `channel:${channel.conversationId}`,
          target: {
            kind: 'channel',
            tenantId: channel.tenantId,
            conversationId: channel.conversationId,
            reference: channel.reference,
          },
          activity: message.activity,
        });
      } else {
        rows.push({
          targetKey: targetKeyOf(message.target),
          target: { kind: 'person', identity: message.target.identity },
          activity: message.activity,
        });
      }
    }
    await this.attachKnownChats(rows);
    const result = await this.outbox.write(
      {
        deliveryId: request.deliveryId,
        purpose: request.purpose,
        notAfter: request.notAfter,
        createdAt: this.clock().toISOString(),
        roundId: request.roundId ?? channelRoundOf(request),
      },
      rows,
      this.clock(),
    );
    this.logger.info('delivery enqueued', {
      deliveryId: request.deliveryId,
      purpose: request.purpose,
      ...result,
    });
    if (result.accepted > 0) this.onEnqueued();
    return result;
  }

  private async attachKnownChats(rows: NewOutboxRow[]): Promise<void> {
    if (!this.personalChats) return;
    const people = rows.filter((row) => row.target.kind === 'person');
    const chats = new Map<string, PersonalChat>();
    const keyOf = (tenantId: string, aadObjectId: string) => `${tenantId}|${aadObjectId}`;
    if (people.length > SCAN_THRESHOLD) {
      const tenants = new Set(
        people.map((row) => (row.target.kind === 'person' ? row.target.identity.tenantId : '')),
      );
      for (const tenantId of tenants) {
        for (const [aadObjectId, chat] of await this.personalChats.listTenant(tenantId)) {
          chats.set(keyOf(tenantId, aadObjectId), chat);
        }
      }
    } else {
      for (const row of people) {
        if (row.target.kind !== 'person') continue;
        const chat = await this.personalChats.get(row.target.identity);
        if (chat) chats.set(keyOf(row.target.identity.tenantId, row.target.identity.aadObjectId), chat);
      }
    }
    rows.forEach((row, index) => {
      if (row.target.kind !== 'person') return;
      const chat = chats.get(keyOf(row.target.identity.tenantId, row.target.identity.aadObjectId));
      if (chat) rows[index] = { ...row, target: { ...row.target, chat } };
    });
  }

  async report(deliveryId: string): Promise<DeliveryReport | undefined> {
    const header = await this.outbox.header(deliveryId);
    if (!header) return undefined;
    const counts: Record<OutboxState, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    };
    const unsent: DeliveryRecipient[] = [];
    let unsentTotal = 0;
    let total = 0;
    for await (const row of this.outbox.states(deliveryId)) {
      total += 1;
      counts[row.state] += 1;
      const notSent =
        row.state === 'failed' || row.state === 'unreachable' || (row.state === 'pending' && row.lastError);
      if (!notSent) continue;
      unsentTotal += 1;
      if (unsent.length < MAX_REPORTED_UNSENT) {
        unsent.push({
          target: targetOfKey(row.targetKey),
          state: row.state,
          lastError: row.lastError,
          attempts: row.attempts,
        });
      }
    }
    return {
      deliveryId,
      purpose: header.purpose,
      createdAt: header.createdAt,
      completedAt: header.completedAt,
      notAfter: header.notAfter,
      total,
      counts,
      unsent,
      unsentTotal,
    };
  }

  async retryFailed(deliveryId: string): Promise<{ readonly requeued: number; readonly expired: boolean }> {
    const header = await this.outbox.header(deliveryId);
    if (!header) return { requeued: 0, expired: false };
    const now = this.clock();
    if (header.notAfter && Date.parse(header.notAfter) <= now.getTime())
      return { requeued: 0, expired: true };
    const rows = (await this.outbox.unsentRows(deliveryId)).filter((row) =>
      isRetriable(reasonOf(row.state, row.lastError)),
    );
    let requeued = await this.outbox.requeue(
      deliveryId,
      rows.filter((row) => row.target.kind !== 'none'),
      now,
    );
    const unresolved = rows.filter((row) => row.target.kind === 'none');
    if (unresolved.length > 0) {
      // Nothing to send to when it was queued (the app was in no team): the network's team of now.
      const found = await this.team.channel(undefined);
      const channels = found.kind === 'found' ? [found.installation] : [];
      for (const row of unresolved) {
        requeued += await this.outbox.resolveTargets(
          row,
          channels.map((channel) => ({
            targetKey: `channel:${channel.conversationId}`,
            target: {
              kind: 'channel',
              tenantId: channel.tenantId,
              conversationId: channel.conversationId,
              reference: channel.reference,
            },
          })),
          now,
        );
      }
    }
    this.logger.info('failed messages queued again', { deliveryId, requeued });
    if (requeued > 0) this.onEnqueued();
    return { requeued, expired: false };
  }

  async updateChannelPosts(deliveryId: string, activity: OutgoingActivity): Promise<number> {
    if (!this.gateway) return 0;
    let updated = 0;
    for (const post of await this.outbox.sentChannelPosts(deliveryId)) {
      if (post.target.kind !== 'channel') continue;
      const { tenantId, conversationId, reference } = post.target;
      try {
        await this.gateway.update(
          { tenantId, conversationId, serviceUrl: reference.serviceUrl ?? '', reference },
          post.activityId,
          activity,
        );
        updated += 1;
      } catch (error) {
        // A post deleted in Teams, or a moment's outage: the next change tries again.
        this.logger.warn('a channel post could not be updated', { deliveryId, conversationId, error });
      }
    }
    return updated;
  }

  async channelCount(): Promise<number> {
    // A channel message goes to the network's team only: one channel, or none.
    return (await this.team.channel(undefined)).kind === 'found' ? 1 : 0;
  }

  async status(deliveryId: string): Promise<DeliveryStatus> {
    const counts: Record<OutboxState, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    };
    const failures: { target: string; state: OutboxState; reason: string }[] = [];
    for await (const row of this.outbox.states(deliveryId)) {
      counts[row.state] += 1;
      const listed =
        row.state === 'failed' || row.state === 'unreachable' || (row.state === 'pending' && row.lastError);
      if (listed && failures.length < MAX_LISTED_FAILURES) {
        failures.push({ target: row.targetKey, state: row.state, reason: row.lastError ?? '' });
      }
    }
    return { deliveryId, counts, failures };
  }
}

/** What a target key names: the channel (one or all), or the person of `person:<tenant>:<object id>`. */
export function targetOfKey(targetKey: string): DeliveryRecipient['target'] {
  const person = /^person:([^:]+):(.+)$/.exec(targetKey);
  if (person?.[1] && person[2])
    return { kind: 'person', identity: { tenantId: person[1], aadObjectId: person[2] } };
  return { kind: 'channel' };
}

/** The stable key of a target inside a delivery; with the delivery id it is the idempotency key. */
export function targetKeyOf(target: DeliveryTarget): string {
  return target.kind === 'channel'
    ? 'channel'
    : `person:${target.identity.tenantId}:${target.identity.aadObjectId}`;
}

/** A channel post names its round; a delivery that does not say its own goes with that one. */
function channelRoundOf(request: DeliveryRequest): string | undefined {
  for (const message of request.messages) {
    if (message.target.kind === 'channel' && message.target.roundId) return message.target.roundId;
  }
  return undefined;
}
