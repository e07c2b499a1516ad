/**
 * The load client of `bench/survey.ts`, in its own process so its work does not share the
 * server's event loop. It plays many browsers answering the public page: each arrival fetches the
 * page (which issues the token and its cookie) and posts a complete answer, from its own address
 * (X-Forwarded-For; the server under test trusts it, as behind App Service's front end).
 * Arrivals are open-loop at a fixed rate, so a slow server cannot slow the arrivals down.
 *
 * Input (argv[2], JSON): { base, codes, rate, seconds, mode: 'answers' | 'floor', seed }.
 * Output (stdout, one JSON line): latencies of the posts (ms), statuses, and counts.
 */
import { performance } from 'node:perf_hooks';
import { random } from './lib/bench-utils';

interface Input {
  readonly base: string;
  readonly codes: readonly string[];
  readonly perspectives: readonly string[];
  readonly rate: number;
  readonly seconds: number;
  readonly mode: 'answers' | 'floor';
  readonly seed: number;
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;

const next = random(input.seed);
const DEPARTMENTS = [
  'central-administration',
  'education',
  'culture-leisure',
  'technical-environment',
  'vitality',
  'other',
];

async function answerOnce(index: number): Promise<{ status: number; ms: number; pageMs: number }> {
  const code = input.codes[Math.floor(next() * input.codes.length)] ?? input.codes[0] ?? '';
  const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const headers = { 'X-Forwarded-For': address };
  const pageStart = performance.now();
  const page = await fetch(`${input.base}/s/${code}`, { headers });
  const html = await page.text();
  const pageMs = performance.now() - pageStart;
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const fields = new URLSearchParams({ token });
  for (const id of input.perspectives) {
    fields.set(`r.${id}`, next() < 0.06 ? 'x' : String(1 + Math.floor(next() * 5)));
  }
  fields.set('b.department', DEPARTMENTS[Math.floor(next() * DEPARTMENTS.length)] ?? 'other');
  fields.set('b.supervisor', next() < 0.2 ? 'yes' : 'no');
  if (next() < 0.1)
    fields.set('comment', 'Järjestelmiä on liikaa, ja samat tiedot syötetään moneen paikkaan.');
  const start = performance.now();
  const response = await fetch(`${input.base}/s/${code}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: fields.toString(),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - start, pageMs };
}

async function floorOnce(): Promise<{ status: number; ms: number; pageMs: number }> {
  const start = performance.now();
  const response = await fetch(`${input.base}/healthz`);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - start, pageMs: 0 };
}

async function main(): Promise<void> {
  const total = Math.round(input.rate * input.seconds);
  const latencies: number[] = [];
  const pageLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / input.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const work = (input.mode === 'answers' ? answerOnce(input.seed * 1_000_000 + i) : floorOnce()).then(
      (result) => {
        latencies.push(result.ms);
        if (result.pageMs > 0) pageLatencies.push(result.pageMs);
        statuses[String(result.status)] = (statuses[String(result.status)] ?? 0) + 1;
      },
      () => {
        errors += 1;
      },
    );
    inFlight.push(work);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ latencies, pageLatencies, statuses, errors, seconds, sent: total })}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
