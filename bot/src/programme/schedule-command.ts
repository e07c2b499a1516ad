import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { buildScheduleCard } from './schedule-card';
import type { ProgrammeService } from './programme-service';
import { cardActivity } from '../platform/teams/activities';
import type { TabLinks } from '../shared/tab-links';
import { markHandled, type TurnPeople } from '../platform/teams/turn-people';

/** `ohjelma` / `program` / `schedule`: the next events for this person. */
export const SCHEDULE_PATTERN =
  /^\s*(ohjelma|aikataulu|tapahtumat|program|programmet|schedule|programme|events)\s*[.!?]?\s*$/i;
export const SCHEDULE_LIMIT = 5;

export class ScheduleCommand implements TeamsFxBotCommandHandler {
  readonly triggerPatterns = SCHEDULE_PATTERN;

  constructor(
    private readonly people: TurnPeople,
    private readonly programme: ProgrammeService,
    private readonly links: TabLinks,
  ) {}

  async handleCommandReceived(context: TurnContext, _message: CommandMessage): Promise<Partial<Activity>> {
    markHandled(context);
    const { language, participant } = await this.people.resolve(context);
    const events = await this.programme.upcomingFor(participant, SCHEDULE_LIMIT);
    return cardActivity(buildScheduleCard(events, language, this.links));
  }
}
