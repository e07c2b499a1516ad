import type { Repositories } from '../repositories';
import type { Logger } from '../platform/observability/logger';
import type { RegistrationFeature } from '../registration';
import { DEMO_ROUND_ID, DEMO_TENANT_ID, helsinkiDay } from './demo-network';
import { playgroundIdentity } from './playground-identities';

export const DEMO_CLOSING_DAY_ID = 'closing-day';

/**
 * The demo's registration: the closing day at Kuntatalo is open for registration with four seats
 * a municipality. Kangasala and Kuopio are full, Hämeenlinna has two of four taken (Aino can take
 * a third in the Playground with `ilmoittaudu`), the sub-region of five municipalities has eight
 * seats by a coordinator's decision, and Kauniainen, given two, has one person waiting. Everything
 * goes through the registration service, as real registrations do. Runs once: a closing day that
 * already has a registration is left alone, so a restart keeps what people did.
 */
export async function seedDemoRegistration(
  registration: RegistrationFeature,
  repositories: Repositories,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  const round = await repositories.programme.currentRound(now);
  if (round?.id !== DEMO_ROUND_ID) return false;
  const event = (await repositories.programme.getEvent(DEMO_ROUND_ID, DEMO_CLOSING_DAY_ID))?.value;
  if (!event || event.startsAt <= now.toISOString()) return false;
  if (await registration.repository.getSettings(DEMO_ROUND_ID, DEMO_CLOSING_DAY_ID)) return false;

  const mikko = playgroundIdentity('mikko');
  const coordinator = { tenantId: DEMO_TENANT_ID, aadObjectId: mikko.aadObjectId, name: mikko.name };
  const eventStart = new Date(event.startsAt);
  const daysBefore = (days: number): string =>
    new Date(Math.min(Date.parse(helsinkiDay(eventStart, -days, 16)), eventStart.getTime())).toISOString();
  const { service } = registration;
  await service.saveSettings(
    DEMO_ROUND_ID,
    DEMO_CLOSING_DAY_ID,
    {
      opensAt: helsinkiDay(now, -7, 9),
      closesAt: daysBefore(30),
      cancelDeadline: daysBefore(14),
      quota: event.inPersonQuota ?? 4,
      capacity: undefined,
      offerHours: 48,
      questions: [
        { id: 'diet', label: undefined },
        { id: 'accessibility', label: undefined },
        {
          id: 'other',
          label: {
            fi: 'Mistä aiheesta haluaisit kuulla muiden kuntien kokemuksia?',
            sv: 'Vilket ämne vill du höra andra kommuners erfarenheter av?',
            en: 'On which topic would you like to hear other municipalities’ experiences?',
          },
        },
      ],
    },
    coordinator,
    undefined,
  );

  await service.setMunicipalityQuota(
    DEMO_ROUND_ID,
    DEMO_CLOSING_DAY_ID,
    'ylasavo',
    8,
    'Seutukunta osallistuu viiden kunnan puolesta.',
    coordinator,
  );
  await service.setMunicipalityQuota(
    DEMO_ROUND_ID,
    DEMO_CLOSING_DAY_ID,
    'kauniainen',
    2,
    'Pieni kunta: sovittu kaksi paikkaa, jotta muut mahtuvat.',
    coordinator,
  );

  const people = await repositories.participants.listAll(DEMO_TENANT_ID);
  const inMunicipality = (municipalityId: string) =>
    people
      .filter((person) => person.municipalityId === municipalityId)
      .sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId));
  const aino = playgroundIdentity('aino').aadObjectId;
  const plan: readonly { municipalityId: string; count: number }[] = [
    { municipalityId: 'kangasala', count: 4 },
    { municipalityId: 'kuopio', count: 4 },
    { municipalityId: 'hameenlinna', count: 2 },
    { municipalityId: 'porvoo', count: 2 },
    { municipalityId: 'ylasavo', count: 3 },
    { municipalityId: 'kauniainen', count: 3 },
    { municipalityId: 'rovaniemi', count: 1 },
  ];
  const answers = [
    { diet: 'Laktoositon' },
    {},
    { diet: 'Kasvisruoka', other: 'Tekoäly asiakaspalvelussa' },
    { accessibility: 'Liikun pyörätuolilla' },
    {},
  ];
  let registered = 0;
  for (const { municipalityId, count } of plan) {
    // Aino's seat is hers to take in the Playground.
    const who = inMunicipality(municipalityId)
      .filter((person) => person.aadObjectId !== aino)
      .slice(0, count);
    for (const person of who) {
      await service.register(
        DEMO_ROUND_ID,
        DEMO_CLOSING_DAY_ID,
        person,
        answers[registered % answers.length] ?? {},
      );
      registered += 1;
    }
  }
  logger.info('demo registration seeded', { eventId: DEMO_CLOSING_DAY_ID, registered });
  return true;
}
