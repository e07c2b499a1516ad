import { registerCoordinatorRoutes } from './coordinator-routes';
import { devIdentityProviderFor, usesDevIdentityProvider } from '../platform/api/dev-identity-provider';
import { registerDevIdentityRoutes } from '../people/dev-identity-routes';
import { systemClock } from '../platform/clock';
import { registerOpenApiRoute } from '../platform/api/openapi';
import { registerProgrammeRoutes } from './programme-routes';
import type { Feature, FeatureContext } from '../platform/feature';

const API_VERSION = '1.0.0';

/**
 * The tab's own API: who am I, the programme with "add to calendar", the coordinators' roster
 * and event editing, the OpenAPI description, and, on a developer's machine, the development
 * identity provider the tab signs in with outside Teams.
 */
export function programmeFeature(context: FeatureContext): Feature {
  const { config, repositories, clock } = context;
  return {
    name: 'programme',
    registerApi: (router) => {
      registerProgrammeRoutes(router, { config, repositories, clock });
      registerCoordinatorRoutes(router, { repositories, clock });
      registerOpenApiRoute(router, API_VERSION);
      if (usesDevIdentityProvider(config)) {
        // Tokens live in wall-clock time, as the validator checks them, whatever the app's clock says.
        registerDevIdentityRoutes(router, devIdentityProviderFor(config), repositories, systemClock);
      }
    },
  };
}
