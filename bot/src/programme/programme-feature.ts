import { registerOpenApiRoute } from '../platform/api/openapi';
import type { Feature, FeatureContext } from '../platform/feature';
import { registerCoordinatorRoutes } from './coordinator-routes';
import { ProgrammeService } from './programme-service';
import { registerProgrammeRoutes, type ProgrammeRepositories } from './programme-routes';
import { ScheduleCommand } from './schedule-command';

const API_VERSION = '1.0.0';

/**
 * The programme of a round: the `ohjelma` command, the tab's own API (who am I, the programme with
 * "add to calendar", the coordinators' roster and event editing) and the OpenAPI description.
 */
export function programmeFeature(context: FeatureContext, repositories: ProgrammeRepositories): Feature {
  const { config, clock } = context;
  const programme = new ProgrammeService(repositories.programme, clock);
  return {
    name: 'programme',
    commands: [new ScheduleCommand(programme, context.links)],
    registerApi: (router) => {
      registerProgrammeRoutes(router, { config, repositories, clock, signer: context.personalLinks });
      registerCoordinatorRoutes(router, { repositories, clock });
      registerOpenApiRoute(router, API_VERSION);
    },
  };
}
