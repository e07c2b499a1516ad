import { escapeKey, reverseTimeKey, unescapeKey } from '../../bot/src/platform/storage/keys';

describe('Table Storage keys', () => {
  it('escapes exactly the characters Table Storage forbids, reversibly', () => {
    const ids = [
      '19:abc@thread.tacv2;messageid=1234',
      'a:1xYz/with\\slash#hash?query',
      '100%',
      'tab\tand\nnewline\u007f\u0085',
      'ääkköset ja välit',
    ];
    for (const id of ids) {
      const key = escapeKey(id);
      // eslint-disable-next-line no-control-regex
      expect(key).not.toMatch(/[/\\#?\u0000-\u001f\u007f-\u009f]/);
      expect(unescapeKey(key)).toBe(id);
    }
    expect(escapeKey('19:abc@thread.tacv2')).toBe('19:abc@thread.tacv2');
    expect(escapeKey('a/b')).toBe('a%2Fb');
  });

  it('refuses keys longer than Table Storage allows', () => {
    expect(() => escapeKey('x'.repeat(1025))).toThrow(RangeError);
  });

  it('orders reverse time keys newest first', () => {
    const older = reverseTimeKey(new Date('2025-01-01T00:00:00Z'), 'a');
    const newer = reverseTimeKey(new Date('2025-06-01T00:00:00Z'), 'a');
    expect(newer < older).toBe(true);
  });
});
