import type { Clock } from './platform/clock';
import { CoordinatorRepository } from './people/coordinator-repository';
import { InstallationRepository } from './platform/teams/installation-repository';
import { MunicipalityRepository } from './people/municipality-repository';
import { ParticipantRepository } from './people/participant-repository';
import { ProgrammeRepository } from './programme/programme-repository';
import type { TableStore } from './platform/storage/table-store';
import { WishPollRepository } from './polls/wish-poll-repository';

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
