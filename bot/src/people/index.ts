/** People: participants, coordinators, municipalities, the roster, welcome, help and language. */
export { peopleFeature, type PeopleDeps } from './people-feature';
export { ParticipantRepository, type RosterMember } from './participant-repository';
export { CoordinatorRepository } from './coordinator-repository';
export { MunicipalityRepository } from './municipality-repository';
export { WelcomeLedger } from './welcome-ledger';
export { HELP_PATTERN } from './help-command';
export { LANGUAGE_PATTERN } from './language-command';
