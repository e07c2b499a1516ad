import { HelpCommand } from './help-command';
import { LanguageCommand } from './language-command';
import { ScheduleCommand } from '../programme/schedule-command';
import { SetLanguageAction } from './set-language-action';
import { LanguageService } from './language-service';
import { ProgrammeService } from '../programme/programme-service';
import { toTeamsFxHandler } from '../platform/teams/card-action';
import type { Feature, FeatureContext } from '../platform/feature';

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
