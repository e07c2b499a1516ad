import type { AzuriteProcess } from '../../scripts/lib/azurite';

export default async function globalTeardown(): Promise<void> {
  const azurite = (globalThis as { __AZURITE__?: AzuriteProcess }).__AZURITE__;
  await azurite?.stop();
}
