import type { Language } from './i18n/language';
import type { ParticipantRole } from './roles';

/**
 * Who a person is in Teams: the tenant of the network's workspace plus their Entra object id there.
 * Guests from other municipalities' tenants also have an object id in the host tenant, so this pair
 * is the same in bot activities and in the tab's SSO token.
 */
export interface TeamsIdentity {
  readonly tenantId: string;
  readonly aadObjectId: string;
}

export interface Participant extends TeamsIdentity {
  readonly name: string;
  readonly email: string | undefined;
  readonly municipalityId: string | undefined;
  readonly roles: readonly ParticipantRole[];
  /** Chosen with the language command; undefined means "follow the Teams client". */
  readonly language: Language | undefined;
  /** The Teams user id (`29:…`) the bot needs to open a one-to-one chat. */
  readonly teamsUserId: string | undefined;
  readonly isGuest: boolean;
  /** True while the person is a member of the network's team. */
  readonly active: boolean;
  readonly updatedAt: string;
}

export interface Coordinator extends TeamsIdentity {
  readonly name: string;
  readonly organisation: 'Kuntaliitto' | 'FCG';
}
