import { DEMO_TENANT_ID, playgroundObjectId } from '../../bot/src/demo/demo-network';
import { toWallClockText } from '../../bot/src/shared/i18n/helsinki-time';
import { SEEDED_PERSPECTIVES } from '../../bot/src/survey';
import type {
  InstrumentView,
  SurveyAdminView,
  SurveyResultsView,
} from '../../bot/src/survey/survey-contracts';
import type { RunningApp } from '../support/test-app';
import { api, startSurveyApp, surveyOf, tokenFor } from './support';

const MIKKO = playgroundObjectId(1);
const hoursFromNow = (hours: number): string => toWallClockText(new Date(Date.now() + hours * 3_600_000));

let running: RunningApp;
let coordinator: string;

beforeAll(async () => {
  running = await startSurveyApp();
  coordinator = await tokenFor(running, MIKKO, DEMO_TENANT_ID);
});
afterAll(async () => {
  await running.stop();
});

async function create(municipalityId: string, opensIn: number, closesIn: number): Promise<SurveyAdminView> {
  const response = await api(running, '/api/survey/surveys', coordinator, {
    method: 'POST',
    body: { municipalityId, opensAt: hoursFromNow(opensIn), closesAt: hoursFromNow(closesIn), headcount: 50 },
  });
  expect(response.status).toBe(201);
  return response.json as SurveyAdminView;
}

async function answer(surveyId: string, count: number, value: number): Promise<void> {
  const { service } = surveyOf(running.app);
  const survey = await service.get(surveyId);
  if (!survey) throw new Error('no survey');
  for (let i = 0; i < count; i += 1) {
    const token = await service.issueToken(survey);
    const ratings = Object.fromEntries(SEEDED_PERSPECTIVES.map((p) => [p.id, String(value)]));
    const outcome = await service.submitWeb({
      code: survey.code,
      token,
      cookieToken: token,
      answer: { ratings, background: {}, comment: undefined },
      oneTimeCode: undefined,
    });
    expect(outcome.kind).toBe('saved');
  }
}

describe('the questionnaire', () => {
  it('is seeded with the eleven perspectives, editable until a survey opens with it, then kept as it was', async () => {
    const first = await api(running, '/api/survey/instrument', coordinator);
    expect(first.status).toBe(200);
    const view = first.json as InstrumentView;
    expect(view.version).toBe(1);
    expect(view.frozen).toBe(false);
    expect(view.content.perspectives.map((p) => p.id)).toEqual(SEEDED_PERSPECTIVES.map((p) => p.id));
    expect(view.content.perspectives.filter((p) => p.scope === 'personal')).toHaveLength(4);
    expect(view.content.scale.map((s) => s.fi)).toEqual([
      'heikko',
      'välttävä',
      'tyydyttävä',
      'hyvä',
      'erinomainen',
    ]);
    const etag = first.headers.get('etag') ?? '';

    // Thresholds below the floors are refused: figures need 5, comments 8.
    const lax = await api(running, '/api/survey/instrument', coordinator, {
      method: 'PUT',
      headers: { 'If-Match': etag },
      body: { ...view.content, reporting: { minGroupSize: 3, minCommentGroup: 3, minMunicipalities: 3 } },
    });
    expect(lax.status).toBe(400);

    const reworded = {
      ...view.content,
      perspectives: view.content.perspectives.map((p) =>
        p.id === 'e-services' ? { ...p, label: { ...p.label, fi: 'Sähköinen asiointi' } } : p,
      ),
    };
    const edited = await api(running, '/api/survey/instrument', coordinator, {
      method: 'PUT',
      headers: { 'If-Match': etag },
      body: reworded,
    });
    expect(edited.status).toBe(200);
    expect((edited.json as InstrumentView).version).toBe(1);
    const stale = await api(running, '/api/survey/instrument', coordinator, {
      method: 'PUT',
      headers: { 'If-Match': etag },
      body: reworded,
    });
    expect(stale.status).toBe(412);

    const open = await create('kauniainen', -1, 48);
    const scheduled = await create('kaarina', 24, 72);
    const frozen = await api(running, '/api/survey/instrument', coordinator);
    expect((frozen.json as InstrumentView).frozen).toBe(true);
    const next = await api(running, '/api/survey/instrument', coordinator, {
      method: 'PUT',
      headers: { 'If-Match': frozen.headers.get('etag') ?? '' },
      body: { ...reworded, comment: null },
    });
    expect(next.status).toBe(200);
    expect((next.json as InstrumentView).version).toBe(2);
    const openNow = (await api(running, `/api/survey/surveys/${open.id}`, coordinator))
      .json as SurveyAdminView;
    const scheduledNow = (await api(running, `/api/survey/surveys/${scheduled.id}`, coordinator))
      .json as SurveyAdminView;
    expect(openNow.instrumentVersion).toBe(1);
    expect(scheduledNow.instrumentVersion).toBe(2);
  });

  it('refuses surveys that close before they open, overlap another run, or name no municipality', async () => {
    const backwards = await api(running, '/api/survey/surveys', coordinator, {
      method: 'POST',
      body: { municipalityId: 'salo', opensAt: hoursFromNow(5), closesAt: hoursFromNow(1) },
    });
    expect(backwards.status).toBe(409);
    const bogusDate = await api(running, '/api/survey/surveys', coordinator, {
      method: 'POST',
      body: { municipalityId: 'salo', opensAt: '2027-02-31T09:00', closesAt: hoursFromNow(10) },
    });
    expect(bogusDate.status).toBe(400);
    const nowhere = await api(running, '/api/survey/surveys', coordinator, {
      method: 'POST',
      body: { municipalityId: 'atlantis', opensAt: hoursFromNow(1), closesAt: hoursFromNow(10) },
    });
    expect(nowhere.status).toBe(422);
    await create('salo', 1, 10);
    const overlapping = await api(running, '/api/survey/surveys', coordinator, {
      method: 'POST',
      body: { municipalityId: 'salo', opensAt: hoursFromNow(5), closesAt: hoursFromNow(20) },
    });
    expect(overlapping.status).toBe(409);
    const participant = await tokenFor(running, playgroundObjectId(0), DEMO_TENANT_ID);
    const notAllowed = await api(running, '/api/survey/surveys', participant, {
      method: 'POST',
      body: { municipalityId: 'salo', opensAt: hoursFromNow(30), closesAt: hoursFromNow(40) },
    });
    expect(notAllowed.status).toBe(403);
  });
});

describe('baseline and follow-up', () => {
  it('shows the change per perspective against the baseline, and the baseline stays the first run', async () => {
    const baseline = await create('lieksa', -2, 1);
    await answer(baseline.id, 6, 2);
    expect(
      (await api(running, `/api/survey/surveys/${baseline.id}/close`, coordinator, { method: 'POST' }))
        .status,
    ).toBe(200);
    const followUp = await create('lieksa', 2, 30);
    expect(followUp.kind).toBe('followUp');
    expect(
      (await api(running, `/api/survey/surveys/${followUp.id}/open`, coordinator, { method: 'POST' })).status,
    ).toBe(200);
    await answer(followUp.id, 7, 4);
    const results = (await api(running, `/api/survey/surveys/${followUp.id}/results`, coordinator))
      .json as SurveyResultsView;
    expect(results.comparison.baselineSurveyId).toBe(baseline.id);
    expect(results.survey.kind).toBe('followUp');
    for (const perspective of results.perspectives) {
      expect(perspective.baselineMean).toBeCloseTo(2, 5);
      expect(perspective.mean).toBeCloseTo(4, 5);
      expect(perspective.change).toBeCloseTo(2, 5);
    }
    const { baselines } = surveyOf(running.app);
    const roundId = baseline.roundId;
    const stored = await baselines.baselineFor(roundId, 'lieksa');
    expect(stored?.surveyId).toBe(baseline.id);
    expect(stored?.respondents).toBe(6);
    expect(stored?.perspectives.every((p) => p.mean === 2 && p.n === 6 && !p.suppressed)).toBe(true);
    const pdf = await api(running, `/api/survey/surveys/${followUp.id}/report.pdf?lang=en`, coordinator);
    expect(pdf.status).toBe(200);
  }, 60_000);
});
