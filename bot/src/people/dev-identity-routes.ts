import { z } from 'zod';
import { LANGUAGES } from '../shared/i18n/language';
import { municipalityName } from '../shared/municipality';
import { organisationName } from '../shared/organisations';
import { roleList } from '../shared/roles';
import type { Clock } from '../platform/clock';
import type { CoordinatorRepository } from './coordinator-repository';
import type { MunicipalityRepository } from './municipality-repository';
import type { ParticipantRepository } from './participant-repository';
import type { ApiRouter } from '../platform/api/api-router';
import type { DevTokenResponse, DevUser } from '../shared/contracts';
import {
  DEV_AUTH_PATH,
  DEV_TOKEN_LIFETIME_SECONDS,
  type DevIdentityProvider,
} from '../platform/api/dev-identity-provider';

const tokenRequest = z
  .object({
    tenantId: z.uuid(),
    aadObjectId: z.string().min(1).max(100),
    /** For people not in storage (trying a tenant that is not allowed, say). */
    name: z.string().max(200).optional(),
  })
  .strict();

/**
 * The local development identity provider's endpoints (registered only in local mode on a
 * loopback address): discovery, keys, the demo people for the tab's user picker, and tokens.
 */
export function registerDevIdentityRoutes(
  router: ApiRouter,
  provider: DevIdentityProvider,
  repositories: {
    readonly participants: ParticipantRepository;
    readonly coordinators: CoordinatorRepository;
    readonly municipalities: MunicipalityRepository;
  },
  clock: Clock,
): void {
  router.add({
    method: 'get',
    path: `${DEV_AUTH_PATH}/.well-known/openid-configuration`,
    access: 'public',
    summary: 'Local development only: OpenID discovery of the development identity provider',
    handle: ({ raw }) =>
      Promise.resolve({
        status: 200,
        body: provider.openIdConfiguration(`http://${raw.headers.host ?? 'localhost'}`),
      }),
  });

  router.add({
    method: 'get',
    path: `${DEV_AUTH_PATH}/discovery/v2.0/keys`,
    access: 'public',
    summary: "Local development only: the development identity provider's public keys (JWKS)",
    handle: () => Promise.resolve({ status: 200, body: provider.jwks() }),
  });

  router.add({
    method: 'get',
    path: `${DEV_AUTH_PATH}/users`,
    access: 'public',
    summary: 'Local development only: the demo people to sign in as (coordinators first)',
    query: z.object({ lang: z.enum(LANGUAGES).default('fi') }),
    handle: async ({ query }) => {
      const language = query.lang;
      const [participants, coordinators, municipalities] = await Promise.all([
        repositories.participants.listAll(),
        repositories.coordinators.list(),
        repositories.municipalities.list(),
      ]);
      const municipalityNames = new Map(municipalities.map((m) => [m.id, municipalityName(m, language)]));
      const coordinatorKeys = new Set(coordinators.map((c) => `${c.tenantId}/${c.aadObjectId}`));
      const people: DevUser[] = [
        ...coordinators
          .map((c) => ({
            tenantId: c.tenantId,
            aadObjectId: c.aadObjectId,
            name: c.name,
            kind: 'coordinator' as const,
            description: organisationName(c.organisation, language),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
        ...participants
          .filter((p) => p.active && !coordinatorKeys.has(`${p.tenantId}/${p.aadObjectId}`))
          .map((p) => ({
            tenantId: p.tenantId,
            aadObjectId: p.aadObjectId,
            name: p.name,
            kind: 'participant' as const,
            description: [
              p.municipalityId ? (municipalityNames.get(p.municipalityId) ?? p.municipalityId) : '',
              roleList(p.roles, language),
            ]
              .filter((part) => part !== '')
              .join(' · '),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
      ];
      return { status: 200, body: { people } };
    },
  });

  router.add({
    method: 'post',
    path: `${DEV_AUTH_PATH}/token`,
    access: 'public',
    summary: 'Local development only: an access token shaped like the one Teams SSO gives the tab',
    body: tokenRequest,
    handle: async ({ body }) => {
      const identity = { tenantId: body.tenantId, aadObjectId: body.aadObjectId };
      const [participant, coordinator] = await Promise.all([
        repositories.participants.get(identity),
        repositories.coordinators.get(identity),
      ]);
      const name = participant?.value.name ?? coordinator?.name ?? body.name ?? 'Kehittäjä';
      const token: DevTokenResponse = {
        access_token: await provider.issueToken({ ...identity, name }, clock()),
        token_type: 'Bearer',
        expires_in: DEV_TOKEN_LIFETIME_SECONDS,
      };
      return { status: 200, body: token };
    },
  });
}
