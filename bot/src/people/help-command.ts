import { cardActivity, type BotCommand, type OutgoingActivity, type Turn } from '../platform/teams';
import { buildHelpCard } from './help-card';
import type { TabLinks } from '../shared/tab-links';

/** `ohje` / `hjälp` / `help`: the commands, as a card. */
export const HELP_PATTERN = /^\s*(ohje|apua|hjälp|hjalp|help|\?)\s*[.!?]?\s*$/i;

export class HelpCommand implements BotCommand {
  readonly pattern = HELP_PATTERN;

  constructor(private readonly links: TabLinks) {}

  async handle(turn: Turn): Promise<OutgoingActivity> {
    const { language } = await turn.person();
    return cardActivity(buildHelpCard(language, this.links, turn.place !== 'personal'));
  }
}
