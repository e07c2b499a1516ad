/**
 * The document kit as a reader, a screen reader and Word meet its output: PDFs are read back with
 * Debian's poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm; .ci/run installs them), DOCX
 * files are unzipped and their WordprocessingML inspected.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import {
  DocumentValidationError,
  baselineTargetChart,
  blocks,
  contrastRatio,
  distributionChart,
  dotPlotChart,
  formatNumber,
  formatPercent,
  profileChart,
  rasteriseSvg,
  renderDocx,
  renderPdf,
  roundedShares,
  timelineChart,
  type ChartGraphic,
  type ReportDocument,
} from '../../bot/src/platform/documents';
import { textWidth } from '../../bot/src/platform/documents/text-layout';
import {
  KOIVURANTA_LOGO_SVG,
  PERSPECTIVES,
  roadmapSample,
  surveyReportSample,
} from '../../scripts/lib/sample-documents';
import { colourShare, decodePng, inkedShare, pngDimensions } from '../support/png-decode';

const { h1, p, bullets, keyFigures, callout, chart, chartTable } = blocks;

let workDirectory: string;
beforeAll(() => {
  workDirectory = mkdtempSync(path.join(tmpdir(), 'documents-'));
});
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

function saved(name: string, bytes: Buffer): string {
  const file = path.join(workDirectory, name);
  writeFileSync(file, bytes);
  return file;
}

const run = (command: string, args: readonly string[]): string =>
  execFileSync(command, args, { encoding: 'utf8' });
const pdfText = (file: string, pages?: { first: number; last: number }): string =>
  run('pdftotext', [
    ...(pages ? ['-f', String(pages.first), '-l', String(pages.last)] : []),
    '-layout',
    file,
    '-',
  ]);
const pdfInfo = (file: string): Record<string, string> =>
  Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .map((line) => line.match(/^([^:]+):\s*(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
/** pdftotext breaks lines and may pad spaces; compare text with all whitespace collapsed. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

async function docxParts(
  docx: Buffer,
): Promise<{ zip: JSZip; document: string; styles: string; read: (name: string) => Promise<string> }> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the DOCX`);
    return file.async('string');
  };
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), read };
}

function unescapeXml(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function minimalDocument(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    language: 'fi',
    branding: { organisationName: 'Testikunta', primaryColour: '#1D4E89', secondaryColour: '#2A9D8F' },
    titlePage: { title: 'Testiraportti' },
    date: new Date('2027-02-01T07:00:00Z'),
    blocks: [h1('Otsikko'), p('Teksti.')],
    ...overrides,
  };
}

describe('a survey report as PDF', () => {
  let file: string;
  beforeAll(async () => {
    file = saved('survey-fi.pdf', await renderPdf(surveyReportSample('fi')));
  });

  it('is a tagged A4 PDF that declares its title and language', () => {
    const info = pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Hämeenlinna – henkilöstön digitalisaatiokysely 2026');
    expect(info['Page size']).toContain('(A4)');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(6);
    const raw = execFileSync('cat', [file]).toString('latin1');
    expect(raw).toContain('/Lang (fi-FI)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('pdfuaid:part');
  });

  it('reads in Finnish: its headings, numbers with decimal commas, captions and page numbers', () => {
    const text = flat(pdfText(file));
    for (const heading of [
      'Tiivistelmä',
      'Tulokset näkökulmittain',
      'Vastausten jakaumat',
      'Tulokset toimialoittain',
      'Menetelmä',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('3,8');
    expect(text).toContain('Strategiset tavoitteet ja mittarit');
    expect(text).toContain('Kuvio 1. Hämeenlinnan keskiarvot');
    expect(text).toContain('Taulukko 2. Keskiarvot toimialoittain');
    expect(text).toContain('¹ Alle 5 vastaajaa');
    expect(text).toMatch(/Sivu 2 \/ \d/);
    expect(text).not.toContain('Sida ');
    expect(text).not.toMatch(/\b3\.8\b/);
  });

  it('embeds every font it uses, all of them Source Sans 3', () => {
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatch(/SourceSans3-/);
      expect(font.split(/\s+/).slice(-5, -4)[0]).toBe('yes');
    }
  });

  it('has a structure tree of headings, lists, tables with header cells and figures', () => {
    const structure = run('pdfinfo', ['-struct-text', file]);
    expect(structure).toMatch(/H1 \(block\)\n\s+"Tiivistelmä"/);
    // A key figure reads as one sentence: the number, then what it counts.
    expect(structure).toContain('"412 vastaajaa"');
    expect(structure).toMatch(/H2 \(block\)\n\s+"Vastausten jakaumat"/);
    expect(structure).toContain('LBody');
    expect(structure).toMatch(/TH:\n\s+\/Scope \/Column/);
    expect(structure).toContain('Figure');
    expect(structure).toMatch(/Caption\n\s+"Kuvio 1\./);
    // Page numbers and the repeated table headers are artifacts, outside the structure.
    expect(structure).not.toContain('Sivu 2 / ');
  });

  it('draws its title page: not blank, with the brand colour on it', () => {
    const prefix = path.join(workDirectory, 'survey-page');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-png', '-singlefile', file, prefix]);
    const image = decodePng(execFileSync('cat', [`${prefix}.png`]));
    expect(image.width).toBeGreaterThan(300);
    expect(inkedShare(image)).toBeGreaterThan(0.2);
    expect(colourShare(image, '#1D4E89')).toBeGreaterThan(0.15);
  });

  it('draws its chart pages with ink on them', () => {
    const prefix = path.join(workDirectory, 'survey-charts');
    execFileSync('pdftoppm', ['-f', '3', '-l', '3', '-r', '40', '-png', '-singlefile', file, prefix]);
    const image = decodePng(execFileSync('cat', [`${prefix}.png`]));
    expect(inkedShare(image)).toBeGreaterThan(0.05);
  });
});

describe('a Swedish survey report', () => {
  it('speaks Swedish throughout, figures and tables included', async () => {
    const file = saved('survey-sv.pdf', await renderPdf(surveyReportSample('sv')));
    const text = flat(pdfText(file));
    for (const words of [
      'Sammandrag',
      'Resultat per perspektiv',
      'Svarsfördelningar',
      'Metod',
      'Figur 1.',
      'Tabell 1.',
      'Strategiska mål och mätare',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Sida 2 \/ \d/);
    expect(text).not.toContain('Tiivistelmä');
    expect(text).not.toContain('Sivu ');
    expect(run('cat', [file])).toContain('/Lang (sv-FI)');
  });
});

describe('a branded roadmap as DOCX', () => {
  let parts: Awaited<ReturnType<typeof docxParts>>;
  const sample = roadmapSample('fi');
  beforeAll(async () => {
    parts = await docxParts(await renderDocx(sample));
  });

  it('uses Word heading styles and real lists', () => {
    expect(parts.document).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>Visio<\/w:t>/s);
    expect(parts.document).toMatch(/<w:pStyle w:val="Heading2"\/>.*?Johtoryhmän jäsenten tavoitetasot/s);
    expect(parts.document).toContain('<w:numPr>');
    expect(parts.styles).toContain('w:styleId="Heading1"');
  });

  it('has real tables whose header row repeats on every page', () => {
    const tables = parts.document.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(parts.document).toContain('<w:tblHeader/>');
    expect(parts.document).toMatch(/<w:tc>.*?Digiosaaminen.*?<\/w:tc>/s);
  });

  it('gives every chart a PNG picture described by its alternative text', async () => {
    const descriptions = [...parts.document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map(
      (match) => match[1],
    );
    const charts = sample.blocks.filter((block) => block.type === 'chart');
    for (const block of charts) {
      if (block.type === 'chart') expect(descriptions).toContain(block.altText);
    }
    expect(descriptions).toContain('Koivurannan kaupungin logo');
    const media = Object.keys(parts.zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(charts.length + 1);
    for (const name of media) {
      const png = await parts.zip.file(name)!.async('nodebuffer');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(pngDimensions(png).width).toBeGreaterThanOrEqual(500);
    }
  });

  it('carries the branding: both colours, and the font embedded', async () => {
    expect(parts.document).toContain('w:fill="0E5A63"');
    expect(parts.document).toContain('w:color="F2B705"');
    const fontTable = await parts.read('word/fontTable.xml');
    expect(fontTable).toContain('w:name="Source Sans 3"');
    expect(fontTable).toContain('w:embedRegular');
    expect(fontTable).toContain('w:embedBold');
    expect(Object.keys(parts.zip.files).some((name) => /^word\/fonts\/.+\.odttf$/.test(name))).toBe(true);
  });

  it('declares its language, title and page-number fields', async () => {
    expect(parts.styles).toContain('w:lang w:val="fi-FI"');
    const core = await parts.read('docProps/core.xml');
    expect(core).toContain('<dc:title>Koivurannan digitiekartta 2027–2028</dc:title>');
    const footers = await Promise.all(
      Object.keys(parts.zip.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => parts.read(name)),
    );
    const footer = footers.find((xml) => xml.includes('NUMPAGES'));
    expect(footer).toBeDefined();
    expect(footer).toContain('PAGE');
    expect(footer).toContain('Sivu ');
  });
});

describe('text people typed', () => {
  const hostile = 'Tulos <b>42</b> & {{nimi}} ${summa} ”lainaus”';
  const chartWithHostileLabel = profileChart({
    language: 'fi',
    labelHeader: 'Näkökulma',
    series: { subject: 'Kunta & <co>', median: '{{median}}', range: '${range}' },
    rows: [{ label: hostile, value: 3, median: 3.2, lowerQuartile: 2.9, upperQuartile: 3.5 }],
  });
  const document = minimalDocument({
    titlePage: { title: `Raportti ${hostile}`, subtitle: hostile },
    documentName: `Nimi ${hostile}`,
    blocks: [
      h1(hostile),
      p([{ text: hostile, bold: true }, { text: ` \u0001kontrolli\u0007 ja yksinäinen \uD800 puolisko` }]),
      bullets([hostile]),
      {
        type: 'table',
        caption: hostile,
        columns: [{ header: hostile }, { header: 'n', numeric: true }],
        rows: [[hostile, 5]],
      },
      keyFigures([{ value: '<5', label: hostile }]),
      callout([hostile], { title: '{{otsikko}}' }),
      chart(chartWithHostileLabel, 'Alt text for a chart with 1 row', hostile),
    ],
  });

  it('is printed literally in the PDF, markup and template syntax included', async () => {
    const file = saved('hostile.pdf', await renderPdf(document));
    const text = flat(pdfText(file));
    expect(text.split(hostile).length - 1).toBeGreaterThanOrEqual(7);
    expect(text).toContain('Raportti Tulos <b>42</b>');
    expect(text).toContain('{{otsikko}}');
    expect(text).toContain('kontrolli ja yksinäinen');
    expect(run('cat', [file])).toContain('/Alt (Alt text for a chart with 1 row)');
  });

  it('is escaped, never interpreted, in the DOCX and in the chart SVG', async () => {
    const parts = await docxParts(await renderDocx(document));
    const text = unescapeXml(parts.document.replace(/<[^>]+>/g, ''));
    expect(text.split(hostile).length - 1).toBeGreaterThanOrEqual(7);
    expect(parts.document).not.toContain('<b>');
    expect(parts.document).not.toContain('\u0001');
    expect(parts.document).not.toContain('\u0007');
    expect(parts.document).toContain('kontrolli ja yksinäinen \uFFFD puolisko');
    expect(chartWithHostileLabel.svg).toContain('Tulos &lt;b&gt;42&lt;/b&gt; &amp; {{nimi}} ${summa}');
    expect(chartWithHostileLabel.svg).toContain('Kunta &amp; &lt;co&gt;');
    const png = await rasteriseSvg(chartWithHostileLabel.svg, chartWithHostileLabel.width, 1);
    expect(inkedShare(decodePng(png))).toBeGreaterThan(0.01);
  });
});

describe('a document that cannot be rendered', () => {
  it('is refused with every problem named by its place, and nothing is written', async () => {
    const bad = minimalDocument({
      branding: {
        organisationName: 'Testikunta',
        primaryColour: 'blue',
        secondaryColour: '#2A9D8F',
        logo: {
          format: 'svg',
          data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          altText: 'Logo',
        },
      },
      blocks: [
        h1('Otsikko'),
        { type: 'heading', level: 3, text: 'Hyppää tason yli' },
        chart(chartWithoutAlt(), '  '),
        { type: 'table', columns: [{ header: 'A' }, { header: 'B' }], rows: [['vain yksi']] },
      ],
    });
    const attempt = renderPdf(bad);
    await expect(attempt).rejects.toBeInstanceOf(DocumentValidationError);
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    if (!(error instanceof DocumentValidationError)) throw new Error('expected a DocumentValidationError');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^branding\.primaryColour: .*#RRGGBB/),
        expect.stringMatching(/^branding\.logo\.data: the SVG is refused: it contains scripts/),
        expect.stringMatching(/^blocks\.1\.level: level 3 follows level 1/),
        expect.stringMatching(/^blocks\.2\.altText: must not be empty/),
        expect.stringMatching(/^blocks\.3\.rows\.0: 1 cells for 2 columns/),
      ]),
    );
    await expect(renderDocx(bad)).rejects.toBeInstanceOf(DocumentValidationError);
  });

  it('refuses a logo that is not the PNG it claims to be, and an SVG that reaches outside itself', async () => {
    const notPng = minimalDocument({
      branding: {
        organisationName: 'K',
        primaryColour: '#1D4E89',
        secondaryColour: '#2A9D8F',
        logo: { format: 'png', data: Buffer.from('GIF89a....................'), altText: 'Logo' },
      },
    });
    await expect(renderPdf(notPng)).rejects.toThrow(/branding\.logo\.data: is not a PNG file/);
    const reaching = minimalDocument({
      branding: {
        organisationName: 'K',
        primaryColour: '#1D4E89',
        secondaryColour: '#2A9D8F',
        logo: {
          format: 'svg',
          data: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
          ),
          altText: 'Logo',
        },
      },
    });
    await expect(renderDocx(reaching)).rejects.toThrow(/refers to a file or address outside itself/);
  });
});

function chartWithoutAlt(): ChartGraphic {
  return baselineTargetChart({
    language: 'fi',
    labelHeader: 'Näkökulma',
    series: { baseline: 'Lähtötaso', target: 'Tavoite', change: 'Muutos' },
    rows: [{ label: 'Digiosaaminen', baseline: 3, target: 3.5 }],
  });
}

describe('long content', () => {
  it('flows over pages: a long table repeats its header, a long paragraph keeps every word', async () => {
    const words = Array.from({ length: 2_000 }, (_, index) => `sana${index}`);
    const rows = Array.from({ length: 120 }, (_, index) => [`Rivi ${index + 1}`, index * 3]);
    const file = saved(
      'long.pdf',
      await renderPdf(
        minimalDocument({
          blocks: [
            h1('Pitkä taulukko'),
            {
              type: 'table',
              caption: 'Paljon rivejä',
              columns: [{ header: 'Rivin nimi' }, { header: 'Arvo', numeric: true }],
              rows,
            },
            h1('Pitkä kappale'),
            p(words.join(' ')),
          ],
        }),
      ),
    );
    const pages = Number(pdfInfo(file).Pages);
    expect(pages).toBeGreaterThanOrEqual(6);
    let tablePages = 0;
    for (let page = 2; page <= pages; page += 1) {
      const text = pdfText(file, { first: page, last: page });
      if (/Rivi \d+/.test(text)) {
        tablePages += 1;
        expect(text).toContain('Rivin nimi');
      }
    }
    expect(tablePages).toBeGreaterThanOrEqual(3);
    const all = flat(pdfText(file));
    expect(all).toContain('Rivi 120 357');
    const found = all.match(/sana\d+/g) ?? [];
    expect(found).toEqual(words);
  });

  it('splits a table row taller than a page between its lines, losing none', async () => {
    const long = Array.from({ length: 330 }, (_, index) => `w${index}`).join(' ');
    const file = saved(
      'tall-row.pdf',
      await renderPdf(
        minimalDocument({
          blocks: [
            {
              type: 'table',
              columns: [
                { header: 'Kommentti', width: 1 },
                { header: 'Toimiala', width: 4 },
              ],
              rows: [[long, 'Sivistys']],
            },
          ],
        }),
      ),
    );
    expect(Number(pdfInfo(file).Pages)).toBeGreaterThanOrEqual(3);
    const found = flat(pdfText(file)).match(/w\d+/g) ?? [];
    expect(found).toEqual(long.split(' '));
  });
});

describe('charts', () => {
  const labelWords = [
    'Ohjelmistojen',
    'käytettävyys',
    'Strategiset',
    'tavoitteet',
    'ja',
    'mittarit',
    'Tietohallintopalvelukokonaisuus',
    'Å',
    'ääkköset',
  ];
  const label = fc
    .array(fc.constantFrom(...labelWords), { minLength: 1, maxLength: 7 })
    .map((parts) => parts.join(' '));

  /** Every text's box, from its anchor, width and size. */
  function textBoxes(
    chart: ChartGraphic,
  ): { left: number; right: number; top: number; bottom: number; text: string }[] {
    return (chart.scene?.shapes ?? []).flatMap((shape) => {
      if (shape.kind !== 'text') return [];
      const width = textWidth(shape.text, shape.face, shape.size);
      const left =
        shape.anchor === 'start'
          ? shape.x
          : shape.anchor === 'middle'
            ? shape.x - width / 2
            : shape.x - width;
      return [
        {
          left,
          right: left + width,
          top: shape.y - shape.size * 0.72,
          bottom: shape.y + shape.size * 0.2,
          text: shape.text,
        },
      ];
    });
  }

  function expectLegible(chart: ChartGraphic): void {
    const boxes = textBoxes(chart);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(-0.5);
      expect(box.right).toBeLessThanOrEqual(chart.width + 0.5);
      expect(box.bottom).toBeLessThanOrEqual(chart.height + 0.5);
    }
    boxes.forEach((a, index) => {
      for (const b of boxes.slice(index + 1)) {
        const overlaps =
          a.left < b.right - 0.5 &&
          b.left < a.right - 0.5 &&
          a.top < b.bottom - 0.5 &&
          b.top < a.bottom - 0.5;
        if (overlaps) throw new Error(`"${a.text}" overlaps "${b.text}"`);
      }
    });
  }

  it('never let long labels overflow or overlap, whatever the labels', () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 240, max: 460 }),
        (labels, width) => {
          const rows = labels.map((text, index) => ({
            label: text,
            group: index < 3 ? 'Oma työ' : 'Kunta ja sen palvelut',
            value: 2 + (index % 4) * 0.5,
            median: 3,
            lowerQuartile: 2.6,
            upperQuartile: 3.4,
            comparison: 3.3,
          }));
          expectLegible(
            profileChart({
              language: 'fi',
              width,
              labelHeader: 'Näkökulma',
              series: {
                subject: 'Hämeenlinna',
                median: 'Verkoston mediaani',
                range: 'Verkoston keskimmäinen puolikas',
                comparison: 'Samankokoiset kunnat',
              },
              rows,
            }),
          );
          expectLegible(
            distributionChart({
              language: 'sv',
              width,
              labelHeader: 'Perspektiv',
              countHeader: 'Svarande',
              categories: [
                { label: '1 svag' },
                { label: '2' },
                { label: '3' },
                { label: '4' },
                { label: '5 utmärkt' },
                { label: 'Kan inte säga', outsideScale: true },
              ],
              rows: labels.map((text, index) => ({ label: text, counts: [index, 10, 30, 40, 12, 3] })),
            }),
          );
          expectLegible(
            timelineChart({
              language: 'fi',
              width,
              labelHeader: 'Toimenpide',
              ownerHeader: 'Vastuu',
              periodHeader: 'Ajoitus',
              statusHeader: 'Tila',
              rows: labels.map((text, index) => ({
                label: text,
                owner: `Vastuuhenkilö ${text}`,
                start: { year: 2027, quarter: 1 },
                end: { year: 2027 + (index % 3), quarter: 4 },
                status: (['planned', 'inProgress', 'done', 'delayed'] as const)[index % 4] ?? 'planned',
              })),
            }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('each come with a table of the same data, formatted in the document language', () => {
    const names = PERSPECTIVES.fi;
    const dots = dotPlotChart({
      language: 'fi',
      labelHeader: 'Näkökulma',
      series: { baseline: 'Lähtötaso', picks: 'Tavoitteet', median: 'Mediaani' },
      rows: names.slice(0, 3).map((name) => ({ label: name, baseline: 2.5, picks: [3, 3.5, 4] })),
    });
    expect(dots.table?.rows).toEqual([
      ['Digiosaaminen', '2,5', '3,5', '3,0; 3,5; 4,0'],
      ['Tietotekniset laitteet', '2,5', '3,5', '3,0; 3,5; 4,0'],
      ['Ohjelmistojen käytettävyys', '2,5', '3,5', '3,0; 3,5; 4,0'],
    ]);
    const arrows = baselineTargetChart({
      language: 'en',
      labelHeader: 'Perspective',
      series: { baseline: 'Baseline', target: 'Target', change: 'Change' },
      rows: [{ label: 'Digital skills', baseline: 2.8, target: 3.5 }],
    });
    expect(arrows.table?.rows).toEqual([['Digital skills', '2.8', '3.5', '+0.7']]);
    expect(chartTable(arrows, 'Caption').caption).toBe('Caption');
  });

  it('mark data in a brand colour darkened until it reaches 3:1 on white', () => {
    const chart = baselineTargetChart({
      language: 'fi',
      accent: '#F2B705',
      labelHeader: 'Näkökulma',
      series: { baseline: 'Lähtötaso', target: 'Tavoite', change: 'Muutos' },
      rows: [{ label: 'Digiosaaminen', baseline: 2, target: 4 }],
    });
    const fills = (chart.scene?.shapes ?? []).flatMap((shape) =>
      shape.kind === 'circle' && shape.fill && shape.fill !== '#FFFFFF' ? [shape.fill] : [],
    );
    expect(fills.length).toBeGreaterThan(0);
    for (const fill of fills) expect(contrastRatio(fill, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });

  it('refuse values off their scale, naming the row', () => {
    expect(() =>
      profileChart({
        language: 'fi',
        labelHeader: 'N',
        series: { subject: 'S', median: 'M', range: 'R' },
        rows: [{ label: 'Muutosvalmius', value: 6 }],
      }),
    ).toThrow(/row 1 \(Muutosvalmius\): 6 is outside the scale 1–5/);
  });

  it('round shares so that every row adds up to exactly 100 %', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const shares = roundedShares(counts);
        const total = counts.reduce((sum, count) => sum + count, 0);
        expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total === 0 ? 0 : 100);
      }),
    );
  });
});

describe('headings in a light brand colour', () => {
  it('are darkened in Word to 4.5:1 on white, the light colour kept for fills', async () => {
    const parts = await docxParts(
      await renderDocx(
        minimalDocument({
          branding: { organisationName: 'K', primaryColour: '#F2B705', secondaryColour: '#0E5A63' },
        }),
      ),
    );
    const heading = parts.styles.match(/w:styleId="Heading1".*?<w:color w:val="([0-9A-F]{6})"\/>/s)?.[1];
    expect(heading).toBeDefined();
    expect(contrastRatio(`#${heading ?? ''}`, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('numbers', () => {
  it('are written as each language prints them', () => {
    expect(formatNumber(3.46, 'fi', 1)).toBe('3,5');
    expect(formatNumber(3.4, 'en', 1)).toBe('3.4');
    expect(formatNumber(12500, 'sv')).toBe('12\u00A0500');
    expect(formatNumber(12500, 'en')).toBe('12,500');
    expect(formatNumber(-0.2, 'fi', 1)).toBe('\u22120,2');
    expect(formatNumber(-0.01, 'fi', 1)).toBe('0,0');
    expect(formatPercent(0.456, 'fi')).toBe('46\u00A0%');
    expect(formatPercent(0.456, 'en')).toBe('46%');
  });
});

describe('the sample logo', () => {
  it('is a self-contained SVG the kit accepts', async () => {
    const parts = await docxParts(
      await renderDocx(
        minimalDocument({
          branding: {
            organisationName: 'Koivuranta',
            primaryColour: '#0E5A63',
            secondaryColour: '#F2B705',
            logo: { format: 'svg', data: Buffer.from(KOIVURANTA_LOGO_SVG), altText: 'Logo' },
          },
        }),
      ),
    );
    expect(parts.document).toContain('descr="Logo"');
  });
});
