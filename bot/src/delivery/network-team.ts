import type { Installation, InstallationRepository } from '../platform/teams';

/** The team a coordinator chose for the round; undefined when none was chosen. */
export type ChosenTeam = (roundId: string | undefined) => Promise<string | undefined>;

export type TeamChannel =
  | { readonly kind: 'found'; readonly installation: Installation }
  | { readonly kind: 'none'; readonly reason: string };

/** A team the app is installed in, once each. */
export interface InstalledTeam {
  readonly teamId: string;
  readonly tenantId: string;
  /** Known once Teams has sent it (an install, a roster change). */
  readonly name: string | undefined;
  readonly installedAt: string;
}

/** Where the round's channel posts go now, and why there. */
export type TeamSource =
  /** NETWORK_TEAM_ID: fixed by the operator. */
  | 'configured'
  /** A coordinator's choice for the round. */
  | 'chosen'
  /** Nothing chosen, but the app is in one team only. */
  | 'onlyTeam';

export type NetworkTeamResolution =
  | { readonly kind: 'found'; readonly teamId: string; readonly source: TeamSource }
  /** The chosen (or configured) team no longer has the app. */
  | { readonly kind: 'notInstalled'; readonly teamId: string; readonly source: 'configured' | 'chosen' }
  | { readonly kind: 'noTeam' }
  | { readonly kind: 'notChosen' };

/** The reasons stored on outbox rows; `delivery-reasons.ts` reads them back. */
export const NO_TEAM_REASON = 'the app is not installed in any team';
export const NOT_CHOSEN_REASON =
  "the app is installed in several teams: a coordinator must choose the network's team";
export const notInstalledReason = (teamId: string): string =>
  `the app is not installed in the network's team ${teamId}`;

/** The team names, for the coordinator's choice. */
export interface TeamNames {
  all(): Promise<ReadonlyMap<string, string>>;
}

/**
 * Where a channel post goes: the network's team, and only it. The app may be installed in other
 * teams too (a test team, a municipality's own team, another tenant), and a reminder or poll of
 * the network must not land there. The team is the configured one (NETWORK_TEAM_ID, which wins
 * over anything chosen, so an operator's fix cannot be undone from the tab), else a coordinator's
 * choice for the round, else the one team the app is installed in. With none, or with several and
 * no choice, nothing is posted and the reason says why.
 */
export class NetworkTeam {
  constructor(
    private readonly installations: InstallationRepository,
    private readonly chosen: ChosenTeam,
    readonly configuredTeamId: string | undefined = undefined,
    private readonly names: TeamNames | undefined = undefined,
  ) {}

  async channel(roundId: string | undefined): Promise<TeamChannel> {
    const channels = await this.installations.channels();
    const resolution = resolve(channels, this.configuredTeamId, await this.chosen(roundId));
    switch (resolution.kind) {
      case 'found': {
        const installation = channels.find((channel) => teamIdOf(channel) === resolution.teamId);
        if (installation) return { kind: 'found', installation };
        return { kind: 'none', reason: notInstalledReason(resolution.teamId) };
      }
      case 'notInstalled':
        return { kind: 'none', reason: notInstalledReason(resolution.teamId) };
      case 'noTeam':
        return { kind: 'none', reason: NO_TEAM_REASON };
      case 'notChosen':
        return { kind: 'none', reason: NOT_CHOSEN_REASON };
    }
  }

  /** Where a round's posts would go with `chosenTeamId` as the coordinator's choice. */
  async resolve(chosenTeamId: string | undefined): Promise<NetworkTeamResolution> {
    return resolve(await this.installations.channels(), this.configuredTeamId, chosenTeamId);
  }

  /** The teams the app is installed in, one entry each, with their names where known. */
  async installedTeams(): Promise<InstalledTeam[]> {
    const [channels, names] = await Promise.all([
      this.installations.channels(),
      this.names ? this.names.all() : Promise.resolve(new Map<string, string>()),
    ]);
    const teams = new Map<string, InstalledTeam>();
    for (const channel of channels) {
      const teamId = teamIdOf(channel);
      const known = teams.get(teamId);
      if (known && known.installedAt <= channel.installedAt) continue;
      teams.set(teamId, {
        teamId,
        tenantId: channel.tenantId,
        name: names.get(teamId),
        installedAt: channel.installedAt,
      });
    }
    return [...teams.values()];
  }
}

function resolve(
  channels: readonly Installation[],
  configured: string | undefined,
  chosen: string | undefined,
): NetworkTeamResolution {
  const teamIds = new Set(channels.map(teamIdOf));
  const fixed = configured ?? chosen;
  if (fixed) {
    const source = configured ? 'configured' : 'chosen';
    return teamIds.has(fixed)
      ? { kind: 'found', teamId: fixed, source }
      : { kind: 'notInstalled', teamId: fixed, source };
  }
  const [only, ...others] = teamIds;
  if (only && others.length === 0) return { kind: 'found', teamId: only, source: 'onlyTeam' };
  return only ? { kind: 'notChosen' } : { kind: 'noTeam' };
}

/** A channel installation's team: Teams' team id is the id of its General channel's thread. */
export function teamIdOf(installation: Installation): string {
  return installation.teamId ?? installation.conversationId.split(';')[0] ?? installation.conversationId;
}
