import { escapeKey } from '../platform/storage/keys';
import { readAll, type TableStore } from '../platform/storage/table-store';

/** The most of a team's name we keep (Teams allows 256 characters). */
const NAME_MAX = 256;

interface TeamNameEntity {
  tenantId: string;
  teamId: string;
  name: string;
  updatedAt: string;
}

/**
 * The names of the teams the app is installed in, so that a coordinator choosing the network's
 * team sees "Digiverkosto 2025–2026" rather than `19:…@thread.tacv2`. The installation rows are
 * TeamsFx's conversation references, which carry no team name; Teams sends it in the channel
 * data of an install and of roster changes, and it is written here then. Partition = tenant.
 */
export class TeamNameRepository {
  constructor(
    private readonly store: TableStore,
    private readonly clock: () => Date,
  ) {}

  async remember(tenantId: string, teamId: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, NAME_MAX);
    if (!trimmed) return;
    const client = await this.store.table('teamnames');
    await client.upsertEntity(
      {
        partitionKey: escapeKey(tenantId),
        rowKey: escapeKey(teamId),
        tenantId,
        teamId,
        name: trimmed,
        updatedAt: this.clock().toISOString(),
      },
      'Replace',
    );
  }

  /** Every known name by team id (the app is in a handful of teams). */
  async all(): Promise<ReadonlyMap<string, string>> {
    const client = await this.store.table('teamnames');
    const rows = await readAll<TeamNameEntity, TeamNameEntity>(client, undefined, (entity) => entity);
    return new Map(rows.map((row) => [row.teamId, row.name]));
  }
}
