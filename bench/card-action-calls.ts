/**
 * Storage calls per turn of the card actions that write, and of a message turn, counted on the
 * real app (the demo network on its own Azurite, through /api/messages): which table, which
 * method, how many round trips. Not a speed benchmark: the counts are what the per-turn costs of
 * bench:polls are made of, for each action that bench does not load.
 *
 *   npx tsx bench/card-action-calls.ts
 */
import { DEMO_ROUND_ID } from '../bot/src/demo/demo-network';
import { seedDemoPeerGroups } from '../bot/src/demo/seed-peer-groups';
import { createLogger } from '../bot/src/platform/observability/logger';
import type { StorageCall } from '../bot/src/platform/storage/table-store';
import { VERBS } from '../bot/src/shared/cards/verbs';
import { startAzurite } from '../scripts/lib/azurite';
import { BotConnectorEmulator } from '../tests/emulators/bot-connector-emulator';
import { TENANT } from '../tests/support/activities';
import {
  AINO,
  execute,
  executeActions,
  invoke,
  movableClock,
  personalText,
  startGroupsApp,
  type GroupsApp,
} from '../tests/groups/support';

const NOW = '2025-09-01T07:00:00.000Z';

interface Counted {
  readonly name: string;
  readonly calls: readonly StorageCall[];
  /** The start of the answer, to show the turn did what it should. */
  readonly answer: string;
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  const connector = new BotConnectorEmulator({ defaultTenantId: TENANT });
  const serviceUrl = (await connector.start()).url;
  const clock = movableClock(NOW);
  const running: GroupsApp = await startGroupsApp({ clock, serviceUrl, env: { SEED_DEMO: 'false' } });
  const calls: StorageCall[] = [];
  running.app.store.observe((call) => calls.push(call));
  const results: Counted[] = [];
  const count = async (name: string, turn: () => Promise<string>): Promise<void> => {
    calls.length = 0;
    const answer = await turn();
    results.push({ name, calls: [...calls], answer });
  };
  const message = async (text: string): Promise<string> => {
    const before = connector.allActivities().length;
    await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(personalText(text, AINO, serviceUrl)),
    });
    const [reply] = (await connector.waitForActivities(before + 1)).slice(before);
    return JSON.stringify(reply?.activity ?? {}).slice(0, 60);
  };
  try {
    const { groups, invitations } = running.groups;
    await seedDemoPeerGroups(groups, invitations, clock(), createLogger('silent'));
    // Only the turns are counted: background work (the outbox's polling) is stopped.
    for (const feature of running.app.features) await feature.stop?.();
    // Warm: tables created, caches filled, the personal chat known.
    await message('ohje');
    await count('`ohje` message', () => message('ohje'));
    await count('`ohje` message again', () => message('ohje'));

    const before = connector.allActivities().length;
    await message('ryhmäni');
    const card: unknown = connector.allActivities()[before]?.activity.attachments?.[0]?.content;
    const accept = executeActions(card).find((action) => action.title === 'Osallistun');
    const decline = accept ? { ...accept, data: { ...accept.data, response: 'declined' } } : undefined;
    await count('RSVP: accept', async () =>
      (await invoke(running, execute(VERBS.rsvp, accept?.data, AINO, serviceUrl))).text.slice(0, 80),
    );
    await count('RSVP: decline (a change)', async () =>
      (await invoke(running, execute(VERBS.rsvp, decline?.data, AINO, serviceUrl))).text.slice(0, 80),
    );

    const cannotAttend = { roundId: DEMO_ROUND_ID, eventId: 'training-digital-future' };
    await count('I can’t attend', async () =>
      (await invoke(running, execute(VERBS.cannotAttend, cannotAttend, AINO, serviceUrl))).text.slice(0, 80),
    );
    await count('I can’t attend again', async () =>
      (await invoke(running, execute(VERBS.cannotAttend, cannotAttend, AINO, serviceUrl))).text.slice(0, 80),
    );

    await count('language: svenska', async () =>
      (await invoke(running, execute(VERBS.setLanguage, { language: 'sv' }, AINO, serviceUrl))).text.slice(
        0,
        80,
      ),
    );
    await count('language: suomi', async () =>
      (await invoke(running, execute(VERBS.setLanguage, { language: 'fi' }, AINO, serviceUrl))).text.slice(
        0,
        80,
      ),
    );

    process.stdout.write('Storage calls per turn (the demo network on Azurite, through /api/messages)\n\n');
    for (const result of results) {
      const kinds = new Map<string, number>();
      for (const call of result.calls) {
        const kind = `${call.table} ${call.method}${call.batch ? ' batch' : ''}${call.status !== undefined && call.status >= 400 ? ` (${call.status})` : ''}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const list = [...kinds].map(([kind, n]) => `${kind}${n > 1 ? ` ×${n}` : ''}`).join(', ');
      process.stdout.write(
        `${result.name.padEnd(26)} ${String(result.calls.length).padStart(2)} calls: ${list}\n`,
      );
      process.stdout.write(`${''.padEnd(26)}    answer: ${result.answer.replace(/\s+/g, ' ')}\n`);
    }
  } finally {
    await running.stop();
    await connector.stop();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
