import type { DevTokenResponse, DevUser, ProblemDetails } from '../../bot/src/shared/contracts';
import type { Language } from './i18n';

/**
 * The tab's HTTP client: every call carries the sign-in token (`Authorization: Bearer`) and the
 * tab's language; errors arrive as {@link ApiProblem} with the status, so views can tell "not
 * signed in" (401) from "not allowed" (403) and "changed by someone else" (412).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    /** The feature's name for the refusal, when it gives one (`deadlinePassed`). */
    readonly code?: string,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

export type Query = Readonly<Record<string, string | number | undefined | null>>;

export interface ApiResponse<T> {
  readonly data: T;
  readonly etag: string | null;
}

export type TokenSource = () => Promise<string | undefined>;

export class ApiClient {
  /** GETs started before the view asked (see {@link prefetch}), taken by the first matching get. */
  private readonly prefetched = new Map<string, Promise<ApiResponse<unknown>>>();

  constructor(
    private readonly token: TokenSource,
    private readonly language: () => Language,
    private readonly onUnauthorized: () => void = () => undefined,
  ) {}

  async get<T>(path: string, query: Query = {}): Promise<T> {
    const key = this.prefetchKey(path, query);
    const early = this.prefetched.get(key);
    if (early) {
      this.prefetched.delete(key);
      return ((await early) as ApiResponse<T>).data;
    }
    return (await this.request<T>('GET', path, { query })).data;
  }

  /**
   * Starts a GET now (while the shell is still loading) so the view that asks for the same path and
   * query a moment later gets the answer sooner. An unused or failed prefetch costs nothing more.
   */
  prefetch(path: string, query: Query = {}): void {
    const key = this.prefetchKey(path, query);
    if (this.prefetched.has(key)) return;
    const request = this.request<unknown>('GET', path, { query });
    // The failure is reported to whoever takes the prefetch; an untaken one is dropped quietly.
    request.catch(() => this.prefetched.delete(key));
    this.prefetched.set(key, request);
  }

  private prefetchKey(path: string, query: Query): string {
    return `${this.language()} ${withQuery(path, query)}`;
  }

  /** A GET that also returns the ETag, for a later conditional write. */
  async getVersioned<T>(path: string, query: Query = {}): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, { query });
  }

  async put<T>(
    path: string,
    body: unknown,
    options: { ifMatch?: string; query?: Query } = {},
  ): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, { ...options, body });
  }

  async post<T>(path: string, body: unknown, options: { query?: Query } = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { ...options, body });
  }

  /** Fetches a file (the .ics) with the token, for a download the browser cannot authorise itself. */
  async blob(path: string, query: Query = {}): Promise<Blob> {
    const response = await this.fetch('GET', path, { query });
    return response.blob();
  }

  /** A POST whose answer is a file (one-time codes as CSV). */
  async postBlob(path: string, body: unknown, query: Query = {}): Promise<Blob> {
    const response = await this.fetch('POST', path, { query, body });
    return response.blob();
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; ifMatch?: string } = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.fetch(method, path, options);
    const data = (response.status === 204 ? undefined : await response.json()) as T;
    return { data, etag: response.headers.get('ETag') };
  }

  private async fetch(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; ifMatch?: string },
  ): Promise<Response> {
    const token = await this.token();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.language(),
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    // Every call names the language the tab shows, so content (poll questions, event titles, place
    // names) comes in the reader's language even when they chose another one with the bot.
    const response = await fetch(withQuery(path, { lang: this.language(), ...options.query }), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401) this.onUnauthorized();
      throw new ApiProblem(response.status, problem.title, problem.detail, problem.code);
    }
    return response;
  }
}

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  if (/json/.test(response.headers.get('Content-Type') ?? '')) {
    try {
      return (await response.json()) as ProblemDetails;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  return { type: 'about:blank', title: response.statusText, status: response.status };
}

/** The local development identity provider (only `npm start` and tests have it). */
export const devIdentity = {
  async users(language: Language): Promise<DevUser[] | undefined> {
    const response = await fetch(`/dev-auth/users?lang=${language}`, {
      headers: { Accept: 'application/json' },
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new ApiProblem(response.status, response.statusText, undefined);
    return ((await response.json()) as { people: DevUser[] }).people;
  },
  async token(user: Pick<DevUser, 'tenantId' | 'aadObjectId'>): Promise<DevTokenResponse> {
    const response = await fetch('/dev-auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ tenantId: user.tenantId, aadObjectId: user.aadObjectId }),
    });
    if (!response.ok) throw new ApiProblem(response.status, response.statusText, undefined);
    return (await response.json()) as DevTokenResponse;
  },
};

const DEV_TOKEN_KEY = 'digiverkosto.devToken';

/** The development token lives for the browser tab only (sessionStorage), like a Teams session. */
export const devTokenStore = {
  read(): string | undefined {
    const stored = sessionStorage.getItem(DEV_TOKEN_KEY);
    if (!stored) return undefined;
    const { token, expiresAt } = JSON.parse(stored) as { token: string; expiresAt: number };
    return expiresAt > Date.now() + 60_000 ? token : undefined;
  },
  write(response: DevTokenResponse): void {
    sessionStorage.setItem(
      DEV_TOKEN_KEY,
      JSON.stringify({ token: response.access_token, expiresAt: Date.now() + response.expires_in * 1000 }),
    );
  },
  clear(): void {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
  },
};
