/** Topic wish polls: answering in Teams and the tab, posting, reminders, results and CSV. */
export { pollsFeature, type PollDeps, type PollSettings } from './polls-feature';
export { WishPollRepository } from './wish-poll-repository';
export type { WishPoll } from './wish-poll';
export { WISHES_PATTERN } from './wishes-command';
