import type { App } from '../../bot/src/app';
import { DEMO_ROUND_ID, DEMO_TENANT_ID } from '../../bot/src/demo/demo-network';
import { seedDemoSurveys } from '../../bot/src/demo/demo-survey';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import type { Clock } from '../../bot/src/platform/clock';
import { createLogger } from '../../bot/src/platform/observability/logger';
import type { roadmapFeature } from '../../bot/src/roadmap/roadmap-feature';
import type { RoadmapView } from '../../bot/src/roadmap/roadmap-contracts';
import type { Participant } from '../../bot/src/shared/participant';
import {
  BotConnectorEmulator,
  conversationIdFor,
  type RecordedActivity,
} from '../emulators/bot-connector-emulator';
import { cardText } from '../polls/support';
import {
  channelReference,
  deliveryOf,
  emulatorLimits,
  FAST_LIMITS,
  fastDispatcher,
} from '../reminders/support';
import { TEAM_ID, TENANT, type Person } from '../support/activities';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';
import { api, surveyOf } from '../survey/support';

export { api };
export type RoadmapFeature = ReturnType<typeof roadmapFeature>;

export function roadmapOf(app: App): RoadmapFeature {
  const feature = app.features.find((candidate) => candidate.name === 'roadmap');
  if (!feature) throw new Error('no roadmap feature');
  return feature as RoadmapFeature;
}

export interface RoadmapTestApp {
  readonly running: RunningApp;
  readonly emulator: BotConnectorEmulator;
  stop(): Promise<void>;
}

/**
 * The real server on Azurite with the demo network (and, unless told otherwise, the demo's
 * surveys for the baselines), the outbox sending to the Bot Connector emulator; the schedulers
 * stay off so each test runs the follow-up when it means to.
 */
export async function startRoadmapApp(
  options: { readonly clock?: Clock; readonly surveys?: boolean; readonly tablePrefix?: string } = {},
): Promise<RoadmapTestApp> {
  const emulator = new BotConnectorEmulator(emulatorLimits(FAST_LIMITS));
  await emulator.start();
  const running = await startTestApp({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tablePrefix ? { tablePrefix: options.tablePrefix } : {}),
    appOptions: { startBackgroundWork: false, delivery: { dispatcher: fastDispatcher() } },
  });
  const now = options.clock ? options.clock() : new Date();
  await seedDemoIfEmpty(running.app.repositories, now, createLogger('silent'));
  await running.app.repositories.installations.add(
    `_${TENANT}_${TEAM_ID}`,
    channelReference(emulator.serviceUrl),
    {
      overwrite: true,
    },
  );
  if (options.surveys !== false) {
    const rounds = async () =>
      (await running.app.repositories.programme.listRounds()).map((round) => round.id);
    await seedDemoSurveys(surveyOf(running.app).service, rounds, now, createLogger('silent'));
  }
  // Only the outbox runs in the background: the roadmap's own jobs are run by the tests.
  deliveryOf(running.app).start?.();
  return {
    running,
    emulator,
    stop: async () => {
      await running.stop();
      await emulator.stop();
    },
  };
}

/** A sign-in token as the tab gets one; the name is what the history records. */
export async function tokenFor(running: RunningApp, aadObjectId: string, name = 'Someone'): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, {
    tenantId: DEMO_TENANT_ID,
    aadObjectId,
    name,
  });
  if (response.status !== 200) throw new Error(`dev token: ${response.status} ${response.text}`);
  return (response.json as { access_token: string }).access_token;
}

/** A participant for a test, in the demo tenant, reachable in Teams. */
export function testParticipant(index: number, overrides: Partial<Participant> = {}): Participant {
  return {
    tenantId: TENANT,
    aadObjectId: `d4000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Testihenkilö ${index}`,
    email: undefined,
    municipalityId: 'hameenlinna',
    roles: ['leadership'],
    language: undefined,
    teamsUserId: `29:roadmap-test-${index}`,
    isGuest: true,
    active: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function asPerson(participant: Participant): Person {
  return {
    id: participant.teamsUserId ?? `29:${participant.aadObjectId}`,
    aadObjectId: participant.aadObjectId,
    name: participant.name,
  };
}

/** Creates a municipality's roadmap in the demo round as a coordinator; returns its view. */
export async function createRoadmap(
  running: RunningApp,
  coordinator: string,
  municipalityId: string,
): Promise<RoadmapView> {
  const created = await api(running, '/api/roadmaps', coordinator, {
    method: 'POST',
    body: { municipalityId, roundId: DEMO_ROUND_ID },
  });
  if (created.status !== 201) throw new Error(`create roadmap: ${created.status} ${created.text}`);
  return created.json as RoadmapView;
}

export async function view(
  running: RunningApp,
  token: string,
  roadmapId: string,
  lang = 'fi',
): Promise<RoadmapView> {
  const response = await api(running, `/api/roadmaps/${encodeURIComponent(roadmapId)}?lang=${lang}`, token);
  if (response.status !== 200) throw new Error(`roadmap view: ${response.status} ${response.text}`);
  return response.json as RoadmapView;
}

/** The activities the emulator received whose cards carry one of the given verbs or texts. */
export function cardsWith(emulator: BotConnectorEmulator, needle: string): RecordedActivity[] {
  return emulator.allActivities().filter((activity) => JSON.stringify(activity.activity).includes(needle));
}

export function textOf(activity: RecordedActivity): string {
  return cardText(activity.activity.attachments?.map((attachment): unknown => attachment.content));
}

export function path(roadmapId: string, rest = ''): string {
  return `/api/roadmaps/${encodeURIComponent(roadmapId)}${rest}`;
}

/** The cards the emulator received in a person's personal chat. */
export function cardsTo(
  emulator: BotConnectorEmulator,
  participant: Participant,
  needle: string,
): RecordedActivity[] {
  const chat = conversationIdFor(participant.tenantId, [participant.teamsUserId ?? ''], false);
  return cardsWith(emulator, needle).filter((activity) => activity.conversationId === chat);
}
