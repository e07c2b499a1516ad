import type { Installation, InstallationRepository } from '../platform/teams';

/** The team a coordinator chose for the round, or the configured one; undefined when neither. */
export type ChosenTeam = (roundId: string | undefined) => Promise<string | undefined>;

export type TeamChannel =
  | { readonly kind: 'found'; readonly installation: Installation }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * Where a channel post goes: the network's team, and only it. The app may be installed in other
 * teams too (a test team, a municipality's own team, another tenant), and a reminder or poll of
 * the network must not land there. The team is the one chosen (configuration or a coordinator's
 * choice for the round); without a choice, the one team the app is installed in. With none, or
 * with several and no choice, nothing is posted and the reason says why.
 */
export class NetworkTeam {
  constructor(
    private readonly installations: InstallationRepository,
    private readonly chosen: ChosenTeam,
  ) {}

  async channel(roundId: string | undefined): Promise<TeamChannel> {
    const channels = await this.installations.channels();
    const teamId = await this.chosen(roundId);
    if (teamId) {
      const installation = channels.find((channel) => teamIdOf(channel) === teamId);
      return installation
        ? { kind: 'found', installation }
        : { kind: 'none', reason: `the app is not installed in the network's team ${teamId}` };
    }
    const teams = new Map<string, Installation>();
    for (const channel of channels) if (!teams.has(teamIdOf(channel))) teams.set(teamIdOf(channel), channel);
    const [only, ...others] = teams.values();
    if (only && others.length === 0) return { kind: 'found', installation: only };
    if (!only) return { kind: 'none', reason: 'the app is not installed in any team' };
    return {
      kind: 'none',
      reason: "the app is installed in several teams: a coordinator must choose the network's team",
    };
  }

  /** The teams the app is installed in, one entry each (for a coordinator's choice). */
  async installedTeams(): Promise<Installation[]> {
    const teams = new Map<string, Installation>();
    for (const channel of await this.installations.channels()) {
      if (!teams.has(teamIdOf(channel))) teams.set(teamIdOf(channel), channel);
    }
    return [...teams.values()];
  }
}

/** A channel installation's team: Teams' team id is the id of its General channel's thread. */
export function teamIdOf(installation: Installation): string {
  return installation.teamId ?? installation.conversationId.split(';')[0] ?? installation.conversationId;
}
