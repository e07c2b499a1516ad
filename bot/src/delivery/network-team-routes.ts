import { z } from 'zod';
import { ApiError, pathParams, type ApiRouter, type ApiUser } from '../platform/api/api-router';
import type { Delivery } from '../platform/delivery';
import type { Versioned } from '../platform/storage/table-store';
import { LANGUAGES, type Language } from '../shared/i18n/language';
import type { Round } from '../shared/programme-event';
import type { NetworkTeam, NetworkTeamResolution } from './network-team';
import type {
  InstalledTeamView,
  NetworkTeamChoiceResponse,
  NetworkTeamState,
  NetworkTeamView,
} from './network-team-contracts';

/** The rounds and their stored choice of team (the programme's repository). */
export interface RoundTeams {
  /** Every round, for the retention purge of round-less deliveries. */
  listRounds(): Promise<Round[]>;
  getVersionedRound(roundId: string): Promise<Versioned<Round> | undefined>;
  /** Conditional on `etag`; a ConflictError (412) when the round changed meanwhile. */
  setRoundTeam(roundId: string, teamId: string | undefined, etag: string): Promise<string>;
}

const languageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
/** Teams' team ids are `19:…@thread.tacv2`; the length is what a table key allows. */
const choiceBody = z.object({ teamId: z.string().trim().min(1).max(256).nullable() }).strict();

const WORDS: Readonly<
  Record<Language, { noRound: string; fixed: string; notInstalled: string; ifMatch: string }>
> = {
  fi: {
    noRound: 'Kierrosta ei löytynyt.',
    fixed: 'Verkoston tiimi on määritetty ylläpidon asetuksissa, eikä sitä voi vaihtaa täältä.',
    notInstalled: 'Sovellusta ei ole lisätty tähän tiimiin. Valitse jokin luettelon tiimeistä.',
    ifMatch: 'Lähetä If-Match ja lukemasi ETag, jotta kenenkään toisen muutos ei jää alle.',
  },
  sv: {
    noRound: 'Omgången hittades inte.',
    fixed: 'Nätverkets team har fastställts i driftens inställningar och kan inte ändras här.',
    notInstalled: 'Appen har inte lagts till i det här teamet. Välj ett av teamen i listan.',
    ifMatch: 'Skicka If-Match med den ETag du läste, så att ingen annans ändring skrivs över.',
  },
  en: {
    noRound: 'The round was not found.',
    fixed: "The network's team is fixed in the service's settings and cannot be changed here.",
    notInstalled: 'The app has not been added to this team. Choose one of the teams listed.',
    ifMatch: 'Send If-Match with the ETag you read, so nobody else’s change is overwritten.',
  },
};

/**
 * Coordinators choose the network's team of a round: the one team its channel posts go to. The
 * routes live with the outbox, beside {@link NetworkTeam}, which decides where posts go; the
 * choice itself is stored on the round (the programme's table), with the round's ETag.
 *
 * A team fixed by the operator (NETWORK_TEAM_ID) takes precedence: it is shown as fixed and a
 * choice is refused with 409, so the tab never suggests a choice that would have no effect.
 */
export function registerNetworkTeamRoutes(
  router: ApiRouter,
  deps: { readonly team: NetworkTeam; readonly rounds: RoundTeams; readonly delivery: Delivery },
): void {
  const { team, rounds, delivery } = deps;

  const findRound = async (roundId: string, language: Language): Promise<Versioned<Round>> => {
    const round = await rounds.getVersionedRound(roundId);
    if (!round) throw new ApiError(404, WORDS[language].noRound, undefined, 'noRound');
    return round;
  };

  const view = async (round: Round, user: ApiUser, language: Language): Promise<NetworkTeamView> => {
    const [resolution, installed] = await Promise.all([team.resolve(round.teamId), team.installedTeams()]);
    const current = resolution.kind === 'found' ? resolution.teamId : undefined;
    const teams: InstalledTeamView[] = installed
      .map((entry) => {
        const ownOrganisation = entry.tenantId === user.tenantId;
        return {
          teamId: entry.teamId,
          name: ownOrganisation ? (entry.name ?? null) : null,
          tenantId: entry.tenantId,
          ownOrganisation,
          installedAt: entry.installedAt,
          current: entry.teamId === current,
        };
      })
      .sort(
        (a, b) =>
          Number(b.ownOrganisation) - Number(a.ownOrganisation) ||
          (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', language) ||
          a.teamId.localeCompare(b.teamId),
      );
    return {
      roundId: round.id,
      roundName: round.name[language] ?? round.name.fi,
      state: stateOf(resolution),
      canPost: resolution.kind === 'found',
      teamId: 'teamId' in resolution ? resolution.teamId : null,
      chosenTeamId: round.teamId ?? null,
      fixed: team.configuredTeamId !== undefined,
      teams,
    };
  };

  router.add({
    method: 'get',
    path: '/api/rounds/:roundId/network-team',
    params: pathParams('roundId'),
    access: 'coordinator',
    summary:
      "Coordinators: the round's network team (where its channel posts go, and why) and the teams the app is installed in, with the round's version in the ETag header",
    query: languageQuery,
    handle: async ({ user, params, query }) => {
      const language = query.lang ?? user.language;
      const round = await findRound(params.roundId, language);
      return { status: 200, body: await view(round.value, user, language), headers: { ETag: round.etag } };
    },
  });

  router.add({
    method: 'put',
    path: '/api/rounds/:roundId/network-team',
    params: pathParams('roundId'),
    access: 'coordinator',
    summary:
      "Coordinators: choose the round's network team (a team the app is installed in), or clear the choice with null; If-Match with the ETag is required",
    query: languageQuery,
    body: choiceBody,
    handle: async ({ user, params, query, body, ifMatch }) => {
      const language = query.lang ?? user.language;
      const round = await findRound(params.roundId, language);
      if (team.configuredTeamId !== undefined) {
        throw new ApiError(409, WORDS[language].fixed, undefined, 'teamFixed');
      }
      if (!ifMatch) throw new ApiError(428, WORDS[language].ifMatch, undefined, 'ifMatchRequired');
      if (body.teamId !== null) {
        const installed = await team.installedTeams();
        if (!installed.some((entry) => entry.teamId === body.teamId)) {
          throw new ApiError(400, WORDS[language].notInstalled, undefined, 'teamNotInstalled');
        }
      }
      // A stale If-Match throws ConflictError, which the router answers with 412.
      const etag = await rounds.setRoundTeam(round.value.id, body.teamId ?? undefined, ifMatch);
      const updated: Round = { ...round.value, teamId: body.teamId ?? undefined };
      // Posts that found no team (several and none chosen) go to the chosen one now, if still due.
      const sentAgain = body.teamId !== null ? await delivery.retryUnreachable() : 0;
      const response: NetworkTeamChoiceResponse = { team: await view(updated, user, language), sentAgain };
      return { status: 200, body: response, headers: { ETag: etag } };
    },
  });
}

function stateOf(resolution: NetworkTeamResolution): NetworkTeamState {
  switch (resolution.kind) {
    case 'found':
      return resolution.source;
    case 'notInstalled':
      return 'notInstalled';
    case 'noTeam':
      return 'noTeam';
    case 'notChosen':
      return 'notChosen';
  }
}
