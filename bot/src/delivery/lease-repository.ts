import { ConflictError } from '../platform/storage/errors';
import { escapeKey } from '../platform/storage/keys';
import {
  createIfAbsent,
  getEntity,
  replaceIfUnchanged,
  type TableStore,
} from '../platform/storage/table-store';

/**
 * Named leases in Table Storage, so that several app instances agree on who does a piece of work.
 * One row per lease (partition `lease`, row = the lease name). Taking, renewing and giving back a
 * lease are all ETag-conditional writes: of two instances that read the same expired row, exactly
 * one write succeeds and the other gets 412.
 *
 * A holder must renew well before `expiresAt` and must stop working when a renewal fails or its
 * own clock passes `expiresAt`; the next holder waits for the expiry, so work never overlaps as
 * long as clocks agree to within the safety margin the caller keeps.
 */
const PARTITION = 'lease';

interface LeaseEntity {
  name: string;
  owner: string;
  token: string;
  expiresAt: number;
  acquiredAt: number;
}

export interface HeldLease {
  readonly name: string;
  readonly owner: string;
  /** New on every acquisition; rows claimed under this lease carry it. */
  readonly token: string;
  readonly etag: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface LeaseInfo {
  readonly owner: string;
  readonly expiresAt: number;
}

export class LeaseRepository {
  constructor(private readonly store: TableStore) {}

  /** Takes the lease if it is free, expired or already ours; undefined when someone else holds it. */
  async tryAcquire(name: string, owner: string, ttlMs: number, now: number): Promise<HeldLease | undefined> {
    const client = await this.store.table('leases');
    const rowKey = escapeKey(name);
    const token = `${owner}.${now.toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
    const entity = {
      partitionKey: PARTITION,
      rowKey,
      name,
      owner,
      token,
      expiresAt: now + ttlMs,
      acquiredAt: now,
    };
    const existing = await getEntity<LeaseEntity>(client, PARTITION, rowKey);
    if (!existing) {
      if (!(await createIfAbsent(client, entity))) return undefined;
      const created = await getEntity<LeaseEntity>(client, PARTITION, rowKey);
      if (!created || created.token !== token) return undefined;
      return { name, owner, token, etag: created.etag, expiresAt: entity.expiresAt };
    }
    if (existing.owner !== owner && existing.expiresAt > now) return undefined;
    try {
      const etag = await replaceIfUnchanged(client, entity, existing.etag);
      return { name, owner, token, etag, expiresAt: entity.expiresAt };
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Extends a held lease; undefined when it was lost (someone took it after it expired). */
  async renew(lease: HeldLease, ttlMs: number, now: number): Promise<HeldLease | undefined> {
    const client = await this.store.table('leases');
    const expiresAt = now + ttlMs;
    try {
      const etag = await replaceIfUnchanged(
        client,
        {
          partitionKey: PARTITION,
          rowKey: escapeKey(lease.name),
          name: lease.name,
          owner: lease.owner,
          token: lease.token,
          expiresAt,
          acquiredAt: now,
        },
        lease.etag,
      );
      return { ...lease, etag, expiresAt };
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Gives the lease back at once (graceful stop), unless someone else already has it. */
  async release(lease: HeldLease, now: number): Promise<void> {
    const client = await this.store.table('leases');
    try {
      await replaceIfUnchanged(
        client,
        {
          partitionKey: PARTITION,
          rowKey: escapeKey(lease.name),
          name: lease.name,
          owner: lease.owner,
          token: `${lease.token}.released`,
          expiresAt: now,
          acquiredAt: now,
        },
        lease.etag,
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  async describe(name: string): Promise<LeaseInfo | undefined> {
    const client = await this.store.table('leases');
    const entity = await getEntity<LeaseEntity>(client, PARTITION, escapeKey(name));
    return entity ? { owner: entity.owner, expiresAt: entity.expiresAt } : undefined;
  }
}
