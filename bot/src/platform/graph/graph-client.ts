import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { GraphSettings } from '../config/config';

/**
 * Microsoft Graph with the app's own identity (application permissions), for every feature that
 * calls it: peer-group meetings in the organiser's calendar, meeting recordings. One client shape,
 * one token source, one retry policy.
 */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphClientSettings {
  readonly credential: TokenCredential;
  /** `https://graph.microsoft.com` in production; the loopback emulator in tests. */
  readonly baseUrl?: string;
  /** Retries of 429 and 5xx answers (Retry-After honoured); default 3. */
  readonly maxRetries?: number;
}

/**
 * Adds the app-only bearer token to every request. The SDK's own handler adds it only for hosts it
 * knows, which would leave the emulator's requests unauthenticated and untested.
 */
class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly credential: TokenCredential) {}

  async execute(context: Context): Promise<void> {
    const token = await graphToken(this.credential);
    const options = context.options ?? {};
    // The SDK builds headers as a plain object; keep whatever it set and add ours.
    const headers = {
      ...(options.headers as Record<string, string> | undefined),
      Authorization: `Bearer ${token.token}`,
    };
    context.options = { ...options, headers };
    if (!this.next) throw new Error('The Graph middleware chain has no HTTP handler');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph v1.0 client: bearer token, retries of throttling and server errors, then HTTP. */
export function createGraphClient(settings: GraphClientSettings): Client {
  const auth = new BearerTokenHandler(settings.credential);
  const retry = new RetryHandler(new RetryHandlerOptions(1, settings.maxRetries ?? 3));
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${graphBaseUrl(settings.baseUrl)}/`,
    defaultVersion: 'v1.0',
  });
}

/** The Graph root without a trailing slash. */
export function graphBaseUrl(baseUrl: string | undefined): string {
  return (baseUrl ?? 'https://graph.microsoft.com').replace(/\/$/, '');
}

/** An app-only token for Graph; a credential that answers nothing is an error, not an anonymous call. */
export async function graphToken(credential: TokenCredential): Promise<AccessToken> {
  const token = await credential.getToken(GRAPH_SCOPE);
  if (!token) throw new Error('No access token for Microsoft Graph');
  return token;
}

/**
 * The token source the GRAPH_ settings name: the app registration's client secret when one is
 * given, else the managed identity (`AZURE_CLIENT_ID` names a user-assigned one).
 */
export function graphCredentialFor(settings: GraphSettings): TokenCredential {
  if (settings.clientSecret && settings.tenantId && settings.clientId) {
    return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret);
  }
  return settings.managedIdentityClientId
    ? new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId })
    : new ManagedIdentityCredential();
}
