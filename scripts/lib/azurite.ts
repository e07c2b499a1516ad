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

/**
 * Resolves once something accepts connections on the port. With `helper`, fails as soon as that
 * process has exited: then whatever answers on the port is not what was started.
 */
export async function waitForPort(
  port: number,
  timeoutMs = 20000,
  host = '127.0.0.1',
  helper?: { readonly name: string; readonly exited: boolean },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (helper?.exited) throw new Error(`${helper.name} exited before it listened on port ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open && !helper?.exited) return;
    if (Date.now() > deadline) throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port another process holds; the message names it and the setting that moves it. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string,
    readonly variable: string,
  ) {
    super(
      `Port ${port} (${what}) is already in use, perhaps by an earlier npm start that is still running. ` +
        `Stop that process, or choose another port with ${variable}.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Throws {@link PortInUseError} when something listens on the loopback port. */
export async function ensurePortFree(port: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, what, variable) : error);
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
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
    // An Azurite that cannot bind the port exits; one already listening there is not ours to use.
    await waitForPort(port, 20000, '127.0.0.1', {
      name: 'Azurite',
      get exited() {
        return helper.exited;
      },
    });
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
