import type { AppConfig } from '../config/config';
import type { Repositories } from '../storage/repositories';
import type { Authenticator } from './api-router';

/**
 * Validates the tab's Teams SSO token. Until sign-in is built (tab issue), every request is
 * answered 401, so no data leaves without a verified identity.
 */
export function createAuthenticator(_config: AppConfig, _repositories: Repositories): Authenticator {
  return {
    authenticate: () => Promise.resolve({ ok: false, status: 401, reason: 'Sign-in is required.' }),
  };
}
