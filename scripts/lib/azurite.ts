import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startHelper } from './helper-process';

/** The well-known development account of the Azure Storage emulator (public, not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number, host = '127.0.0.1'): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `TableEndpoint=http://${host}:${port}/${AZURITE_ACCOUNT};`
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 20000, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface AzuriteProcess {
  readonly port: number;
  readonly connectionString: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the Table Storage emulator from node_modules, in memory (tests) or on disk (`location`),
 * as a helper process that only its owner stops (see {@link startHelper}).
 */
export async function startAzurite(
  options: { port?: number; location?: string } = {},
): Promise<AzuriteProcess> {
  const port = options.port ?? (await freePort());
  const bin = path.join(__dirname, '..', '..', 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js');
  const args = [
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
  ];
  if (options.location) args.push('--location', options.location);
  else args.push('--inMemoryPersistence');
  const helper = startHelper(bin, args, { env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  try {
    await waitForPort(port);
  } catch (error) {
    await helper.stop();
    throw error;
  }
  return {
    port,
    connectionString: azuriteConnectionString(port),
    child: helper.child,
    stop: () => helper.stop(),
  };
}
