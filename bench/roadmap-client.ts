/**
 * The load client of `bench/roadmap.ts`, in its own process so its work does not share the
 * server's event loop. It asks each path in turn, one request at a time (latency, not
 * throughput), `repeats` times after one unmeasured warm-up request per path (unless `warmUp` is
 * false).
 *
 * Input (argv[2], JSON): { base, token, paths: { name: path }, repeats, warmUp? }.
 * Output (stdout, one JSON line): { name: { ms: number[], statuses: { status: count }, bytes } }.
 */
import { performance } from 'node:perf_hooks';

interface Input {
  readonly base: string;
  readonly token: string;
  readonly paths: Readonly<Record<string, string>>;
  readonly repeats: number;
  /** False for the summary documents: the server keeps a rendered file a few minutes, so only the first request renders. */
  readonly warmUp?: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;

async function once(path: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(`${input.base}${path}`, {
    headers: { Authorization: `Bearer ${input.token}`, Accept: 'application/json' },
  });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
}

async function main(): Promise<void> {
  const result: Record<string, { ms: number[]; statuses: Record<string, number>; bytes: number }> = {};
  for (const [name, path] of Object.entries(input.paths)) {
    if (input.warmUp !== false) await once(path);
    const entry = { ms: [] as number[], statuses: {} as Record<string, number>, bytes: 0 };
    for (let i = 0; i < input.repeats; i += 1) {
      const answer = await once(path);
      entry.ms.push(answer.ms);
      entry.statuses[String(answer.status)] = (entry.statuses[String(answer.status)] ?? 0) + 1;
      entry.bytes = answer.bytes;
    }
    result[name] = entry;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
