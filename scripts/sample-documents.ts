/**
 * Writes the kit's sample documents (see scripts/lib/sample-documents.ts) to
 * test-artifacts/documents/: the survey report and the branded roadmap, in Finnish and Swedish, as
 * PDF and DOCX. With --png it also turns every PDF page into a PNG (pdftoppm, Debian's
 * poppler-utils) and, where LibreOffice is installed (`apt-get install libreoffice-writer-nogui`),
 * converts each DOCX to PDF and PNG as Word-like software lays it out, so the output can be looked
 * at page by page.
 *
 *   npx tsx scripts/sample-documents.ts [--png]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderDocx, renderPdf } from '../bot/src/platform/documents';
import { roadmapSample, surveyReportSample } from './lib/sample-documents';

const OUT = path.join(__dirname, '..', 'test-artifacts', 'documents');
const withPng = process.argv.includes('--png');

function has(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch (error: unknown) {
    if (error instanceof Error && 'status' in error) return false;
    throw error;
  }
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const samples = [
    ['survey-fi', surveyReportSample('fi')],
    ['survey-sv', surveyReportSample('sv')],
    ['roadmap-fi', roadmapSample('fi')],
    ['roadmap-sv', roadmapSample('sv')],
  ] as const;
  for (const [name, document] of samples) {
    const pdf = await renderPdf(document);
    const docx = await renderDocx(document);
    writeFileSync(path.join(OUT, `${name}.pdf`), pdf);
    writeFileSync(path.join(OUT, `${name}.docx`), docx);
    console.log(
      `${name}: PDF ${(pdf.length / 1024).toFixed(0)} KB, DOCX ${(docx.length / 1024).toFixed(0)} KB`,
    );
  }
  if (!withPng) return;
  if (!has('pdftoppm')) {
    console.log('pdftoppm not found (apt-get install poppler-utils): no PNG pages');
    return;
  }
  for (const [name] of samples) {
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-png',
      path.join(OUT, `${name}.pdf`),
      path.join(OUT, `${name}-pdf`),
    ]);
  }
  if (!has('soffice')) {
    console.log('LibreOffice not found: DOCX files not converted for viewing');
    return;
  }
  const converted = path.join(OUT, 'docx-as-pdf');
  mkdirSync(converted, { recursive: true });
  execFileSync(
    'soffice',
    [
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      converted,
      ...samples.map(([name]) => path.join(OUT, `${name}.docx`)),
    ],
    {
      stdio: 'ignore',
      timeout: 300_000,
    },
  );
  for (const [name] of samples) {
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-png',
      path.join(converted, `${name}.pdf`),
      path.join(OUT, `${name}-docx`),
    ]);
  }
  console.log(`PNG pages in ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
