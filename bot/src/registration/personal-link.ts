import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';
import { getEntity, createIfAbsent, type TableStore } from '../platform/storage/table-store';

/**
 * A link a person opens outside Teams (the calendar file in Outlook, a recording in the browser)
 * carries no Teams sign-in, so the link itself says who may fetch what: a token naming the round,
 * the event, the person and what it opens, with an expiry. This interface is all the registration
 * feature knows of it, so one mechanism for reminders, groups and registration can replace the
 * implementation below without touching anything else.
 */
export type PersonalLinkPurpose = 'calendar' | 'recording';

export interface PersonalLinkClaims extends TeamsIdentity {
  readonly purpose: PersonalLinkPurpose;
  readonly roundId: string;
  readonly eventId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export type PersonalLinkCheck =
  | { readonly ok: true; readonly claims: PersonalLinkClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

export interface PersonalLinkSigner {
  sign(claims: PersonalLinkClaims): Promise<string>;
  verify(token: string, now: Date): Promise<PersonalLinkCheck>;
}

const claimsSchema = z.object({
  p: z.enum(['calendar', 'recording']),
  r: z.string().min(1),
  e: z.string().min(1),
  t: z.string().min(1),
  o: z.string().min(1),
  x: z.number().int(),
});

const VERSION = 'r1';
const KEY_PARTITION = '~keys';
const KEY_ROW = 'personal-links';

/**
 * HMAC-SHA256 over the claims, with a random key kept in the registrations table: created once,
 * shared by every instance and every restart, so no setting is needed.
 */
export class HmacPersonalLinkSigner implements PersonalLinkSigner {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly store: TableStore) {}

  async sign(claims: PersonalLinkClaims): Promise<string> {
    const payload = Buffer.from(
      JSON.stringify({
        p: claims.purpose,
        r: claims.roundId,
        e: claims.eventId,
        t: claims.tenantId,
        o: claims.aadObjectId,
        x: claims.expiresAt,
      }),
    ).toString('base64url');
    return `${VERSION}.${payload}.${mac(`${VERSION}.${payload}`, await this.signingKey())}`;
  }

  async verify(token: string, now: Date): Promise<PersonalLinkCheck> {
    const [version, payload, signature, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !signature || rest.length > 0)
      return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(mac(`${version}.${payload}`, await this.signingKey()));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'signature' };
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) return { ok: false, reason: 'malformed' };
      throw error;
    }
    const parsed = claimsSchema.safeParse(decoded);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.x * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      claims: {
        purpose: parsed.data.p,
        roundId: parsed.data.r,
        eventId: parsed.data.e,
        tenantId: parsed.data.t,
        aadObjectId: parsed.data.o,
        expiresAt: parsed.data.x,
      },
    };
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= this.loadKey().catch((error: unknown) => {
      // A failed read must not poison the cache: the next link tries again.
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadKey(): Promise<Buffer> {
    const client = await this.store.table('registrations');
    const existing = await getEntity<{ key: string }>(client, KEY_PARTITION, KEY_ROW);
    if (existing) return Buffer.from(existing.key, 'base64');
    const key = randomBytes(32).toString('base64');
    if (await createIfAbsent(client, { partitionKey: KEY_PARTITION, rowKey: KEY_ROW, kind: 'key', key })) {
      return Buffer.from(key, 'base64');
    }
    // Another instance created it first: use theirs.
    const winner = await getEntity<{ key: string }>(client, KEY_PARTITION, KEY_ROW);
    if (!winner) throw new Error('The personal link key disappeared');
    return Buffer.from(winner.key, 'base64');
  }
}

function mac(text: string, key: Buffer): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
