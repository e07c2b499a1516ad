import type { Municipality } from '../shared/municipality';
import type { Participant, TeamsIdentity } from '../shared/participant';
import type { ProgrammeEvent } from '../shared/programme-event';
import type { MunicipalityRepository } from '../people';
import type { ParticipantRepository } from '../people';
import type { PeerGroupRepository } from './peer-group-repository';
import type { ProgrammeRepository } from '../programme';
import type { Clock } from '../platform/clock';
import {
  DEFAULT_GROUP_SIZE,
  diagnoseGroups,
  formGroups,
  moveMember,
  reformUnlockedGroups,
  type Grouping,
  type Leader,
  type PeerGroup,
} from './group-formation';
import { memberIdOf, type MemberId, type PeerGroupFormation } from './peer-group-model';

/** Why a coordinator's request cannot be done; the API turns the code into a status. */
export class PeerGroupError extends Error {
  constructor(
    readonly code: 'notFound' | 'invited' | 'invalid' | 'versionRequired' | 'notParticipant',
    message: string,
  ) {
    super(message);
    this.name = 'PeerGroupError';
  }
}

/** The leaders who can take part in a round's discussions, with what the formation weighs. */
export interface LeaderPool {
  readonly leaders: readonly Leader[];
  readonly people: ReadonlyMap<MemberId, Participant>;
  readonly municipalities: ReadonlyMap<string, Municipality>;
  readonly optOuts: ReadonlySet<MemberId>;
}

/**
 * Forming, previewing and correcting the groups of a leadership discussion (the formation itself
 * is the pure {@link formGroups}). A formation is a draft until its invitations go out; then it can
 * still be corrected member by member (the meetings follow), but not re-formed wholesale.
 */
export class PeerGroupService {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly participants: ParticipantRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly formations: PeerGroupRepository,
    private readonly clock: Clock,
  ) {}

  /** The round's leadership discussions in time order. */
  async discussions(roundId: string): Promise<ProgrammeEvent[]> {
    const events = await this.programme.listEvents(roundId);
    return events.filter((event) => event.type === 'leadershipDiscussion');
  }

  async discussion(roundId: string, eventId: string): Promise<ProgrammeEvent> {
    const event = (await this.programme.getEvent(roundId, eventId))?.value;
    if (!event || event.type !== 'leadershipDiscussion') {
      throw new PeerGroupError('notFound', 'There is no such leadership discussion in the round.');
    }
    return event;
  }

  async currentRoundId(): Promise<string | undefined> {
    return (await this.programme.currentRound(this.clock()))?.id;
  }

  /** Active participants with the leadership role and a municipality; opt-outs listed apart. */
  async leaderPool(roundId: string): Promise<LeaderPool> {
    const [everyone, municipalities, optOuts] = await Promise.all([
      this.participants.listAll(),
      this.municipalities.list(),
      this.formations.optOuts(roundId),
    ]);
    const byId = new Map(municipalities.map((municipality) => [municipality.id, municipality]));
    const people = new Map<MemberId, Participant>();
    const leaders: Leader[] = [];
    for (const participant of everyone) {
      if (!participant.active || !participant.roles.includes('leadership') || !participant.municipalityId)
        continue;
      const id = memberIdOf(participant);
      const municipality = byId.get(participant.municipalityId);
      people.set(id, participant);
      leaders.push({
        id,
        municipalityId: participant.municipalityId,
        sizeClass: municipality?.sizeClass ?? 'unknown',
        region: municipality?.region ?? 'unknown',
      });
    }
    return { leaders, people, municipalities: byId, optOuts };
  }

  async get(roundId: string, eventId: string): Promise<PeerGroupFormation | undefined> {
    return this.formations.get(roundId, eventId);
  }

  /** Forms new groups (replacing a draft); refused once the invitations have gone out. */
  async generate(
    roundId: string,
    eventId: string,
    options: { seed: string; groupSize?: number | undefined },
    by: string,
    etag: string | undefined,
  ): Promise<PeerGroupFormation> {
    await this.discussion(roundId, eventId);
    const existing = await this.formations.get(roundId, eventId);
    if (existing?.invitedAt) throw alreadyInvited();
    const pool = await this.leaderPool(roundId);
    const history = await this.history(roundId, eventId);
    const groupSize = options.groupSize ?? DEFAULT_GROUP_SIZE;
    const formation = guard(() =>
      formGroups({
        leaders: pool.leaders,
        history,
        groupSize,
        seed: options.seed,
        optOuts: [...pool.optOuts],
      }),
    );
    return this.formations.save(
      {
        roundId,
        eventId,
        seed: options.seed,
        groupSize,
        groups: formation.groups,
        diagnostics: formation.diagnostics,
        invitedAt: undefined,
        updatedAt: this.clock().toISOString(),
        updatedBy: by,
      },
      existing ? versionOf(etag) : undefined,
    );
  }

  /** Re-forms the unlocked groups, with a new seed if given; locked groups stay as they are. */
  async reform(
    roundId: string,
    eventId: string,
    options: { seed?: string | undefined },
    by: string,
    etag: string | undefined,
  ): Promise<PeerGroupFormation> {
    const existing = await this.require(roundId, eventId);
    if (existing.invitedAt) throw alreadyInvited();
    const pool = await this.leaderPool(roundId);
    const history = await this.history(roundId, eventId);
    const seed = options.seed ?? existing.seed;
    const formation = guard(() =>
      reformUnlockedGroups(existing.groups, {
        leaders: pool.leaders,
        history,
        groupSize: existing.groupSize,
        seed,
        optOuts: [...pool.optOuts],
      }),
    );
    return this.store(existing, { seed, groups: formation.groups }, pool, history, by, etag);
  }

  /** Moves one member to another group (a coordinator's correction; allowed after invitations too). */
  async move(
    roundId: string,
    eventId: string,
    memberId: string,
    targetIndex: number,
    by: string,
    etag: string | undefined,
  ): Promise<PeerGroupFormation> {
    const existing = await this.require(roundId, eventId);
    const pool = await this.leaderPool(roundId);
    const history = await this.history(roundId, eventId);
    const moved = guard(() =>
      moveMember(existing.groups, memberId, targetIndex, { leaders: pool.leaders, history }),
    );
    return this.store(existing, { groups: moved.groups }, pool, history, by, etag);
  }

  async setLocked(
    roundId: string,
    eventId: string,
    index: number,
    locked: boolean,
    by: string,
    etag: string | undefined,
  ): Promise<PeerGroupFormation> {
    const existing = await this.require(roundId, eventId);
    if (!existing.groups.some((group) => group.index === index)) {
      throw new PeerGroupError('invalid', `There is no group ${index}.`);
    }
    const groups = existing.groups.map((group) => (group.index === index ? { ...group, locked } : group));
    const pool = await this.leaderPool(roundId);
    return this.store(existing, { groups }, pool, await this.history(roundId, eventId), by, etag);
  }

  /** Marks the formation as invited (done by the invitation service once the meetings exist). */
  async markInvited(formation: PeerGroupFormation): Promise<PeerGroupFormation> {
    if (formation.invitedAt) return formation;
    const { etag, ...rest } = formation;
    return this.formations.save({ ...rest, invitedAt: this.clock().toISOString() }, etag);
  }

  /**
   * Records a leader's choice to sit out (or rejoin) the round. An opted-out leader is taken out of
   * every formation of a discussion that has not started; returns the formations that changed and
   * had invitations out, whose meetings must follow.
   */
  async setOptOut(
    roundId: string,
    identity: TeamsIdentity,
    optedOut: boolean,
  ): Promise<PeerGroupFormation[]> {
    // Someone signed in from an allowed tenant is not yet one of the network's people: nothing of
    // theirs is stored (an opt-out row would name a stranger in the coordinators' lists).
    const participant = await this.participants.get(identity);
    if (!participant?.value.active) {
      throw new PeerGroupError(
        'notParticipant',
        'Only participants of the network take part in peer groups.',
      );
    }
    const now = this.clock();
    await this.formations.setOptOut(roundId, identity, optedOut, now);
    if (!optedOut) return [];
    const memberId = memberIdOf(identity);
    const upcoming = new Set(
      (await this.discussions(roundId))
        .filter((event) => event.startsAt > now.toISOString())
        .map((event) => event.id),
    );
    const changed: PeerGroupFormation[] = [];
    for (const formation of await this.formations.listForRound(roundId)) {
      if (!upcoming.has(formation.eventId)) continue;
      if (!formation.groups.some((group) => group.memberIds.includes(memberId))) continue;
      const groups = formation.groups
        .map((group) => ({ ...group, memberIds: group.memberIds.filter((id) => id !== memberId) }))
        .filter((group) => group.memberIds.length > 0);
      const pool = await this.leaderPool(roundId);
      const saved = await this.store(
        formation,
        { groups },
        pool,
        await this.history(roundId, formation.eventId),
        OPT_OUT,
        formation.etag,
      );
      if (saved.invitedAt) changed.push(saved);
    }
    return changed;
  }

  /** The groupings of the round's earlier discussions, whose pairs count as repeats. */
  async history(roundId: string, eventId: string): Promise<Grouping[]> {
    const discussions = await this.discussions(roundId);
    const current = discussions.find((event) => event.id === eventId);
    const earlier = new Set(
      discussions
        .filter((event) => event.id !== eventId && (!current || event.startsAt < current.startsAt))
        .map((event) => event.id),
    );
    const formations = await this.formations.listForRound(roundId);
    return formations
      .filter((formation) => earlier.has(formation.eventId))
      .map((formation) => formation.groups.map((group) => group.memberIds));
  }

  private async require(roundId: string, eventId: string): Promise<PeerGroupFormation> {
    const existing = await this.formations.get(roundId, eventId);
    if (!existing)
      throw new PeerGroupError('notFound', 'No groups have been formed for this discussion yet.');
    return existing;
  }

  private async store(
    existing: PeerGroupFormation,
    change: { seed?: string; groups: readonly PeerGroup[] },
    pool: LeaderPool,
    history: readonly Grouping[],
    by: string,
    etag: string | undefined,
  ): Promise<PeerGroupFormation> {
    return this.formations.save(
      {
        ...existing,
        ...change,
        diagnostics: diagnoseGroups(change.groups, { leaders: pool.leaders, history }),
        updatedAt: this.clock().toISOString(),
        updatedBy: by,
      },
      versionOf(etag),
    );
  }
}

/** Who changed a formation when a leader's opt-out did. */
const OPT_OUT = 'opt-out';

/**
 * A coordinator's change to a stored formation must name the version it was made on (If-Match), so
 * two coordinators never overwrite each other's corrections unseen.
 */
function versionOf(etag: string | undefined): string {
  if (etag === undefined) {
    throw new PeerGroupError(
      'versionRequired',
      'Send the version you changed (If-Match with the ETag you read).',
    );
  }
  return etag;
}

function alreadyInvited(): PeerGroupError {
  return new PeerGroupError(
    'invited',
    'The invitations of this discussion have been sent; move members one by one instead of re-forming.',
  );
}

/** The formation functions throw RangeError for input a coordinator can correct. */
function guard<T>(form: () => T): T {
  try {
    return form();
  } catch (error) {
    if (error instanceof RangeError) throw new PeerGroupError('invalid', error.message);
    throw error;
  }
}
