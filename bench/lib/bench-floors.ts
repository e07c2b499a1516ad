/**
 * The floors of `bench:polls`: two card actions that only the benchmark's bot process registers
 * (through `createApp`'s `extraFeatures`), so they run through the same server, adapter and
 * middleware as a poll answer. `bench.noop` answers at once; `bench.oneRead` first makes one
 * storage point read (the sender's participant row, straight from the table, whatever caches the
 * app has). Never part of production wiring.
 */
import { InvokeResponseFactory, type TeamsFxAdaptiveCardActionHandler } from '@microsoft/teamsfx';
import type { TurnContext } from 'botbuilder';
import type { Feature, FeatureContext } from '../../bot/src/platform/feature';
import { escapeKey } from '../../bot/src/platform/storage/keys';
import { getEntity } from '../../bot/src/platform/storage/table-store';
import { FLOOR_VERBS, TENANT } from './polls-people';

export function benchFloorsFeature(context: FeatureContext): Feature {
  const noop: TeamsFxAdaptiveCardActionHandler = {
    triggerVerb: FLOOR_VERBS.noop,
    handleActionInvoked: () => Promise.resolve(InvokeResponseFactory.textMessage('ok')),
  };
  const oneRead: TeamsFxAdaptiveCardActionHandler = {
    triggerVerb: FLOOR_VERBS.oneRead,
    handleActionInvoked: async (turn: TurnContext) => {
      const client = await context.store.table('participants');
      const found = await getEntity(
        client,
        escapeKey(TENANT),
        escapeKey(turn.activity.from.aadObjectId ?? ''),
      );
      return InvokeResponseFactory.textMessage(found ? 'ok' : 'unknown');
    },
  };
  return { name: 'bench-floors', cardActions: [noop, oneRead] };
}
