import type { App } from '../../bot/src/app';
import { seedDemoIfEmpty } from '../../bot/src/demo/seed-demo';
import { seedDemoSurveys } from '../../bot/src/demo/demo-survey';
import { createLogger } from '../../bot/src/platform/observability/logger';
import type { surveyFeature } from '../../bot/src/survey/survey-feature';
import { postJson, startTestApp, type RunningApp } from '../support/test-app';

export type SurveyFeature = ReturnType<typeof surveyFeature>;

export function surveyOf(app: App): SurveyFeature {
  const feature = app.features.find((candidate) => candidate.name === 'survey');
  if (!feature) throw new Error('no survey feature');
  return feature as SurveyFeature;
}

/** The real server with the demo network seeded, and optionally the demo's surveys and answers. */
export async function startSurveyApp(
  options: { readonly demoSurveys?: boolean } & Parameters<typeof startTestApp>[0] = {},
): Promise<RunningApp> {
  const running = await startTestApp({
    ...options,
    appOptions: { startBackgroundWork: false, ...options.appOptions },
  });
  const logger = createLogger('silent');
  await seedDemoIfEmpty(running.app.repositories, new Date(), logger);
  if (options.demoSurveys) {
    const rounds = async () =>
      (await running.app.repositories.programme.listRounds()).map((round) => round.id);
    await seedDemoSurveys(surveyOf(running.app).service, rounds, new Date(), logger);
  }
  return running;
}

export async function tokenFor(running: RunningApp, aadObjectId: string, tenantId: string): Promise<string> {
  const response = await postJson(`${running.url}/dev-auth/token`, {
    tenantId,
    aadObjectId,
    name: 'Someone',
  });
  if (response.status !== 200) throw new Error(`dev token: ${response.status} ${response.text}`);
  return (response.json as { access_token: string }).access_token;
}

export async function api(
  running: RunningApp,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string; bytes: Buffer }> {
  const response = await fetch(`${running.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const json: unknown = /json/.test(response.headers.get('content-type') ?? '')
    ? JSON.parse(text)
    : undefined;
  return { status: response.status, headers: response.headers, json, text, bytes };
}

/** A browser without JavaScript: it keeps its cookies and posts the form as the page gave it. */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { Cookie: this.cookieHeader(), ...this.headers },
      redirect: 'manual',
    });
    this.remember(response);
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  async post(
    path: string,
    fields: Record<string, string>,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; html: string; headers: Headers }> {
    const response = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: this.cookieHeader(),
        ...this.headers,
        ...extraHeaders,
      },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.remember(response);
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forgetCookies(): void {
    this.cookies.clear();
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      if (index > 0) this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }
}

/** The hidden token of the page's form. */
export function formToken(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('The page has no answer token');
  return match[1];
}

/** Every perspective rated (3 by default), as the form's fields. */
export function fullAnswer(
  perspectiveIds: readonly string[],
  overrides: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const id of perspectiveIds) fields[`r.${id}`] = '3';
  return { ...fields, ...overrides };
}
