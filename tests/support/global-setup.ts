import { startAzurite } from '../../scripts/lib/azurite';

/** One in-memory Azurite for the whole run; each test file isolates itself with its own table prefix. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite();
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __AZURITE__?: typeof azurite }).__AZURITE__ = azurite;
}
