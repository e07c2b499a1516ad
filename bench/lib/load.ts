/**
 * A load client for benchmarks of the bot over HTTP, meant to run in a process of its own: a fixed
 * pool of keep-alive connections opened (and warmed) before a run, so a run never waits for the
 * server to accept new connections; a closed loop (a fixed number always in flight) and an open
 * loop (arrivals at a fixed rate whatever the answers' speed, latency counted from when each
 * request was due, so a slow server cannot hide its queue by slowing the client).
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Reply {
  readonly status: number;
  readonly text: string;
}

export interface RunResult {
  readonly name: string;
  readonly count: number;
  /** From the first request (or the first due time) to the last answer. */
  readonly seconds: number;
  readonly latencies: readonly number[];
  readonly failures: number;
  /** Connections the client had to open during the run (0 with a warm pool). */
  readonly newConnections: number;
  /** Open loop: the arrival rate asked for, and the one the client managed to send at. */
  readonly offeredRate?: number;
  readonly sentRate?: number;
}

export class LoadClient {
  private readonly agent: http.Agent;
  private readonly seen = new WeakSet<Socket>();
  private opened = 0;

  constructor(
    private readonly port: number,
    readonly connections: number,
  ) {
    // LIFO would leave the least recently used sockets idle until the server closes them.
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
      scheduling: 'fifo',
    });
  }

  /** Opens every connection of the pool with cheap requests, so a run starts with all of them warm. */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.connections }, () => this.request('GET', '/healthz')));
  }

  get connectionsOpened(): number {
    return this.opened;
  }

  request(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path,
          method,
          agent: this.agent,
          headers: {
            ...headers,
            ...(body !== undefined
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
              : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('socket', (socket: Socket) => {
        if (this.seen.has(socket)) return;
        this.seen.add(socket);
        this.opened += 1;
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  /** `count` POSTs to `path`, `concurrency` always in flight. */
  async closedLoop(
    name: string,
    path: string,
    bodies: readonly string[],
    concurrency: number,
    check: (reply: Reply) => boolean,
  ): Promise<RunResult> {
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const openedBefore = this.opened;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (next < bodies.length) {
        const body = bodies[next] ?? '';
        next += 1;
        const at = performance.now();
        const reply = await this.request('POST', path, body).catch(() => ({ status: 0, text: '' }));
        latencies.push(performance.now() - at);
        if (!check(reply)) failures += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
    return {
      name,
      count: bodies.length,
      seconds: (performance.now() - started) / 1000,
      latencies,
      failures,
      newConnections: this.opened - openedBefore,
    };
  }

  /**
   * POSTs at `rate` a second, evenly spaced, until every body is sent. Requests beyond the pool's
   * connections wait in the client's queue, and that wait counts in their latency.
   */
  async openLoop(
    name: string,
    path: string,
    bodies: readonly string[],
    rate: number,
    check: (reply: Reply) => boolean,
  ): Promise<RunResult> {
    const latencies: number[] = [];
    let failures = 0;
    let sent = 0;
    let lastSent = 0;
    const openedBefore = this.opened;
    const inFlight: Promise<void>[] = [];
    const started = performance.now();
    while (sent < bodies.length) {
      const due = Math.min(bodies.length, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      while (sent < due) {
        const dueAt = started + (sent / rate) * 1000;
        const body = bodies[sent] ?? '';
        sent += 1;
        inFlight.push(
          this.request('POST', path, body)
            .catch(() => ({ status: 0, text: '' }))
            .then((reply) => {
              latencies.push(performance.now() - dueAt);
              if (!check(reply)) failures += 1;
            }),
        );
      }
      lastSent = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    return {
      name,
      count: bodies.length,
      seconds,
      latencies,
      failures,
      newConnections: this.opened - openedBefore,
      offeredRate: rate,
      sentRate: bodies.length / Math.max(0.001, (lastSent - started) / 1000),
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
