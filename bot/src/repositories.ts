import type { Clock } from './platform/clock';
import { CoordinatorRepository, MunicipalityRepository, ParticipantRepository } from './people';
import { InstallationRepository } from './platform/teams';
import { ProgrammeRepository } from './programme';
import type { TableStore } from './platform/storage/table-store';
import { WishPollRepository } from './polls';

/** The core repositories every feature shares; features add their own next to them. */
export interface Repositories {
  readonly municipalities: MunicipalityRepository;
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly programme: ProgrammeRepository;
  readonly installations: InstallationRepository;
  /** Topic wish polls: shared here because the demo seeding creates the demo poll too. */
  readonly wishPolls: WishPollRepository;
}

export function createRepositories(store: TableStore, clock: Clock): Repositories {
  return {
    municipalities: new MunicipalityRepository(store),
    participants: new ParticipantRepository(store),
    coordinators: new CoordinatorRepository(store),
    programme: new ProgrammeRepository(store),
    installations: new InstallationRepository(store, clock),
    wishPolls: new WishPollRepository(store),
  };
}
