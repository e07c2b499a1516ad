import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ApiRouter } from '../platform/api/api-router';
import { buildEraseCard, buildMyDataCard } from './my-data-card';
import { VERBS } from '../shared/cards/verbs';
import type { TeamsIdentity } from '../shared/participant';
import { messagesFor } from '../shared/i18n/messages';
import { PersonalDataService } from './personal-data-service';
import type { AuditLog } from '../platform/storage/audit-log';
import type { WelcomeLedger } from '../people/welcome-ledger';
import { cardActivity, textActivity } from '../platform/teams/activities';
import { toTeamsFxHandler, type CardAction, type CardActionResult } from '../platform/teams/card-action';
import { markHandled, type TurnPerson } from '../platform/teams/turn-people';
import type { Feature, FeatureContext, PersonalDataProvider } from '../platform/feature';

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
  features: readonly Feature[],
  audit: AuditLog,
  welcomes: WelcomeLedger,
): Feature & { readonly service: PersonalDataService } {
  const { repositories, people, logger } = context;
  const providers = new Map<string, PersonalDataProvider>([
    ['profile', coreProvider(context, welcomes)],
    ...features.flatMap((feature): [string, PersonalDataProvider][] =>
      feature.personalData ? [[feature.name, feature.personalData]] : [],
    ),
  ]);
  const service = new PersonalDataService(
    providers,
    repositories.programme,
    audit,
    context.config.retentionMonths,
    context.clock,
    logger,
  );

  const myDataCommand: TeamsFxBotCommandHandler = {
    triggerPatterns: MY_DATA_PATTERN,
    handleCommandReceived: async (
      turn: TurnContext,
      _message: CommandMessage,
    ): Promise<Partial<Activity>> => {
      markHandled(turn);
      const person = await people.resolve(turn);
      if (!person.identity) return textActivity(messagesFor(person.language).somethingWentWrong);
      const coordinator = await repositories.coordinators.get(person.identity);
      const municipalityId = person.participant?.municipalityId;
      return cardActivity(
        buildMyDataCard(person.language, {
          participant: person.participant,
          coordinator,
          municipality: municipalityId ? await repositories.municipalities.get(municipalityId) : undefined,
          retentionMonths: context.config.retentionMonths,
          downloadUrl: context.links.to('privacy'),
        }),
      );
    },
  };

  const noData = z.object({}).loose();
  const erasureStep = (verb: string, step: 'ask' | 'confirm' | 'cancel'): CardAction<typeof noData> => ({
    verb,
    schema: noData,
    handle: async (_turn: TurnContext, _data: unknown, person: TurnPerson): Promise<CardActionResult> => {
      if (step === 'ask') return { kind: 'card', card: buildEraseCard(person.language, 'confirm') };
      if (step === 'cancel' || !person.identity)
        return { kind: 'card', card: buildEraseCard(person.language, 'cancelled') };
      await service.erase(person.identity);
      people.forget(_turn);
      return { kind: 'card', card: buildEraseCard(person.language, 'erased') };
    },
  });

  let timer: NodeJS.Timeout | undefined;
  const purge = (): void => {
    context.tasks.run('retention purge', async () => {
      await service.purgeExpiredRounds();
    });
  };

  return {
    name: 'dataRights',
    service,
    commands: [myDataCommand],
    cardActions: [
      toTeamsFxHandler(erasureStep(VERBS.eraseMyDataAsk, 'ask'), people, logger),
      toTeamsFxHandler(erasureStep(VERBS.eraseMyDataConfirm, 'confirm'), people, logger),
      toTeamsFxHandler(erasureStep(VERBS.eraseMyDataCancel, 'cancel'), people, logger),
    ],
    registerApi(router: ApiRouter): void {
      router.add({
        method: 'get',
        path: '/api/me/data',
        access: 'participant',
        summary: 'Everything stored about the signed-in person, as a JSON download',
        handle: async ({ user }) => {
          if (!user) return { status: 401 };
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
          if (!user) return { status: 401 };
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
    start(): void {
      timer = setTimeout(function tick() {
        purge();
        timer = setTimeout(tick, PURGE_INTERVAL_MS);
        timer.unref();
      }, FIRST_PURGE_DELAY_MS);
      timer.unref();
    },
    stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      return Promise.resolve();
    },
  };
}

/** The core tables: the participant's profile, coordinator role, personal chat and welcome. */
function coreProvider(context: FeatureContext, welcomes: WelcomeLedger): PersonalDataProvider {
  const { repositories } = context;
  return {
    async export(identity: TeamsIdentity) {
      const participant = (await repositories.participants.get(identity))?.value;
      const coordinator = await repositories.coordinators.get(identity);
      const chat = await repositories.installations.personalChat(identity.tenantId, identity.aadObjectId);
      return {
        participant: participant ?? null,
        coordinator: coordinator ?? null,
        personalChat: chat ? { installedAt: chat.installedAt, conversationId: chat.conversationId } : null,
      };
    },
    async erase(identity: TeamsIdentity) {
      await repositories.participants.delete(identity);
      await repositories.coordinators.delete(identity);
      await repositories.installations.removePersonalChats(identity.tenantId, identity.aadObjectId);
      await welcomes.forget(identity.tenantId, `person:${identity.aadObjectId}`);
    },
  };
}
