import { devIdentityProviderFor, usesDevIdentityProvider } from '../platform/api/dev-identity-provider';
import { systemClock } from '../platform/clock';
import type { Feature, FeatureContext } from '../platform/feature';
import type { TeamRoster } from '../platform/teams';
import { AppInstalledHandler } from './app-installed';
import type { CoordinatorRepository } from './coordinator-repository';
import { registerDevIdentityRoutes } from './dev-identity-routes';
import { HelpCommand } from './help-command';
import { LanguageCommand } from './language-command';
import { LanguageService } from './language-service';
import type { MunicipalityRepository } from './municipality-repository';
import type { ParticipantRepository } from './participant-repository';
import { RosterSync } from './roster-sync';
import { SetLanguageAction } from './set-language-action';
import { UnrecognisedMessageHandler } from './unrecognised-message';
import type { WelcomeLedger } from './welcome-ledger';

export interface PeopleDeps {
  readonly participants: ParticipantRepository;
  readonly coordinators: CoordinatorRepository;
  readonly municipalities: MunicipalityRepository;
  readonly welcomes: WelcomeLedger;
  readonly roster: TeamRoster;
}

/**
 * The people of the network and how they meet the bot: participants follow the team's roster,
 * the welcome on install, help, the language choice, the hint for anything unrecognised, and (on a
 * developer's machine) the development sign-in that lists the demo people.
 */
export function peopleFeature(context: FeatureContext, deps: PeopleDeps): Feature {
  const { config, clock, logger } = context;
  const languages = new LanguageService(deps.participants, clock);
  const roster = new RosterSync(deps.roster, deps.participants, clock, logger.child({ component: 'roster' }));
  const reachable = (): Promise<number> => context.delivery.retryUnreachable();
  const installed = new AppInstalledHandler(
    context.links,
    roster,
    context.tasks,
    deps.welcomes,
    clock,
    reachable,
  );
  const unrecognised = new UnrecognisedMessageHandler();
  return {
    name: 'people',
    commands: [new HelpCommand(context.links), new LanguageCommand(languages)],
    cardActions: [new SetLanguageAction(languages)],
    events: {
      installed: (turn) => installed.installed(turn),
      uninstalled: (turn) => installed.uninstalled(turn),
      membersAdded: async (turn, members) => {
        await roster.addMembers(turn, members);
        context.tasks.run('retry unreachable', async () => {
          await reachable();
        });
      },
      membersRemoved: async (turn, members) => {
        if (turn.tenantId) await roster.removeMembers(turn.tenantId, members);
      },
      unrecognised: (turn) => unrecognised.handle(turn),
    },
    registerApi: (router) => {
      if (usesDevIdentityProvider(config)) {
        // Tokens live in wall-clock time, as the validator checks them, whatever the app's clock says.
        registerDevIdentityRoutes(router, devIdentityProviderFor(config), deps, systemClock);
      }
    },
  };
}
