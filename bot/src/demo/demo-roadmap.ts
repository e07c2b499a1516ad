import { rasteriseSvg } from '../platform/documents';
import type { Logger } from '../platform/observability/logger';
import type { Participant } from '../shared/participant';
import { quarterAt, quarterIndex, quarterOf, periodOf, previousPeriod } from '../roadmap/roadmap';
import type { RoadmapRepository } from '../roadmap/roadmap-repository';
import type { Actor, RoadmapService } from '../roadmap/roadmap-service';
import { DEMO_ROUND_ID, DEMO_TENANT_ID } from './demo-network';
import { playgroundIdentity } from './playground-identities';

/**
 * The demo's digital roadmaps, in different phases, built through the roadmap's own operations
 * so their history reads as it would in use:
 * - Porvoo has finished its roadmap and follows it up: targets agreed from its leaders' picks,
 *   four goals with eleven actions, last quarter's check-ins, its own colours and an (invented) logo;
 * - Kangasala is in its content workshop: targets agreed, goals and the first actions;
 * - Hämeenlinna is in its leadership workshop with target setting open: one leader has picked,
 *   Aino (in the Playground) gets the target card with `digitiekartta`;
 * - Kuopio and Rovaniemi have their survey baseline; Seinäjoki is being prepared.
 * Runs only when the demo round has no roadmaps yet, so a restart keeps what people did.
 */
export async function seedDemoRoadmaps(
  roadmap: { readonly service: RoadmapService; readonly repository: RoadmapRepository },
  participants: () => Promise<Participant[]>,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  if ((await roadmap.repository.summaries(DEMO_ROUND_ID)).length > 0) return false;
  const { service } = roadmap;
  const sanna = playgroundIdentity('sanna');
  const facilitator: Actor = { tenantId: DEMO_TENANT_ID, aadObjectId: sanna.aadObjectId, name: sanna.name };
  const people = await participants();
  const of = (municipalityId: string) =>
    people.filter((p) => p.municipalityId === municipalityId && p.active);
  const current = quarterIndex(quarterOf(now));
  const q = (offset: number) => quarterAt(current + offset);
  const year = quarterOf(now).year;

  // Porvoo: finished and followed up.
  const porvoo = await service.create(DEMO_ROUND_ID, 'porvoo', facilitator, year + 2);
  const porvooPeople = of('porvoo');
  const porvooLeaders = porvooPeople.filter((p) => p.roles.includes('leadership'));
  const erik =
    porvooPeople.find((p) => p.aadObjectId === playgroundIdentity('erik').aadObjectId) ?? porvooLeaders[0];
  const other = porvooPeople.find((p) => p.roles.includes('developer')) ?? porvooPeople[1];
  const porvooId = porvoo.roadmap.value.id;
  const perspectives = porvoo.perspectives.map((p) => p.value);
  await service.openTargetSetting(porvooId, facilitator);
  const session = 1;
  const rise = [0.5, 0.5, 1, 1, 1, 0.5, 1, 0.5, 0.5, 1, 0.5];
  for (const [index, leader] of porvooLeaders.entries()) {
    const picks: Record<string, string> = {};
    perspectives.forEach((level, position) => {
      const base = level.surveyMean ?? 3;
      const value = Math.min(
        5,
        Math.round((base + (rise[position] ?? 0.5) + (index % 2 === 0 ? 0 : 0.5)) * 2) / 2,
      );
      picks[level.perspectiveId] = String(value);
    });
    await service.savePicks(porvooId, session, leader, picks);
  }
  await service.closeTargetSetting(porvooId, facilitator);
  await agreeAll(service, porvooId, facilitator, year + 2, rise);
  await header(service, porvooId, facilitator, {
    phase: 'contentWorkshop',
    vision:
      'Vuonna 2028 porvoolainen hoitaa asiansa sujuvasti verkossa suomeksi ja ruotsiksi, ja henkilöstö käyttää tietoa ja digitaalisia välineitä luontevasti työssään.\n\nDigitiekartta tukee kaupunkistrategian tavoitetta palvelujen saavutettavuudesta kahdella kielellä.',
    ...(erik
      ? { owner: { kind: 'participant', tenantId: erik.tenantId, aadObjectId: erik.aadObjectId } }
      : {}),
  });
  const goals = [
    {
      title: 'Asiointi verkossa kahdella kielellä',
      description: 'Kymmenen eniten käytettyä palvelua on asioitavissa verkossa suomeksi ja ruotsiksi.',
      perspectiveId: 'e-services',
      strategyGoal: 'Saavutettavat palvelut',
      compassArea: 'publicServices' as const,
    },
    {
      title: 'Tiedolla johtaminen',
      description: 'Johtoryhmä seuraa strategian mittareita yhdeltä näkymältä neljännesvuosittain.',
      perspectiveId: 'data-driven-management',
      strategyGoal: 'Vaikuttava talous',
      compassArea: 'publicServices' as const,
    },
    {
      title: 'Henkilöstön digiosaaminen',
      description: 'Jokainen työntekijä saa digituen omalla toimialallaan.',
      perspectiveId: 'digital-competence',
      strategyGoal: 'Osaava henkilöstö',
      compassArea: 'skills' as const,
    },
    {
      title: 'Osallisuus verkossa',
      description: 'Kaupunkilaiset voivat osallistua suurten hankkeiden valmisteluun verkossa.',
      perspectiveId: 'e-participation',
      strategyGoal: 'Osallistuva kaupunki',
      compassArea: 'publicServices' as const,
    },
  ];
  const goalIds: string[] = [];
  for (const goal of goals) goalIds.push((await service.addGoal(porvooId, goal, facilitator)).id);
  const participant = (p: Participant | undefined) =>
    p ? { kind: 'participant' as const, tenantId: p.tenantId, aadObjectId: p.aadObjectId } : null;
  const external = (name: string, title: string) => ({ kind: 'external' as const, name, title });
  const actions = [
    [0, 'Palvelukartoitus: sähköisen asioinnin nykytila', participant(erik), -3, -2, 'done'],
    [0, 'Lomakkeiden siirto verkkoasiointiin, vaihe 1', participant(other), -2, 1, 'inProgress'],
    [
      0,
      'Ruotsinkieliset verkkopalvelut samaan tasoon',
      external('Maria Lindholm', 'viestintäpäällikkö'),
      -1,
      2,
      'inProgress',
    ],
    [1, 'Strategiamittarit johtoryhmän näkymään', participant(erik), -2, 0, 'inProgress'],
    [1, 'Tietovarannon kuvaus ja omistajat', participant(other), -1, -1, 'planned'],
    [
      2,
      'Digituen lähitukipisteet kirjastoihin',
      external('Anders Holm', 'kirjastotoimenjohtaja'),
      -3,
      0,
      'done',
    ],
    [2, 'Perehdytysmalli uusiin järjestelmiin', participant(other), -1, 1, 'late'],
    [2, 'Digiagentit jokaiselle toimialalle', participant(erik), 0, 3, 'planned'],
    [3, 'Verkko-osallistumisen alusta suuriin hankkeisiin', participant(other), 0, 4, 'planned'],
    [3, 'Asukaspaneeli verkossa', external('Helena Sjöblom', 'osallisuuskoordinaattori'), 1, 5, 'planned'],
    [3, 'Kokeilu: osallistuva budjetointi', participant(erik), -4, -3, 'dropped'],
  ] as const;
  const actionIds: string[] = [];
  for (const [goal, title, owner, start, end, status] of actions) {
    const action = await service.addAction(
      porvooId,
      {
        goalId: goalIds[goal] ?? '',
        title,
        owner,
        start: q(start),
        end: q(end),
        status: status === 'done' || status === 'dropped' ? status : 'planned',
        indicator:
          goal === 0 ? 'verkossa asioitavien palvelujen määrä' : goal === 1 ? 'mittareita näkymässä' : '',
        note: '',
      },
      facilitator,
    );
    actionIds.push(action.id);
  }
  await header(service, porvooId, facilitator, { phase: 'summary' });
  await header(service, porvooId, facilitator, { phase: 'followUp' });
  // Last period's check-ins, as the owners answered them on their cards.
  const previous = previousPeriod(periodOf(now, 3));
  const lines: Record<number, string> = {
    1: 'Ensimmäiset 12 lomaketta julkaistu.',
    3: 'Näkymän ensimmäinen versio esiteltiin johtoryhmälle.',
    6: 'Aikataulu venyy: järjestelmähankinta viivästyi.',
  };
  for (const [index, [, , owner, , , status]] of actions.entries()) {
    if (owner?.kind !== 'participant' || status === 'done' || status === 'dropped') continue;
    const person = people.find((p) => p.aadObjectId === owner.aadObjectId);
    if (!person) continue;
    await service.checkIn(porvooId, actionIds[index] ?? '', previous.key, person, status, lines[index] ?? '');
  }
  await roadmap.repository.commit(porvooId, [
    {
      op: 'create',
      row: {
        type: 'followUpState',
        value: {
          period: previous.key,
          checkInsAt: previous.startsAt.toISOString(),
          asked: 5,
          external: 2,
          reminderAt: previous.startsAt.toISOString(),
          summaryAt: previous.endsAt.toISOString(),
        },
      },
    },
  ]);
  const loaded = await service.loadOrThrow(porvooId);
  await service.setBranding(
    porvooId,
    { primaryColour: '#7A1F3D', secondaryColour: '#D9A404' },
    loaded.roadmap.etag,
    facilitator,
  );
  const branded = await service.loadOrThrow(porvooId);
  await service.setLogo(
    porvooId,
    await demoLogoPng(),
    'Porvoon kaupungin logo (demo)',
    branded.roadmap.etag,
    facilitator,
  );

  // Kangasala: content workshop under way.
  const kangasala = await service.create(DEMO_ROUND_ID, 'kangasala', facilitator, year + 2);
  const kangasalaId = kangasala.roadmap.value.id;
  await agreeAll(service, kangasalaId, facilitator, year + 2, [1, 0.5, 0.5, 1, 1, 0.5, 0.5, 1, 0.5, 1, 1]);
  await header(service, kangasalaId, facilitator, {
    phase: 'contentWorkshop',
    vision:
      'Kangasala on vuonna 2028 kunta, jossa digitaaliset palvelut ovat ensisijainen ja helppo tapa asioida.',
  });
  const kangasalaPeople = of('kangasala');
  const kGoal = await service.addGoal(
    kangasalaId,
    {
      title: 'Sähköiset palvelut ensisijaisiksi',
      description: 'Asukas löytää palvelun verkosta ensimmäisenä.',
      perspectiveId: 'e-services',
      strategyGoal: 'Sujuva arki',
      compassArea: 'publicServices',
    },
    facilitator,
  );
  await service.addAction(
    kangasalaId,
    {
      goalId: kGoal.id,
      title: 'Verkkosivujen palvelukuvaukset uusiksi',
      owner: participant(kangasalaPeople.find((p) => p.roles.includes('leadership'))),
      start: q(0),
      end: q(2),
      status: 'planned',
      indicator: 'uudistetut palvelukuvaukset',
      note: '',
    },
    facilitator,
  );

  // Hämeenlinna: the leadership workshop, target setting open.
  const hameenlinna = await service.create(DEMO_ROUND_ID, 'hameenlinna', facilitator, year + 2);
  const hameenlinnaId = hameenlinna.roadmap.value.id;
  const opened = await service.openTargetSetting(hameenlinnaId, facilitator);
  const aino = playgroundIdentity('aino').aadObjectId;
  const firstLeader = of('hameenlinna').find((p) => p.roles.includes('leadership') && p.aadObjectId !== aino);
  if (firstLeader) {
    const picks: Record<string, string> = {};
    for (const level of hameenlinna.perspectives) {
      picks[level.value.perspectiveId] = String(
        Math.min(5, Math.round(((level.value.surveyMean ?? 3) + 0.8) * 2) / 2),
      );
    }
    await service.savePicks(hameenlinnaId, opened.roadmap.targetSetting.session, firstLeader, picks);
  }

  // Baseline only, and one being prepared.
  await service.create(DEMO_ROUND_ID, 'kuopio', facilitator, year + 2);
  await service.create(DEMO_ROUND_ID, 'rovaniemi', facilitator, year + 2);
  const seinajoki = await service.create(DEMO_ROUND_ID, 'seinajoki', facilitator, year + 2);
  await header(service, seinajoki.roadmap.value.id, facilitator, { phase: 'preparation' });
  logger.info('demo roadmaps seeded', { roadmaps: 6 });
  return true;
}

async function header(
  service: RoadmapService,
  roadmapId: string,
  actor: Actor,
  change: Parameters<RoadmapService['updateHeader']>[1],
): Promise<void> {
  const data = await service.loadOrThrow(roadmapId);
  await service.updateHeader(roadmapId, change, data.roadmap.etag, actor);
}

/** Agrees a target per perspective: the baseline plus a rise, rounded to a tenth. */
async function agreeAll(
  service: RoadmapService,
  roadmapId: string,
  actor: Actor,
  targetYear: number,
  rise: readonly number[],
): Promise<void> {
  const data = await service.loadOrThrow(roadmapId);
  for (const [index, { value: level, etag }] of data.perspectives.entries()) {
    const target = Math.min(5, Math.round(((level.surveyMean ?? 3) + (rise[index] ?? 0.5)) * 10) / 10);
    await service.agreeTarget(
      roadmapId,
      level.perspectiveId,
      { target, targetYear, priority: (rise[index] ?? 0) >= 1 ? 'high' : 'medium' },
      etag,
      actor,
    );
  }
}

/** An invented emblem for the demo: a roundel with a stylised river and the town's two names. */
const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="120" viewBox="0 0 420 120">
  <circle cx="60" cy="60" r="54" fill="#7A1F3D"/>
  <path d="M30 40 L60 22 L90 40 L90 58 L30 58 Z" fill="#FFFFFF"/>
  <rect x="40" y="44" width="10" height="14" fill="#7A1F3D"/>
  <rect x="70" y="44" width="10" height="14" fill="#7A1F3D"/>
  <path d="M16 78 Q32 70 48 78 T80 78 T104 78" fill="none" stroke="#D9A404" stroke-width="5" stroke-linecap="round"/>
  <path d="M22 92 Q36 85 50 92 T78 92 T98 92" fill="none" stroke="#FFFFFF" stroke-width="3.5" stroke-linecap="round"/>
  <text x="130" y="62" font-family="Source Sans 3" font-weight="700" font-size="42" fill="#7A1F3D" letter-spacing="2">PORVOO</text>
  <text x="132" y="92" font-family="Source Sans 3" font-weight="400" font-size="21" fill="#3D4A52" letter-spacing="4">BORGÅ · DEMO</text>
</svg>`;

function demoLogoPng(): Promise<Buffer> {
  return rasteriseSvg(DEMO_LOGO_SVG, 300, 4);
}
