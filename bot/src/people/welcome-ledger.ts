import { escapeKey } from '../platform/storage/keys';
import { createIfAbsent, deleteIfPresent, type TableStore } from '../platform/storage/table-store';

/**
 * Who has been welcomed: a team once per installation, a person once per personal install. Teams
 * (and the Agents Playground, on every page load) may send the install again; the welcome is not
 * repeated until the app is removed and added back. Partition = tenant, row = `team:<id>` or
 * `person:<object id>`.
 */
export class WelcomeLedger {
  constructor(private readonly store: TableStore) {}

  /** Records the welcome; false when it was already given. */
  async firstWelcome(tenantId: string, key: string, now: Date): Promise<boolean> {
    const client = await this.store.table('welcomes');
    return createIfAbsent(client, {
      partitionKey: escapeKey(tenantId),
      rowKey: escapeKey(key),
      welcomedAt: now.toISOString(),
    });
  }

  /** The app was removed: the next install is welcomed again. */
  async forget(tenantId: string, key: string): Promise<void> {
    const client = await this.store.table('welcomes');
    await deleteIfPresent(client, escapeKey(tenantId), escapeKey(key));
  }
}

/** The ledger key of an installation: the team, or the person in a personal or group chat. */
export function welcomeKey(
  kind: string | undefined,
  teamId: string | undefined,
  conversationId: string,
  userId: string | undefined,
): string {
  if (kind === 'channel') return `team:${teamId ?? conversationId.split(';')[0] ?? conversationId}`;
  if (kind === 'groupChat') return `chat:${conversationId}`;
  return `person:${userId ?? conversationId}`;
}
