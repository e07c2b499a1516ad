import { createHash } from 'node:crypto';
import { createIfAbsent, type TableStore } from '../storage/table-store';

/**
 * Which incoming activities have been seen. Teams redelivers an activity when the bot does not
 * answer within 15 seconds; the ledger lets the second delivery be recognised and skipped.
 * Partition = a hash bucket of the conversation, row = the activity id; rows are small and are
 * purged with the round's data.
 */
export class ActivityLedger {
  constructor(private readonly store: TableStore) {}

  /** Records the activity; false when it was recorded before (a redelivery). */
  async firstDelivery(conversationId: string, activityId: string, now: Date): Promise<boolean> {
    const client = await this.store.table('activityledger');
    const partitionKey = createHash('sha256').update(conversationId).digest('hex').slice(0, 16);
    const rowKey = createHash('sha256').update(activityId).digest('hex');
    return createIfAbsent(client, { partitionKey, rowKey, receivedAt: now.toISOString() });
  }
}
