/**
 * The benchmark's network: the same people in the load process (which sends their activities) and
 * in the bot process (which seeds them), built from their index alone.
 */
import { randomUUID } from 'node:crypto';
import { CHALLENGE_AREAS } from '../../bot/src/demo/demo-polls';
import { demoMunicipalities } from '../../bot/src/demo/demo-network';
import type { Participant } from '../../bot/src/shared/participant';
import type { ParticipantRole } from '../../bot/src/shared/roles';

export const TENANT = '3f1c5c7e-0a8b-4c5e-9d3a-1b2c3d4e5f60';
export const BOT = { id: '28:digiverkosto-bench', name: 'Digiverkosto' };
export const COORDINATOR = 'e5000000-0000-4000-8000-000000000001';
const ROLES: readonly ParticipantRole[] = ['leadership', 'supervisor', 'developer', 'expert', 'elected'];
const TOPICS = CHALLENGE_AREAS.map((topic) => topic.id);
const MUNICIPALITIES = demoMunicipalities();

/** Card verbs of the floors, registered only by the benchmark's bot process. */
export const FLOOR_VERBS = { noop: 'bench.noop', oneRead: 'bench.oneRead' } as const;

export function person(index: number): Participant {
  return {
    tenantId: TENANT,
    aadObjectId: `b9000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `Vastaaja ${index}`,
    email: undefined,
    municipalityId: MUNICIPALITIES[index % MUNICIPALITIES.length]?.id,
    roles: [ROLES[index % ROLES.length] ?? 'developer'],
    language: undefined,
    teamsUserId: `29:bench-${index}`,
    isGuest: true,
    active: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One to three topics and, one time in five, a suggestion: what a card form submits. */
export function answerData(choose: () => number, pollId: string): Record<string, string> {
  const picked = new Set<string>();
  const wanted = 1 + Math.floor(choose() * 3);
  while (picked.size < wanted) picked.add(TOPICS[Math.floor(choose() * TOPICS.length)] ?? 'competence');
  return {
    pollId,
    topics: [...picked].join(','),
    ...(choose() < 0.2 ? { suggestion: 'Tekoäly ja asiakaspalvelu, esimerkkejä muista kunnista' } : {}),
  };
}

export function invoke(serviceUrl: string, who: Participant, verb: string, data: Record<string, unknown>) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${who.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function message(serviceUrl: string, who: Participant, text: string) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: who.teamsUserId, name: who.name, aadObjectId: who.aadObjectId },
    recipient: BOT,
    conversation: { id: `a:bench-${who.aadObjectId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    type: 'message',
    text,
  };
}
