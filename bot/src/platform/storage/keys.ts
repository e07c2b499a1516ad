/**
 * Table Storage forbids `/`, `\`, `#`, `?` and control characters in PartitionKey and RowKey.
 * Teams ids (`19:…@thread.tacv2`, `a:1…`, `29:…`) and user input may contain any of them, so keys are
 * percent-encoded for exactly those characters and `%` itself, which keeps ordinary ids readable
 * in Storage Explorer and makes the mapping reversible.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;

export function escapeKey(value: string): string {
  const escaped = value.replace(FORBIDDEN, (character) => {
    const code = character.charCodeAt(0);
    return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
  if (Buffer.byteLength(escaped, 'utf8') > 1024) {
    throw new RangeError('A Table Storage key may not exceed 1 KiB');
  }
  return escaped;
}

export function unescapeKey(value: string): string {
  return value.replace(/%([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A row key that sorts in reverse time order, so that the newest rows come first in a partition
 * scan (Table Storage only returns rows in ascending key order).
 */
export function reverseTimeKey(instant: Date, suffix: string): string {
  const reverse = (8_640_000_000_000_000 - instant.getTime()).toString().padStart(16, '0');
  return `${reverse}_${suffix}`;
}
