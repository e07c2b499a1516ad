/** The programme of a round: events, the schedule command, the tab's programme and roster API. */
export { programmeFeature } from './programme-feature';
export { ProgrammeRepository } from './programme-repository';
export { ProgrammeService, isPublicEvent, isVisibleTo } from './programme-service';
export { SCHEDULE_PATTERN } from './schedule-command';
export type { ProgrammeRepositories } from './programme-routes';
export { eventCalendarLink } from './event-calendar';
