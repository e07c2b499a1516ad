import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { TeamsIdentity } from '../../shared/participant';
import { createIfAbsent, getEntity, type TableStore } from '../storage/table-store';

/**
 * A link a person opens outside Teams (a calendar file in Outlook, a recording in the browser)
 * carries no Teams sign-in, so the link itself says who may open what: a token naming what it is
 * for, the round, the item (an event, a small group's meeting), the person, and an expiry. This is
 * the one mechanism for every such link: reminders, small-group invitations, registrations and
 * recordings all sign and check their links here, and each route still checks that the person may
 * see the item today (a token only says who asked, never that they still may).
 */
export const PERSONAL_LINK_PURPOSES = [
  'event-calendar',
  'registration-calendar',
  'group-invitation',
  'recording',
] as const;
export type PersonalLinkPurpose = (typeof PERSONAL_LINK_PURPOSES)[number];

export interface PersonalLinkClaims extends TeamsIdentity {
  readonly purpose: PersonalLinkPurpose;
  readonly roundId: string;
  /** The event or meeting the link opens. */
  readonly itemId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** What the route serving a link expects the link to be for; the round when its path names it. */
export interface PersonalLinkTarget {
  readonly purpose: PersonalLinkPurpose;
  readonly itemId: string;
  readonly roundId?: string;
}

export type PersonalLinkCheck =
  | { readonly ok: true; readonly claims: PersonalLinkClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' | 'other-target' };

export interface PersonalLinkSigner {
  sign(claims: PersonalLinkClaims): Promise<string>;
  /** Checks the signature, the expiry and that the link was issued for this target. */
  verify(token: string, target: PersonalLinkTarget, now: Date): Promise<PersonalLinkCheck>;
}

const claimsSchema = z.object({
  p: z.enum(PERSONAL_LINK_PURPOSES),
  r: z.string().min(1),
  i: z.string().min(1),
  t: z.string().min(1),
  o: z.string().min(1),
  exp: z.number().int(),
});

const ALGORITHM = 'HS256';
const KEY_TABLE = 'linkkeys';
const KEY_PARTITION = 'keys';
const KEY_ROW = 'personal-links';

/**
 * The token is a JWT signed with HS256 by jose, the library the tab's sign-in already trusts for
 * JWS: encoding, the constant-time signature check, algorithm pinning and expiry are its job. No
 * `iat` is set, so signing the same claims twice gives the same token: a reminder rendered again
 * after a restart has the same body, and the outbox still sends it once. Claims are one letter
 * each because the token travels in a URL.
 *
 * The key is random, kept in its own table: created once, shared by every instance and restart,
 * so no setting is needed.
 */
export class JwtPersonalLinkSigner implements PersonalLinkSigner {
  private key: Promise<Buffer> | undefined;

  constructor(private readonly store: TableStore) {}

  async sign(claims: PersonalLinkClaims): Promise<string> {
    return new SignJWT({
      p: claims.purpose,
      r: claims.roundId,
      i: claims.itemId,
      t: claims.tenantId,
      o: claims.aadObjectId,
    })
      .setProtectedHeader({ alg: ALGORITHM })
      .setExpirationTime(claims.expiresAt)
      .sign(await this.signingKey());
  }

  async verify(token: string, target: PersonalLinkTarget, now: Date): Promise<PersonalLinkCheck> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, await this.signingKey(), {
        algorithms: [ALGORITHM],
        currentDate: now,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature' };
      // Not a JWS, another algorithm, a claim of the wrong type: nothing we issued.
      if (error instanceof errors.JOSEError) return { ok: false, reason: 'malformed' };
      throw error;
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    const claims: PersonalLinkClaims = {
      purpose: parsed.data.p,
      roundId: parsed.data.r,
      itemId: parsed.data.i,
      tenantId: parsed.data.t,
      aadObjectId: parsed.data.o,
      expiresAt: parsed.data.exp,
    };
    // A link for one thing never opens another: a reminder's calendar link is not a registration's.
    if (
      claims.purpose !== target.purpose ||
      claims.itemId !== target.itemId ||
      (target.roundId !== undefined && claims.roundId !== target.roundId)
    ) {
      return { ok: false, reason: 'other-target' };
    }
    return { ok: true, claims };
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
    const client = await this.store.table(KEY_TABLE);
    const existing = await getEntity<{ key: string }>(client, KEY_PARTITION, KEY_ROW);
    if (existing) return Buffer.from(existing.key, 'base64');
    const key = randomBytes(32).toString('base64');
    if (await createIfAbsent(client, { partitionKey: KEY_PARTITION, rowKey: KEY_ROW, key })) {
      return Buffer.from(key, 'base64');
    }
    // Another instance created it first: use theirs.
    const winner = await getEntity<{ key: string }>(client, KEY_PARTITION, KEY_ROW);
    if (!winner) throw new Error('The personal link key disappeared');
    return Buffer.from(winner.key, 'base64');
  }
}

/** A link stays valid a week after its event or meeting ends (a late look at the calendar). */
export const LINK_VALIDITY_AFTER_END_S = 7 * 24 * 3600;

/** The expiry of a link to something that ends at `endsAt` (ISO time). */
export function linkExpiry(endsAt: string, afterEndS: number = LINK_VALIDITY_AFTER_END_S): number {
  return Math.floor(new Date(endsAt).getTime() / 1000) + afterEndS;
}
