/**
 * The network's team of a round, as the tab shows it to coordinators
 * (`GET`/`PUT /api/rounds/:roundId/network-team`): where the round's channel posts go, why there,
 * and the teams the app is installed in to choose from. Types only and no imports, so the tab
 * imports them too.
 */

/**
 * Where the round's channel posts go now:
 * - `configured`: the team fixed by the operator (NETWORK_TEAM_ID); it cannot be changed in the tab;
 * - `chosen`: the team a coordinator chose for the round;
 * - `onlyTeam`: nothing chosen, and the app is in one team only, so there;
 * - `notInstalled`: the chosen or configured team no longer has the app: posts go nowhere;
 * - `noTeam`: the app is in no team: posts go nowhere;
 * - `notChosen`: the app is in several teams and none is chosen: posts go nowhere.
 */
export type NetworkTeamState = 'configured' | 'chosen' | 'onlyTeam' | 'notInstalled' | 'noTeam' | 'notChosen';

export interface InstalledTeamView {
  readonly teamId: string;
  /**
   * The team's name as Teams gave it; null when Teams has not sent it yet, and for teams of other
   * organisations (their names are theirs: the network's team is in the network's own tenant).
   */
  readonly name: string | null;
  readonly tenantId: string;
  /** The team is in the signed-in coordinator's organisation (tenant). */
  readonly ownOrganisation: boolean;
  /** When the app was added to the team (ISO 8601). */
  readonly installedAt: string;
  /** The round's channel posts go to this team now. */
  readonly current: boolean;
}

export interface NetworkTeamView {
  readonly roundId: string;
  readonly roundName: string;
  readonly state: NetworkTeamState;
  /** False when channel posts of the round cannot go anywhere (`notInstalled`, `noTeam`, `notChosen`). */
  readonly canPost: boolean;
  /** The team posts go to; for `notInstalled`, the team chosen that lacks the app. */
  readonly teamId: string | null;
  /** The coordinator's choice stored with the round; null when none. */
  readonly chosenTeamId: string | null;
  /** True when NETWORK_TEAM_ID fixes the team: a choice cannot be made in the tab. */
  readonly fixed: boolean;
  /** The teams the app is installed in, own organisation's first, by name. */
  readonly teams: readonly InstalledTeamView[];
}

/** `PUT /api/rounds/:roundId/network-team` (with If-Match): a team id, or null to clear the choice. */
export interface NetworkTeamChoice {
  readonly teamId: string | null;
}

export interface NetworkTeamChoiceResponse {
  readonly team: NetworkTeamView;
  /** Channel posts that had found no team and were now queued for the chosen one (still due). */
  readonly sentAgain: number;
}
