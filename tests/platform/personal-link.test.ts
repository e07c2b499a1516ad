import { JwtPersonalLinkSigner, type PersonalLinkClaims } from '../../bot/src/platform/links/personal-link';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

function newStore(prefix = uniquePrefix()): TableStore {
  return new TableStore(
    { kind: 'connectionString', connectionString: testStorageConnectionString() },
    prefix,
  );
}

const claims: PersonalLinkClaims = {
  purpose: 'event-calendar',
  roundId: 'round-2',
  itemId: 'leadership-1',
  tenantId: 't',
  aadObjectId: 'a',
  expiresAt: Math.floor(Date.parse('2025-11-01T00:00:00Z') / 1000),
};
const target = { purpose: 'event-calendar', roundId: 'round-2', itemId: 'leadership-1' } as const;
const before = new Date('2025-10-01T00:00:00Z');

describe('the signed personal link (one mechanism for calendar files, invitations and recordings)', () => {
  it('opens for its person and target until it expires, and signing twice gives the same link', async () => {
    const signer = new JwtPersonalLinkSigner(newStore());
    const token = await signer.sign(claims);
    expect(await signer.sign(claims)).toBe(token);
    expect(await signer.verify(token, target, before)).toEqual({ ok: true, claims });
    expect(await signer.verify(token, target, new Date('2025-11-02T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('never opens another purpose, item or round than the one it was issued for', async () => {
    const signer = new JwtPersonalLinkSigner(newStore());
    const token = await signer.sign(claims);
    for (const other of [
      { ...target, purpose: 'registration-calendar' as const },
      { ...target, purpose: 'recording' as const },
      { ...target, itemId: 'leadership-2' },
      { ...target, roundId: 'round-1' },
    ]) {
      expect(await signer.verify(token, other, before)).toEqual({ ok: false, reason: 'other-target' });
    }
    // A route whose path names no round (a meeting id is unique) checks the rest.
    expect(await signer.verify(token, { purpose: 'event-calendar', itemId: 'leadership-1' }, before)).toEqual(
      {
        ok: true,
        claims,
      },
    );
  });

  it('refuses a token signed with another key, edited, unsigned, or not a token at all', async () => {
    const signer = new JwtPersonalLinkSigner(newStore());
    const stranger = new JwtPersonalLinkSigner(newStore());
    const token = await signer.sign(claims);
    expect(await signer.verify(await stranger.sign(claims), target, before)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        p: 'event-calendar',
        r: 'round-2',
        i: 'leadership-1',
        t: 't',
        o: 'z',
        exp: claims.expiresAt,
      }),
    ).toString('base64url');
    expect(await signer.verify(`${header}.${forged}.${signature}`, target, before)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(await signer.verify(`${unsigned}.${forged}.`, target, before)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await signer.verify('garbage', target, before)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('shares one key between instances and restarts (the first one to start creates it)', async () => {
    const prefix = uniquePrefix();
    const [first, second] = [
      new JwtPersonalLinkSigner(newStore(prefix)),
      new JwtPersonalLinkSigner(newStore(prefix)),
    ];
    const [a, b] = await Promise.all([first.sign(claims), second.sign(claims)]);
    expect(a).toBe(b);
    const restarted = new JwtPersonalLinkSigner(newStore(prefix));
    expect(await restarted.verify(a, target, before)).toEqual({ ok: true, claims });
  });
});
