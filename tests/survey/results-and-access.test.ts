import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import {
  DEMO_ROUND_ID,
  DEMO_TENANT_ID,
  demoMunicipalities,
  playgroundObjectId,
} from '../../bot/src/demo/demo-network';
import { DEMO_SURVEY_CODE } from '../../bot/src/demo/demo-survey';
import { SEEDED_PERSPECTIVES } from '../../bot/src/survey';
import type {
  MySurveysResponse,
  NetworkResultsView,
  SurveyListResponse,
  SurveyResultsView,
} from '../../bot/src/survey/survey-contracts';
import type { RunningApp } from '../support/test-app';
import { api, startSurveyApp, surveyOf, tokenFor } from './support';
import { createLogger } from '../../bot/src/platform/observability/logger';

const AINO = playgroundObjectId(0); // Hämeenlinna, leadership and development
const MIKKO = playgroundObjectId(1); // Kuntaliitto coordinator
const PEKKA = playgroundObjectId(5); // Kuopio, elected official (not leadership)
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'survey');

let running: RunningApp;
let coordinator: string;
let aino: string;
let pekka: string;
let surveys: SurveyListResponse['items'];
const surveyOfMunicipality = (id: string) => {
  const found = surveys.find((survey) => survey.municipalityId === id);
  if (!found) throw new Error(`no survey for ${id}`);
  return found;
};

beforeAll(async () => {
  running = await startSurveyApp({ demoSurveys: true, logger: createLogger('error') });
  [coordinator, aino, pekka] = await Promise.all([
    tokenFor(running, MIKKO, DEMO_TENANT_ID),
    tokenFor(running, AINO, DEMO_TENANT_ID),
    tokenFor(running, playgroundObjectId(5), DEMO_TENANT_ID),
  ]);
  const list = await api(running, '/api/survey/surveys', coordinator);
  expect(list.status).toBe(200);
  surveys = (list.json as SurveyListResponse).items;
}, 120_000);
afterAll(async () => {
  await running.stop();
});

describe('the demo surveys', () => {
  it('are open for every demo municipality with answers and a live response count', () => {
    expect(surveys).toHaveLength(demoMunicipalities().length);
    const hameenlinna = surveyOfMunicipality('hameenlinna');
    expect(hameenlinna.status).toBe('open');
    expect(hameenlinna.kind).toBe('baseline');
    expect(hameenlinna.respondents).toBeGreaterThan(10);
    expect(hameenlinna.responseText).toMatch(/^\d+\/\d+ vastannut, \d+ %$/);
    expect(hameenlinna.shareUrl).toMatch(new RegExp(`/s/${DEMO_SURVEY_CODE}$`));
    expect(hameenlinna.contactsAreDefault).toBe(true);
    expect(hameenlinna.contacts.map((c) => c.aadObjectId)).toContain(AINO);
    const total = surveys.reduce((sum, survey) => sum + survey.respondents, 0);
    expect(total).toBeGreaterThan(300);
  });
});

describe('suppression', () => {
  it('shows no figure for a survey with fewer than five answers, and says why', async () => {
    const utsjoki = surveyOfMunicipality('utsjoki');
    expect(utsjoki.respondents).toBe(3);
    const response = await api(running, `/api/survey/surveys/${utsjoki.id}/results`, coordinator);
    const results = response.json as SurveyResultsView;
    expect(results.suppressed).toBe(true);
    expect(results.suppressedReason).toContain('vähintään 5');
    for (const perspective of results.perspectives) {
      expect(perspective.mean).toBeNull();
      expect(perspective.distribution).toBeNull();
      expect(perspective.suppressedReason).toBe('alle 5 vastausta');
    }
    expect(results.breakdowns).toEqual([]);
    expect(results.comments.shown).toBe(false);
    expect(results.comments.items).toEqual([]);
  });

  it('hides comments below eight answers but shows figures from five', async () => {
    const service = surveyOf(running.app).service;
    const survey = await service.create(
      {
        roundId: 'tiny-round',
        municipalityId: 'kuhmo',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        headcount: 40,
        requireCode: false,
      },
      { tenantId: DEMO_TENANT_ID, aadObjectId: MIKKO },
    );
    for (let i = 0; i < 6; i += 1) {
      const token = await service.issueToken(survey);
      const ratings = Object.fromEntries(SEEDED_PERSPECTIVES.map((p) => [p.id, String(1 + (i % 5))]));
      const outcome = await service.submitWeb({
        code: survey.code,
        token,
        cookieToken: token,
        answer: {
          ratings,
          background: { department: i < 5 ? 'education' : 'vitality' },
          comment: `kommentti ${i}`,
        },
        oneTimeCode: undefined,
      });
      expect(outcome.kind).toBe('saved');
    }
    const response = await api(running, `/api/survey/surveys/${survey.id}/results`, coordinator);
    const results = response.json as SurveyResultsView;
    expect(results.suppressed).toBe(false);
    expect(results.perspectives[0]?.mean).toBeCloseTo((1 + 2 + 3 + 4 + 5 + 1) / 6, 5);
    expect(results.comments.shown).toBe(false);
    expect(results.comments.reason).toContain('vähintään 8');
    expect(JSON.stringify(results)).not.toContain('kommentti');
    // Education has 5 and vitality 1: vitality is hidden, and so is education, or it could be
    // subtracted from the whole to reveal the one vitality answer.
    const departments = results.breakdowns.find((b) => b.questionId === 'department');
    const education = departments?.rows.find((row) => row.optionId === 'education');
    const vitality = departments?.rows.find((row) => row.optionId === 'vitality');
    expect(vitality).toMatchObject({
      suppressed: true,
      respondents: null,
      suppressedReason: 'alle 5 vastausta',
    });
    expect(education?.suppressed).toBe(true);
    expect(education?.suppressedReason).toContain('erotuksena');
    expect(Object.values(education?.means ?? {}).every((mean) => mean === null)).toBe(true);
  });
});

describe('who sees what', () => {
  it("lets a municipality's leadership see its own results against anonymous network figures only", async () => {
    const hameenlinna = surveyOfMunicipality('hameenlinna');
    const own = await api(running, `/api/survey/surveys/${hameenlinna.id}/results?lang=fi`, aino);
    expect(own.status).toBe(200);
    const results = own.json as SurveyResultsView;
    expect(results.municipality.name).toBe('Hämeenlinna');
    const digital = results.perspectives.find((p) => p.id === 'digital-competence');
    expect(digital?.mean).not.toBeNull();
    expect(digital?.network).not.toBeNull();
    expect(digital?.percentile).not.toBeNull();
    expect(results.comparison.networkMunicipalities).toBeGreaterThanOrEqual(19);
    // No other municipality is named anywhere in what Aino receives.
    const text = own.text;
    for (const other of demoMunicipalities().filter((m) => m.id !== 'hameenlinna')) {
      expect(text).not.toContain(other.name);
      expect(text).not.toContain(`"${other.id}"`);
    }
    const otherSurvey = surveyOfMunicipality('kangasala');
    expect((await api(running, `/api/survey/surveys/${otherSurvey.id}/results`, aino)).status).toBe(403);
    expect((await api(running, `/api/survey/surveys/${otherSurvey.id}/results.csv`, aino)).status).toBe(403);
    expect((await api(running, `/api/survey/surveys/${otherSurvey.id}/report.pdf`, aino)).status).toBe(403);
    expect((await api(running, '/api/survey/network', aino)).status).toBe(403);
    expect((await api(running, '/api/survey/surveys', aino)).status).toBe(403);
    const mine = (await api(running, '/api/survey/mine', aino)).json as MySurveysResponse;
    expect(mine.items.map((item) => [item.survey.municipalityId, item.canSeeResults])).toEqual([
      ['hameenlinna', true],
    ]);
  });

  it('keeps results from participants outside the leadership team and from strangers', async () => {
    const kuopio = surveyOfMunicipality('kuopio');
    expect((await api(running, `/api/survey/surveys/${kuopio.id}/results`, pekka)).status).toBe(403);
    const mine = (await api(running, '/api/survey/mine', pekka)).json as MySurveysResponse;
    expect(mine.items[0]?.canSeeResults).toBe(false);
    expect((await api(running, `/api/survey/surveys/${kuopio.id}/results`, undefined)).status).toBe(401);
    expect((await api(running, '/api/survey/surveys/srv-000000000000/results', coordinator)).status).toBe(
      404,
    );
    void PEKKA;
  });

  it('shows coordinators every municipality side by side', async () => {
    const response = await api(running, '/api/survey/network?lang=fi', coordinator);
    expect(response.status).toBe(200);
    const network = response.json as NetworkResultsView;
    expect(network.roundId).toBe(DEMO_ROUND_ID);
    expect(network.municipalities).toHaveLength(20);
    const utsjoki = network.municipalities.find((m) => m.municipalityId === 'utsjoki');
    expect(Object.values(utsjoki?.means ?? {}).every((mean) => mean === null)).toBe(true);
    const spread = network.network['ict-devices'];
    expect(spread?.municipalities).toBe(19);
    expect(spread && spread.q1 <= spread.median && spread.median <= spread.q3).toBe(true);
  });
});

describe('downloads', () => {
  it('gives the aggregates as CSV for Excel, never individual answers', async () => {
    const hameenlinna = surveyOfMunicipality('hameenlinna');
    const csv = await api(running, `/api/survey/surveys/${hameenlinna.id}/results.csv?lang=fi`, aino);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    // Every field is quoted (the app's one CSV writer); the fields are what is compared.
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.replace(/"/g, '').trim().split('\r\n');
    expect(lines[0]?.startsWith('Kunta;Kysely;Ryhmä;Näkökulma')).toBe(true);
    const results = (await api(running, `/api/survey/surveys/${hameenlinna.id}/results`, aino))
      .json as SurveyResultsView;
    const groupRows = results.breakdowns.reduce((sum, b) => sum + b.rows.length, 0);
    expect(lines).toHaveLength(1 + SEEDED_PERSPECTIVES.length * (1 + groupRows));
    expect(lines.length).toBeLessThan(hameenlinna.respondents * SEEDED_PERSPECTIVES.length);
    expect(lines[1]).toMatch(
      /^Hämeenlinna;baseline [\d-]+;Koko kunta;Digiosaaminen;personal;\d+;\d+;\d+;\d,\d\d;/,
    );
  });

  it('renders the report as a PDF whose first page is a real title page, and as an editable DOCX', async () => {
    const hameenlinna = surveyOfMunicipality('hameenlinna');
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = await api(running, `/api/survey/surveys/${hameenlinna.id}/report.pdf?lang=fi`, aino);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfPath = path.join(ARTIFACTS, 'report-hameenlinna-fi.pdf');
    writeFileSync(pdfPath, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Hämeenlinna – tulosraportti');
    expect(text).toContain('Tulokset näkökulmittain');
    expect(text).toContain('Vertailu verkostoon');
    expect(text).toContain('Menetelmä');
    for (const other of ['Kangasala', 'Porvoo', 'Kuopio']) expect(text).not.toContain(other);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      '1',
      '-l',
      '3',
      pdfPath,
      path.join(ARTIFACTS, 'report-hameenlinna-fi'),
    ]);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(4);

    const docx = await api(running, `/api/survey/surveys/${hameenlinna.id}/report.docx?lang=sv`, aino);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    writeFileSync(path.join(ARTIFACTS, 'report-hameenlinna-sv.docx'), docx.bytes);
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Tavastehus – resultatrapport');
    expect(xml).toContain('Jämförelse med nätverket');
  }, 60_000);
});

describe('the baseline for the digital roadmap', () => {
  it('gives each perspective of the first survey of the round with its mean and n', async () => {
    const { baselines } = surveyOf(running.app);
    const baseline = await baselines.baselineFor(DEMO_ROUND_ID, 'hameenlinna');
    expect(baseline?.surveyId).toBe(surveyOfMunicipality('hameenlinna').id);
    expect(baseline?.instrumentVersion).toBe(1);
    expect(baseline?.perspectives.map((p) => p.perspectiveId)).toEqual(SEEDED_PERSPECTIVES.map((p) => p.id));
    expect(baseline?.perspectives[0]).toMatchObject({ scope: 'personal', suppressed: false });
    expect(baseline?.perspectives[0]?.label.sv).toBe('Digital kompetens');
    const utsjoki = await baselines.baselineFor(DEMO_ROUND_ID, 'utsjoki');
    expect(utsjoki?.respondents).toBe(3);
    expect(utsjoki?.perspectives.every((p) => p.suppressed && p.mean === undefined)).toBe(true);
    expect(await baselines.baselineFor(DEMO_ROUND_ID, 'nowhere')).toBeUndefined();
  });
});
