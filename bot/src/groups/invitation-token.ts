import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';

/**
 * The calendar link on an invitation card opens in Outlook or a browser, which send no Teams SSO
 * token, so the link itself carries who may fetch which meeting: a per-member token signed with
 * HMAC-SHA256 that expires a week after the meeting ends. It names the meeting, not a version, so
 * the link on an old card still fetches the current invitation.
 */
export interface InvitationClaims extends TeamsIdentity {
  readonly roundId: string;
  readonly meetingId: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const claimsSchema = z.object({
  r: z.string().min(1),
  m: z.string().min(1),
  t: z.string().min(1),
  o: z.string().min(1),
  e: z.number().int(),
});

const VERSION = 'v1';
export const LINK_VALIDITY_AFTER_MEETING_S = 7 * 24 * 3600;

export function signInvitationToken(claims: InvitationClaims, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({
      r: claims.roundId,
      m: claims.meetingId,
      t: claims.tenantId,
      o: claims.aadObjectId,
      e: claims.expiresAt,
    }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${mac(`${VERSION}.${payload}`, key)}`;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: InvitationClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

export function verifyInvitationToken(token: string, key: Buffer, now: Date): TokenCheck {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0)
    return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(`${version}.${payload}`, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, reason: 'malformed' };
    throw error;
  }
  const parsed = claimsSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.e * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claims: {
      roundId: parsed.data.r,
      meetingId: parsed.data.m,
      tenantId: parsed.data.t,
      aadObjectId: parsed.data.o,
      expiresAt: parsed.data.e,
    },
  };
}

function mac(text: string, key: Buffer): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
