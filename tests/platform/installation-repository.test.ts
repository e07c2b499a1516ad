import { InstallationRepository } from '../../bot/src/platform/teams';
import { TableStore } from '../../bot/src/platform/storage/table-store';
import { testStorageConnectionString, uniquePrefix } from '../support/test-app';

const reference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  user: { id: '29:aino', name: 'Aino Korhonen', aadObjectId: 'aino' },
  bot: { id: '28:bot', name: 'Digiverkosto' },
  conversation: { id: 'a:personal-aino', tenantId: 'tenant-1', conversationType: 'personal', isGroup: false },
};
const key = '_tenant-1_a:personal-aino';

describe('where the app is installed', () => {
  it('writes a conversation it sees in messages once, not on every message', async () => {
    const store = new TableStore(
      { kind: 'connectionString', connectionString: testStorageConnectionString() },
      uniquePrefix(),
    );
    const installations = new InstallationRepository(store);
    expect(await installations.add(key, reference, { overwrite: false })).toBe(true);
    expect((await installations.personalChat('tenant-1', 'aino'))?.conversationId).toBe('a:personal-aino');

    // Remove the row behind the repository's back: a second "add unless present" does not write.
    const client = await store.table('installations');
    for await (const row of client.listEntities())
      await client.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '');
    expect(await installations.add(key, reference, { overwrite: false })).toBe(false);
    expect(await installations.personalChat('tenant-1', 'aino')).toBeUndefined();

    // An install overwrites whatever is known, and an uninstall forgets it.
    await installations.add(key, reference, { overwrite: true });
    expect(await installations.personalChat('tenant-1', 'aino')).toBeDefined();
    await installations.remove(key, reference);
    expect(await installations.add(key, reference, { overwrite: false })).toBe(true);
  });
});
