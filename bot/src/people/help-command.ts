import type { CommandMessage, TeamsFxBotCommandHandler } from '@microsoft/teamsfx';
import type { Activity, TurnContext } from 'botbuilder';
import { buildHelpCard } from './help-card';
import { cardActivity } from '../platform/teams/activities';
import type { TabLinks } from '../shared/tab-links';
import { markHandled, type TurnPeople } from '../platform/teams/turn-people';

/** `ohje` / `hjälp` / `help`: the commands, as a card. */
export const HELP_PATTERN = /^\s*(ohje|apua|hjälp|hjalp|help|\?)\s*[.!?]?\s*$/i;

export class HelpCommand implements TeamsFxBotCommandHandler {
  readonly triggerPatterns = HELP_PATTERN;

  constructor(
    private readonly people: TurnPeople,
    private readonly links: TabLinks,
  ) {}

  async handleCommandReceived(context: TurnContext, _message: CommandMessage): Promise<Partial<Activity>> {
    markHandled(context);
    const { language } = await this.people.resolve(context);
    return cardActivity(buildHelpCard(language, this.links));
  }
}
