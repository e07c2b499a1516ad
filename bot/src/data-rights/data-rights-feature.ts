import { z } from 'zod';
import type { ApiRouter } from '../platform/api/api-router';
import type { Feature, FeatureContext, PersonalDataProvider } from '../platform/feature';
import { PeriodicJob } from '../platform/periodic-job';
import type { AuditLog } from '../platform/storage/audit-log';
import {
  cardActivity,
  textActivity,
  type BotCommand,
  type CardAction,
  type CardActionResult,
  type InstallationRepository,
  type TurnPerson,
} from '../platform/teams';
import { DATA_RIGHTS_MESSAGES } from './data-rights-messages';
import type {
  CoordinatorRepository,
  MunicipalityRepository,
  ParticipantRepository,
  WelcomeLedger,
} from '../people';
import type { ProgrammeRepository } from '../programme';
import { VERBS } from '../shared/cards/verbs';
import { messagesFor } from '../shared/i18n/messages';
import type { TeamsIdentity } from '../shared/participant';
import { buildEraseCard, buildMyDataCard } from './my-data-card';
import { PersonalDataService } from './personal-data-service';

export interface DataRightsDeps {
  /** Every other feature: their personal-data providers are gathered here. */
  readonly features: readonly Feature[];
  readonly audit: AuditLog;
  readonly welcomes: WelcomeLedger;
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly municipalities: MunicipalityRepository;
  readonly programme: ProgrammeRepository;
  readonly installations: InstallationRepository;
}

/** `omat tietoni` / `mina uppgifter` / `my data`. */
export const MY_DATA_PATTERN = /^\s*(omat\s+tietoni|tietoni|mina\s+uppgifter|my\s+data)\s*[.!?]?\s*$/i;

const PURGE_INTERVAL_MS = 24 * 3600_000;
const FIRST_PURGE_DELAY_MS = 60_000;

/**
 * People's data rights (GDPR): see what is stored, download it as JSON, erase it; rounds past
 * their retention are purged daily; coordinators read the audit log of coordinators' changes.
 */
export function dataRightsFeature(
  context: FeatureContext,
  deps: DataRightsDeps,
): Feature & { readonly service: PersonalDataService } {
  const { logger } = context;
  const { audit } = deps;
  const providers = new Map<string, PersonalDataProvider>([
    ['profile', coreProvider(deps)],
    ...deps.features.flatMap((feature): [string, PersonalDataProvider][] =>
      feature.personalData ? [[feature.name, feature.personalData]] : [],
    ),
  ]);
  const service = new PersonalDataService(
    providers,
    deps.programme,
    audit,
    context.config.retentionMonths,
    context.clock,
    logger,
  );

  const myDataCard = async (person: TurnPerson & { identity: TeamsIdentity }, notice?: string) => {
    const coordinator = await deps.coordinators.get(person.identity);
    const municipalityId = person.participant?.municipalityId;
    return buildMyDataCard(person.language, {
      participant: person.participant,
      coordinator,
      municipality: municipalityId ? await deps.municipalities.get(municipalityId) : undefined,
      retentionMonths: context.config.retentionMonths,
      // The privacy page of the tab opens at its "your data" part, with the download button.
      downloadUrl: context.links.to('privacy', 'my-data'),
      ...(notice ? { notice } : {}),
    });
  };

  const myDataCommand: BotCommand = {
    pattern: MY_DATA_PATTERN,
    // E-mail, municipality, roles and the erasure buttons: never in a channel.
    answersPrivately: true,
    handle: async (turn) => {
      const person = await turn.person();
      const identity = person.identity;
      if (!identity) return textActivity(messagesFor(person.language).somethingWentWrong);
      return cardActivity(await myDataCard({ ...person, identity }));
    },
  };

  const noData = z.object({}).loose();
  const erasureStep = (verb: string, step: 'ask' | 'confirm' | 'cancel'): CardAction<typeof noData> => ({
    verb,
    schema: noData,
    handle: async (turn, _data, person): Promise<CardActionResult> => {
      if (step === 'ask') return { kind: 'card', card: buildEraseCard(person.language, 'confirm') };
      const identity = person.identity;
      if (!identity) return { kind: 'rejected', text: messagesFor(person.language).somethingWentWrong };
      if (step === 'cancel') {
        // Back to where the person was: their data, with word that nothing was erased.
        const notice = DATA_RIGHTS_MESSAGES[person.language].cancelled;
        return { kind: 'card', card: await myDataCard({ ...person, identity }, notice) };
      }
      await service.erase(identity);
      turn.forgetPerson();
      return { kind: 'card', card: buildEraseCard(person.language, 'erased') };
    },
  });

  const purge = new PeriodicJob({
    name: 'retention purge',
    intervalMs: PURGE_INTERVAL_MS,
    firstRunAfterMs: FIRST_PURGE_DELAY_MS,
    logger,
    run: async () => {
      await service.purgeExpiredRounds();
    },
  });

  return {
    name: 'dataRights',
    service,
    commands: [myDataCommand],
    cardActions: [
      erasureStep(VERBS.eraseMyDataAsk, 'ask'),
      erasureStep(VERBS.eraseMyDataConfirm, 'confirm'),
      erasureStep(VERBS.eraseMyDataCancel, 'cancel'),
    ],
    registerApi(router: ApiRouter): void {
      router.add({
        method: 'get',
        path: '/api/me/data',
        access: 'participant',
        summary: 'Everything stored about the signed-in person, as a JSON download',
        handle: async ({ user }) => {
          const data = await service.export(user);
          return {
            status: 200,
            body: data,
            headers: { 'Content-Disposition': 'attachment; filename="digiverkosto-omat-tiedot.json"' },
          };
        },
      });
      router.add({
        method: 'post',
        path: '/api/me/erase',
        access: 'participant',
        summary: 'Erase the signed-in person from every table (cannot be undone)',
        body: z.object({ confirm: z.literal(true) }),
        handle: async ({ user }) => {
          await service.erase(user);
          return { status: 204 };
        },
      });
      router.add({
        method: 'get',
        path: '/api/audit',
        access: 'coordinator',
        summary: "Coordinators' changes in one month, newest first",
        query: z.object({
          month: z.string().regex(/^\d{4}-\d{2}$/),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
          continuationToken: z.string().max(2000).optional(),
        }),
        handle: async ({ query }) => ({
          status: 200,
          body: await audit.month(query.month, query.pageSize, query.continuationToken),
        }),
      });
    },
    start: () => purge.start(),
    stop: () => purge.stop(),
  };
}

/** The core tables: the participant's profile, coordinator role, personal chat and welcome. */
function coreProvider(deps: DataRightsDeps): PersonalDataProvider {
  const { welcomes } = deps;
  return {
    async export(identity: TeamsIdentity) {
      const participant = (await deps.participants.get(identity))?.value;
      const coordinator = await deps.coordinators.get(identity);
      const chat = await deps.installations.personalChat(identity.tenantId, identity.aadObjectId);
      return {
        participant: participant ?? null,
        coordinator: coordinator ?? null,
        personalChat: chat ? { installedAt: chat.installedAt, conversationId: chat.conversationId } : null,
      };
    },
    async erase(identity: TeamsIdentity) {
      await deps.participants.delete(identity);
      await deps.coordinators.delete(identity);
      await deps.installations.removePersonalChats(identity.tenantId, identity.aadObjectId);
      await deps.installations.forgetInstaller(identity.tenantId, identity.aadObjectId);
      await welcomes.forget(identity.tenantId, `person:${identity.aadObjectId}`);
    },
  };
}
