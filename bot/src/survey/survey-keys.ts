import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TeamsIdentity } from '../shared/participant';

/**
 * The survey's secrets, all derived from one random key the store creates on first use.
 *
 * - **Answer tokens**: the public page hands each browser a random nonce signed for one survey
 *   (`v1.<nonce>.<issued>.<mac>`), in a cookie and in the form. An answer needs a token the server
 *   issued, and each token is accepted once: the answer row's key is a keyed hash of the nonce, so a
 *   replayed token fails to create its row. The signature means a script cannot mint tokens without
 *   fetching the page (which is rate-limited per address).
 * - **One-time codes**: stored as keyed hashes, so the table never holds a usable code.
 * - **The Teams answer ledger**: who already answered from a Teams card is stored as a keyed hash of
 *   survey and person, never the object id. A plain hash would not do: anyone who can read the
 *   table and knows the roster's object ids could hash each of them and see who answered. With the
 *   key (held in storage apart from the rows, never exported) the app can still check "has this
 *   person answered?" and erase the row on request, and the row holds nothing that names anyone.
 */
export class SurveyKeys {
  private readonly tokenKey: Buffer;
  private readonly answerKey: Buffer;
  private readonly codeKey: Buffer;
  private readonly ledgerKey: Buffer;

  constructor(master: Buffer) {
    const derive = (purpose: string): Buffer => createHmac('sha256', master).update(purpose).digest();
    this.tokenKey = derive('survey answer token v1');
    this.answerKey = derive('survey answer row v1');
    this.codeKey = derive('survey one-time code v1');
    this.ledgerKey = derive('survey teams ledger v1');
  }

  issueToken(surveyId: string, now: Date): string {
    const nonce = randomBytes(18).toString('base64url');
    const issued = Math.floor(now.getTime() / 1000).toString(36);
    return `v1.${nonce}.${issued}.${this.mac(surveyId, nonce, issued)}`;
  }

  /** The token's nonce when the server issued it for this survey within `maxAgeMs`. */
  verifyToken(
    surveyId: string,
    token: string,
    now: Date,
    maxAgeMs: number,
  ):
    | { readonly ok: true; readonly nonce: string }
    | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' } {
    const parts = token.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
    const [, nonce = '', issued = '', signature = ''] = parts;
    if (!/^[A-Za-z0-9_-]{24}$/.test(nonce) || !/^[0-9a-z]{1,10}$/.test(issued)) {
      return { ok: false, reason: 'malformed' };
    }
    const expected = Buffer.from(this.mac(surveyId, nonce, issued));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'signature' };
    }
    const issuedAt = parseInt(issued, 36) * 1000;
    if (now.getTime() - issuedAt > maxAgeMs || issuedAt - now.getTime() > 5 * 60_000) {
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, nonce };
  }

  /** The answer row of a token: the same for a replay, unlinkable to the token without the key. */
  answerRowId(nonce: string): string {
    return createHmac('sha256', this.answerKey).update(nonce).digest('base64url').slice(0, 32);
  }

  codeRowId(surveyId: string, normalisedCode: string): string {
    return createHmac('sha256', this.codeKey)
      .update(`${surveyId}\n${normalisedCode}`)
      .digest('base64url')
      .slice(0, 32);
  }

  ledgerRowId(surveyId: string, person: TeamsIdentity): string {
    return createHmac('sha256', this.ledgerKey)
      .update(`${surveyId}\n${person.tenantId}\n${person.aadObjectId}`)
      .digest('base64url')
      .slice(0, 32);
  }

  private mac(surveyId: string, nonce: string, issued: string): string {
    return createHmac('sha256', this.tokenKey)
      .update(`${surveyId}.${nonce}.${issued}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
