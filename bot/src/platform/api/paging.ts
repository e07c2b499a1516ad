import { z } from 'zod';
import { ApiError } from './api-router';

/** `pageSize` for a listing: 1 to `max`, `fallback` when absent. */
export function pageSizeSchema(fallback: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(fallback);
}

/**
 * Paging over a list that is already bounded and in memory (one round's programme): the token is
 * an opaque offset, so clients treat it like a storage continuation token.
 */
export function pageOf<T>(
  items: readonly T[],
  pageSize: number,
  continuationToken: string | undefined,
): { items: T[]; continuationToken: string | null } {
  const offset = continuationToken === undefined ? 0 : decodeOffset(continuationToken);
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return { items: page, continuationToken: next < items.length ? encodeOffset(next) : null };
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(token: string): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new ApiError(400, 'The continuation token is not valid.');
  return Number(match[1]);
}
