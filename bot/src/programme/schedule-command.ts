import { cardActivity, type BotCommand, type OutgoingActivity, type Turn } from '../platform/teams';
import { buildScheduleCard } from './schedule-card';
import type { ProgrammeService } from './programme-service';
import type { TabLinks } from '../shared/tab-links';

/** `ohjelma` / `program` / `schedule`: the next events for this person. */
export const SCHEDULE_PATTERN =
  /^\s*(ohjelma|aikataulu|tapahtumat|program|programmet|schedule|programme|events)\s*[.!?]?\s*$/i;
export const SCHEDULE_LIMIT = 5;

export class ScheduleCommand implements BotCommand {
  readonly pattern = SCHEDULE_PATTERN;

  constructor(
    private readonly programme: ProgrammeService,
    private readonly links: TabLinks,
  ) {}

  async handle(turn: Turn): Promise<OutgoingActivity> {
    const { language, participant } = await turn.person();
    const events = await this.programme.upcomingFor(participant, SCHEDULE_LIMIT);
    return cardActivity(buildScheduleCard(events, language, this.links));
  }
}
