/**
 * The summary for the municipality's board, through the real API on Azurite from the demo's
 * roadmaps: PDF and DOCX in Finnish and Swedish, read back as readers do (pdftotext, pdfinfo, the
 * DOCX unzipped), the first pages rendered to PNG in test-artifacts/roadmap/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { playgroundIdentity } from '../../bot/src/demo/playground-identities';
import { DEMO_ROUND_ID } from '../../bot/src/demo/demo-network';
import { seedDemoRoadmaps } from '../../bot/src/demo/demo-roadmap';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { roadmapIdOf } from '../../bot/src/roadmap/roadmap';
import { api, roadmapOf, startRoadmapApp, tokenFor, type RoadmapTestApp } from './support';

jest.setTimeout(120_000);

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'roadmap');
const MIKKO = playgroundIdentity('mikko');
const ERIK = playgroundIdentity('erik');
const JOHANNA = playgroundIdentity('johanna');
const PORVOO = roadmapIdOf(DEMO_ROUND_ID, 'porvoo');
let test: RoadmapTestApp;
let coordinator: string;

const flat = (text: string): string => text.replace(/\s+/g, ' ');

function pdfText(file: string): string {
  return flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

async function docxText(bytes: Buffer): Promise<{ text: string; xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  return { text: text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), xml, zip };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  test = await startRoadmapApp();
  const feature = roadmapOf(test.running.app);
  const seeded = await seedDemoRoadmaps(
    feature,
    () => test.running.app.repositories.participants.listAll(),
    new Date(),
    createLogger('silent'),
  );
  if (!seeded) throw new Error('the demo roadmaps were not seeded');
  coordinator = await tokenFor(test.running, MIKKO.aadObjectId, MIKKO.name);
}, 180_000);
afterAll(async () => {
  await test.stop();
});

describe("the summary for the municipality's board", () => {
  it('as PDF in Finnish: the vision, baseline and targets, goals, the action timeline with owners and the follow-up model', async () => {
    const pdf = await api(
      test.running,
      `/api/roadmaps/${encodeURIComponent(PORVOO)}/summary.pdf?lang=fi`,
      coordinator,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.pdf"/);
    const file = path.join(ARTIFACTS, 'summary-porvoo-fi.pdf');
    writeFileSync(file, pdf.bytes);
    const text = pdfText(file);
    for (const expected of [
      'Digitiekartta',
      'Porvoo',
      'Visio',
      'Lähtötaso',
      'Tavoite',
      'Toimenpiteet',
      'Seuranta',
      'Digiosaaminen',
      'Sähköiset palvelut',
    ]) {
      expect({ expected, found: text.toLowerCase().includes(expected.toLowerCase()) }).toEqual({
        expected,
        found: true,
      });
    }
    // Dates the Finnish way, decimals with a comma.
    expect(text).toMatch(/\b\d{1,2}\.\d{1,2}\.20\d{2}\b/);
    expect(text).toMatch(/\d,\d → \d,\d/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Title:\s+.*Porvoo/);
    execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join(ARTIFACTS, 'summary-porvoo-fi')]);
  });

  it('as PDF and DOCX in Swedish, for a leader of the municipality', async () => {
    const erik = await tokenFor(test.running, ERIK.aadObjectId, ERIK.name);
    const pdf = await api(
      test.running,
      `/api/roadmaps/${encodeURIComponent(PORVOO)}/summary.pdf?lang=sv`,
      erik,
    );
    expect(pdf.status).toBe(200);
    const file = path.join(ARTIFACTS, 'summary-porvoo-sv.pdf');
    writeFileSync(file, pdf.bytes);
    const text = pdfText(file);
    for (const expected of [
      'Digital färdplan',
      'Borgå',
      'Vision',
      'Utgångsläge',
      'Åtgärder',
      'Uppföljning',
      'Digital kompetens',
    ]) {
      expect({ expected, found: text.toLowerCase().includes(expected.toLowerCase()) }).toEqual({
        expected,
        found: true,
      });
    }
    expect(text).not.toContain('Digiosaaminen');
    execFileSync('pdftoppm', ['-r', '70', '-png', file, path.join(ARTIFACTS, 'summary-porvoo-sv')]);

    const docx = await api(
      test.running,
      `/api/roadmaps/${encodeURIComponent(PORVOO)}/summary.docx?lang=sv`,
      erik,
    );
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    writeFileSync(path.join(ARTIFACTS, 'summary-porvoo-sv.docx'), docx.bytes);
    const { text: words, xml, zip } = await docxText(docx.bytes);
    for (const expected of ['Digital färdplan', 'Borgå', 'Utgångsläge', 'Åtgärder', 'Uppföljning']) {
      expect({ expected, found: words.toLowerCase().includes(expected.toLowerCase()) }).toEqual({
        expected,
        found: true,
      });
    }
    // Word's own headings and tables, the language set, the charts as pictures with descriptions.
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<wp:docPr [^>]*descr="[^"]{20,}"/);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('sv-FI');
  });

  it('as DOCX in Finnish, and not for a participant of another municipality', async () => {
    const docx = await api(
      test.running,
      `/api/roadmaps/${encodeURIComponent(PORVOO)}/summary.docx?lang=fi`,
      coordinator,
    );
    expect(docx.status).toBe(200);
    writeFileSync(path.join(ARTIFACTS, 'summary-porvoo-fi.docx'), docx.bytes);
    const { text } = await docxText(docx.bytes);
    for (const expected of ['Digitiekartta', 'Porvoo', 'Lähtötaso', 'Toimenpiteet', 'Seuranta']) {
      expect({ expected, found: text.toLowerCase().includes(expected.toLowerCase()) }).toEqual({
        expected,
        found: true,
      });
    }
    const johanna = await tokenFor(test.running, JOHANNA.aadObjectId, JOHANNA.name);
    for (const format of ['pdf', 'docx']) {
      const refused = await api(
        test.running,
        `/api/roadmaps/${encodeURIComponent(PORVOO)}/summary.${format}`,
        johanna,
      );
      expect(refused.status).toBe(404);
    }
  });
});
