import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { TeamsIdentity } from '../shared/participant';

/**
 * The calendar link on an invitation card opens in Outlook or a browser, which send no Teams SSO
 * token, so the link itself carries who may fetch which meeting: a per-member token that expires a
 * week after the meeting ends. It names the meeting, not a version, so the link on an old card
 * still fetches the current invitation.
 *
 * The token is a JWT signed with HS256 by jose, the library the tab's sign-in already trusts for
 * JWS: it does the encoding, the constant-time signature check, the algorithm pinning and the
 * expiry, so none of that is ours to get wrong. Claims are kept short (r, m, t, o) because the
 * token travels in a URL.
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
  exp: z.number().int(),
});

const ALGORITHM = 'HS256';
export const LINK_VALIDITY_AFTER_MEETING_S = 7 * 24 * 3600;

export async function signInvitationToken(claims: InvitationClaims, key: Buffer): Promise<string> {
  return new SignJWT({ r: claims.roundId, m: claims.meetingId, t: claims.tenantId, o: claims.aadObjectId })
    .setProtectedHeader({ alg: ALGORITHM })
    .setExpirationTime(claims.expiresAt)
    .sign(key);
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: InvitationClaims }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

export async function verifyInvitationToken(token: string, key: Buffer, now: Date): Promise<TokenCheck> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
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
  return {
    ok: true,
    claims: {
      roundId: parsed.data.r,
      meetingId: parsed.data.m,
      tenantId: parsed.data.t,
      aadObjectId: parsed.data.o,
      expiresAt: parsed.data.exp,
    },
  };
}
