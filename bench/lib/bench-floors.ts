/**
 * The floors of `bench:polls`: two card actions that only the benchmark's bot process registers
 * (through `createApp`'s `extraFeatures`), so they run through the same server, adapter and
 * middleware as a poll answer. `bench.noop` answers at once; `bench.oneRead` first makes one
 * storage point read (the sender's participant row, straight from the table, whatever caches the
 * app has). Never part of production wiring.
 */
import { z } from 'zod';
import type { Feature, FeatureContext } from '../../bot/src/platform/feature';
import { escapeKey } from '../../bot/src/platform/storage/keys';
import { getEntity } from '../../bot/src/platform/storage/table-store';
import type { CardAction } from '../../bot/src/platform/teams';
import { FLOOR_VERBS, TENANT } from './polls-people';

const anyData = z.unknown();

export function benchFloorsFeature(context: FeatureContext): Feature {
  const noop: CardAction<typeof anyData> = {
    verb: FLOOR_VERBS.noop,
    schema: anyData,
    handle: () => Promise.resolve({ kind: 'message', text: 'ok' }),
  };
  const oneRead: CardAction<typeof anyData> = {
    verb: FLOOR_VERBS.oneRead,
    schema: anyData,
    handle: async (turn) => {
      const client = await context.store.table('participants');
      const found = await getEntity(client, escapeKey(TENANT), escapeKey(turn.sender.aadObjectId ?? ''));
      return { kind: 'message', text: found ? 'ok' : 'unknown' };
    },
  };
  return { name: 'bench-floors', cardActions: [noop, oneRead] };
}
