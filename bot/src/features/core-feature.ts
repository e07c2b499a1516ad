import { HelpCommand } from '../handlers/help-command';
import { LanguageCommand } from '../handlers/language-command';
import { ScheduleCommand } from '../handlers/schedule-command';
import { SetLanguageAction } from '../handlers/set-language-action';
import { LanguageService } from '../services/language-service';
import { ProgrammeService } from '../services/programme-service';
import { toTeamsFxHandler } from '../teams/card-action';
import type { Feature, FeatureContext } from './feature';

/** Help, schedule and language: what every participant uses. */
export function coreFeature(context: FeatureContext): Feature {
  const programme = new ProgrammeService(context.repositories.programme, context.clock);
  const languages = new LanguageService(context.repositories.participants, context.clock);
  return {
    name: 'core',
    commands: [
      new HelpCommand(context.people, context.links),
      new ScheduleCommand(context.people, programme, context.links),
      new LanguageCommand(context.people, languages),
    ],
    cardActions: [
      toTeamsFxHandler(new SetLanguageAction(context.people, languages), context.people, context.logger),
    ],
  };
}
