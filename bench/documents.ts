/**
 * Benchmark of the document kit: rendering the eight-page survey report sample (Hämeenlinna, five
 * charts, four tables, key figures; scripts/lib/sample-documents.ts) to PDF and to DOCX. Each
 * format runs in a process of its own, so each peak memory figure is that format's alone. A process
 * renders once cold (fonts read and parsed, code compiled), then three times warm; the median of
 * the three is the figure, next to a floor measured the same way in the same process: a one-page
 * document with a title page and one paragraph, the cost of any document at all.
 * Target: ≤ 3 s for each format on the 2-core machine.
 *
 *   npx tsx bench/documents.ts            (or npm run bench:documents)
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { renderDocx, renderPdf, type ReportDocument } from '../bot/src/platform/documents';
import { surveyReportSample } from '../scripts/lib/sample-documents';

type Format = 'pdf' | 'docx';

interface ChildResult {
  readonly format: Format;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  readonly floorMs: readonly number[];
  readonly bytes: number;
  readonly peakRssMb: number;
  /** Resident memory once the modules are loaded, before the first document. */
  readonly startRssMb: number;
}

const RUNS = 3;
const TARGET_MS = 3_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const floorDocument: ReportDocument = {
  language: 'fi',
  branding: {
    organisationName: 'Hämeenlinnan kaupunki',
    primaryColour: '#1D4E89',
    secondaryColour: '#2A9D8F',
  },
  titlePage: { title: 'Lyhyt muistio' },
  date: new Date('2026-12-01T08:00:00Z'),
  blocks: [{ type: 'paragraph', text: 'Yksi kappale tekstiä.' }],
};

async function child(format: Format): Promise<void> {
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const render = format === 'pdf' ? renderPdf : renderDocx;
  const report = surveyReportSample('fi');
  const time = async (document: ReportDocument): Promise<{ ms: number; bytes: number }> => {
    const start = performance.now();
    const output = await render(document);
    return { ms: performance.now() - start, bytes: output.length };
  };
  const cold = await time(report);
  const warm: number[] = [];
  let bytes = cold.bytes;
  for (let run = 0; run < RUNS; run += 1) {
    const result = await time(report);
    warm.push(result.ms);
    bytes = result.bytes;
  }
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run += 1) floor.push((await time(floorDocument)).ms);
  const result: ChildResult = {
    format,
    coldMs: cold.ms,
    warmMs: warm,
    floorMs: floor,
    bytes,
    // maxRSS is in kilobytes: the process's peak resident memory, cold run included.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function parent(): void {
  const results: ChildResult[] = [];
  for (const format of ['pdf', 'docx'] as const) {
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', format], {
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      throw new Error(`The ${format} benchmark process failed`);
    }
    const line = run.stdout.trim().split('\n').pop() ?? '';
    results.push(JSON.parse(line) as ChildResult);
  }
  const pages = 8;
  console.log(
    `Survey report sample (${pages} pages, 5 charts, 4 tables), fi; median of ${RUNS} warm runs after a cold one`,
  );
  for (const result of results) {
    const warm = median(result.warmMs);
    const floor = median(result.floorMs);
    console.log(
      [
        `${result.format.toUpperCase().padEnd(4)}`,
        `median ${warm.toFixed(0)} ms`,
        `(runs ${result.warmMs.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
        `cold ${result.coldMs.toFixed(0)} ms`,
        `floor ${floor.toFixed(0)} ms (× ${(warm / floor).toFixed(1)})`,
        `${(result.bytes / 1024).toFixed(0)} KB`,
        `peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.startRssMb.toFixed(0)} MB before the first document)`,
        warm <= TARGET_MS ? `target ≤ ${TARGET_MS} ms met` : `target ≤ ${TARGET_MS} ms NOT met`,
      ].join('  '),
    );
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const format = process.argv[childIndex + 1];
  if (format !== 'pdf' && format !== 'docx') throw new Error('--child takes pdf or docx');
  child(format).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parent();
}
