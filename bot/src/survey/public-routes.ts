import QRCode from 'qrcode';
import { z } from 'zod';
import type { ApiResult, ApiRouter } from '../platform/api/api-router';
import { rasteriseSvg } from '../platform/documents';
import type { Logger } from '../platform/observability/logger';
import { formatHelsinkiDateTime } from '../shared/i18n/helsinki-time';
import { isLanguage, languageFromLocale, type Language } from '../shared/i18n/language';
import { AddressRateLimiter, clientAddress, type BucketRule } from './address-rate-limiter';
import { renderFormPage, renderMessagePage, renderPrivacyPage } from './public-page';
import {
  ASSET_PATH,
  CSS_FILE,
  ICON_FILE,
  JS_FILE,
  SURVEY_CSS,
  SURVEY_ICON,
  SURVEY_JS,
} from './public-page-assets';
import { AnswerContentionError } from './survey-answer-writer';
import type { RawAnswer, SurveyInstrument } from './survey-instrument';
import { surveyMessagesFor } from './survey-messages';
import type { SurveyService, SubmitOutcome } from './survey-service';
import { effectiveCloseTime, shareUrl, SURVEY_CODE_PATTERN, surveyStatus, type Survey } from './survey';

/** The public page's own limits: far below the server's, since a whole answer is a few kilobytes. */
export const MAX_FORM_BYTES = 32 * 1024;
const MAX_FIELDS = 120;
/** Wide enough to print sharp on an A4 poster. */
const QR_PNG_PIXELS = 1200;

export interface PublicPageSettings {
  /** Page loads (each issues a token) per address. */
  readonly pageLimit?: BucketRule;
  /** Answers sent per address. */
  readonly submitLimit?: BucketRule;
  /** Take the client address from X-Forwarded-For (behind App Service's front end). */
  readonly trustForwardedFor?: boolean;
}

export interface PublicRouteDeps {
  readonly service: SurveyService;
  readonly municipalityName: (municipalityId: string, language: Language) => Promise<string>;
  readonly publicUrl: string;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly settings: PublicPageSettings;
}

/** Headers of every page: nothing from other sites, no framing, no caching of answers. */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not `no-referrer`: under it browsers send `Origin: null` with the form, and the origin check needs it.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cache-Control': 'no-store',
};

const codeParams = z.object({ code: z.string().regex(SURVEY_CODE_PATTERN) });
const langQuery = z.object({ lang: z.string().max(10).optional() }).loose();

/** The cookie that holds a browser's answer token until it answers, and `done` after. */
export function cookieName(code: string): string {
  return `dvs-${code}`;
}

/** Registers the public page's routes; `stop` ends the limiter's sweep timer. */
export function registerPublicRoutes(router: ApiRouter, deps: PublicRouteDeps): { stop(): void } {
  const { service, clock } = deps;
  const pageLimiter = new AddressRateLimiter(deps.settings.pageLimit ?? { burst: 120, perSecond: 2 });
  const submitLimiter = new AddressRateLimiter(deps.settings.submitLimit ?? { burst: 60, perSecond: 1 });
  const trust = deps.settings.trustForwardedFor ?? false;
  const secure = deps.publicUrl.startsWith('https:');
  const qrCache = new Map<string, Promise<{ png: Buffer; svg: string }>>();
  const sweeper = setInterval(() => {
    pageLimiter.sweep();
    submitLimiter.sweep();
  }, 60_000);
  sweeper.unref();

  const html = (status: number, text: string, headers: Record<string, string> = {}): ApiResult => ({
    status,
    text,
    contentType: 'text/html; charset=utf-8',
    headers: { ...PAGE_HEADERS, ...headers },
  });

  const cookie = (survey: Survey, value: string): string => {
    const closes = Date.parse(effectiveCloseTime(survey));
    const seconds = Math.max(60, Math.round((closes - clock().getTime()) / 1000) + 30 * 24 * 3600);
    return `${cookieName(survey.code)}=${value}; Path=/s/${survey.code}; Max-Age=${seconds}; HttpOnly; SameSite=Lax${
      secure ? '; Secure' : ''
    }`;
  };

  const languageOf = (query: { lang?: string | undefined }, acceptLanguage: string | undefined): Language => {
    if (isLanguage(query.lang)) return query.lang;
    for (const part of (acceptLanguage ?? '').split(',')) {
      const language = languageFromLocale(part.split(';')[0]);
      if (language) return language;
    }
    return 'fi';
  };

  const messagePage = (
    language: Language,
    code: string,
    status: number,
    kind: 'unknown' | 'closed' | 'notOpen' | 'already' | 'tooMany' | 'tooLarge' | 'forbidden' | 'thanks',
    survey?: Survey,
    headers: Record<string, string> = {},
  ): ApiResult => {
    const m = surveyMessagesFor(language);
    const path = `/s/${code}`;
    const when = (instant: string): string => formatHelsinkiDateTime(new Date(instant), language);
    const content = {
      unknown: { heading: m.unknownTitle, body: m.unknownBody, tone: 'warn' as const },
      closed: {
        heading: m.closedTitle,
        body: m.closedBody(survey ? when(effectiveCloseTime(survey)) : ''),
        tone: 'info' as const,
      },
      notOpen: {
        heading: m.notOpenTitle,
        body: m.notOpenBody(survey ? when(survey.opensAt) : ''),
        tone: 'info' as const,
      },
      already: { heading: m.alreadyTitle, body: m.alreadyBody, tone: 'info' as const },
      tooMany: { heading: m.surveyName, body: m.tooMany, tone: 'warn' as const },
      tooLarge: { heading: m.surveyName, body: m.bodyTooLarge, tone: 'warn' as const },
      forbidden: { heading: m.surveyName, body: m.badToken, tone: 'warn' as const },
      thanks: { heading: m.thanksTitle, body: m.thanksBody, tone: 'info' as const },
    }[kind];
    return html(
      status,
      renderMessagePage({
        language,
        path,
        title: `${content.heading} – ${m.surveyName}`,
        heading: content.heading,
        body: content.body,
        tone: content.tone,
        ...(kind === 'tooMany' || kind === 'tooLarge' || kind === 'forbidden'
          ? { link: { href: `${path}?lang=${language}`, text: m.backToSurvey } }
          : {}),
        ...(kind !== 'unknown' ? { privacyPath: `${path}/privacy` } : {}),
      }),
      headers,
    );
  };

  const formPage = async (
    status: number,
    survey: Survey,
    language: Language,
    token: string,
    extra: {
      readonly instrument?: SurveyInstrument;
      readonly values?: RawAnswer & { oneTimeCode?: string | undefined };
      readonly problems?: Extract<SubmitOutcome, { kind: 'invalid' }>['problems'];
      readonly banner?: string;
      readonly codeError?: string;
      readonly headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResult> => {
    const instrument = extra.instrument ?? (await service.instrumentOf(survey));
    return html(
      status,
      renderFormPage({
        language,
        code: survey.code,
        municipalityName: await deps.municipalityName(survey.municipalityId, language),
        instrument,
        closesAtText: formatHelsinkiDateTime(new Date(effectiveCloseTime(survey)), language),
        token,
        requireCode: survey.requireCode,
        ...(extra.values ? { values: extra.values } : {}),
        ...(extra.problems ? { problems: extra.problems } : {}),
        ...(extra.banner ? { banner: extra.banner } : {}),
        ...(extra.codeError ? { codeError: extra.codeError } : {}),
      }),
      extra.headers,
    );
  };

  router.add({
    method: 'get',
    path: `${ASSET_PATH}/:file`,
    access: 'public',
    summary: "The public answer page's stylesheet and script (no third-party assets)",
    params: z.object({ file: z.enum([CSS_FILE, JS_FILE, ICON_FILE]) }),
    handle: async ({ params }) => {
      await Promise.resolve();
      const asset = {
        [CSS_FILE]: { text: SURVEY_CSS.content, contentType: 'text/css; charset=utf-8' },
        [JS_FILE]: { text: SURVEY_JS.content, contentType: 'text/javascript; charset=utf-8' },
        [ICON_FILE]: { text: SURVEY_ICON.content, contentType: 'image/svg+xml' },
      }[params.file];
      return {
        status: 200,
        text: asset.text,
        contentType: asset.contentType,
        headers: {
          'Cache-Control': 'public, max-age=31536000, immutable',
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Resource-Policy': 'same-origin',
        },
      };
    },
  });

  router.add({
    method: 'get',
    path: '/s/:code',
    access: 'public',
    summary: "A municipality's public, anonymous answer page (no sign-in)",
    params: codeParams,
    query: langQuery,
    handle: async ({ params, query, raw }) => {
      const language = languageOf(query, headerOf(raw.headers['accept-language']));
      const survey = await service.byCode(params.code);
      if (!survey) return messagePage(language, params.code, 404, 'unknown');
      const status = surveyStatus(survey, clock());
      if (status === 'scheduled') return messagePage(language, survey.code, 200, 'notOpen', survey);
      if (status === 'closed') return messagePage(language, survey.code, 200, 'closed', survey);
      const existing = readCookie(headerOf(raw.headers.cookie), cookieName(survey.code));
      if (existing === 'done') return messagePage(language, survey.code, 200, 'already', survey);
      if (existing && (await service.isUsableToken(survey, existing)))
        return formPage(200, survey, language, existing);
      const address = clientAddress(raw.headers['x-forwarded-for'], raw.socket.remoteAddress, trust);
      const allowance = pageLimiter.take(address);
      if (!allowance.allowed) {
        return messagePage(language, survey.code, 429, 'tooMany', survey, {
          'Retry-After': String(allowance.retryAfterSeconds),
        });
      }
      const token = await service.issueToken(survey);
      return formPage(200, survey, language, token, { headers: { 'Set-Cookie': cookie(survey, token) } });
    },
  });

  router.add({
    method: 'post',
    path: '/s/:code',
    access: 'public',
    summary:
      'Send an anonymous answer from the public page (an HTML form; the token in cookie and form must match)',
    params: codeParams,
    query: langQuery,
    // The form's fields are read below, so a body that is not a form gets a page, not JSON.
    body: z.unknown(),
    handle: async ({ params, query, raw, body }) => {
      const fields = body instanceof URLSearchParams ? body : undefined;
      const language = languageOf(
        { lang: fields?.get('lang') ?? query.lang },
        headerOf(raw.headers['accept-language']),
      );
      const m = surveyMessagesFor(language);
      const declared = Number(raw.headers['content-length'] ?? '0');
      if (declared > MAX_FORM_BYTES) return messagePage(language, params.code, 413, 'tooLarge');
      if (!sameOrigin(raw.headers.origin, raw.headers.host, raw.headers['sec-fetch-site'])) {
        return messagePage(language, params.code, 403, 'forbidden');
      }
      const address = clientAddress(raw.headers['x-forwarded-for'], raw.socket.remoteAddress, trust);
      const survey = await service.byCode(params.code);
      if (!survey) return messagePage(language, params.code, 404, 'unknown');
      if (!fields || [...fields.keys()].length > MAX_FIELDS) {
        return html(
          415,
          renderMessagePage({
            language,
            path: `/s/${survey.code}`,
            title: m.surveyName,
            heading: m.surveyName,
            body: m.badToken,
            tone: 'warn',
            link: { href: `/s/${survey.code}?lang=${language}`, text: m.backToSurvey },
          }),
        );
      }
      const values = answerFromForm(fields);
      const token = fields.get('token') ?? undefined;
      const cookieToken = readCookie(headerOf(raw.headers.cookie), cookieName(survey.code));
      const allowance = submitLimiter.take(address);
      if (!allowance.allowed) {
        // The form comes back with everything typed, so waiting a moment loses nothing.
        return formPage(429, survey, language, token ?? (await service.issueToken(survey)), {
          values,
          banner: m.tooMany,
          headers: { 'Retry-After': String(allowance.retryAfterSeconds) },
        });
      }
      let outcome: SubmitOutcome;
      try {
        outcome = await service.submitWeb({
          code: survey.code,
          token,
          cookieToken: cookieToken === 'done' ? undefined : cookieToken,
          answer: values,
          oneTimeCode: values.oneTimeCode,
        });
      } catch (error) {
        if (!(error instanceof AnswerContentionError)) throw error;
        deps.logger.warn('survey answer kept conflicting', { surveyId: survey.id });
        return formPage(503, survey, language, token ?? '', {
          values,
          banner: m.tooMany,
          headers: { 'Retry-After': '5' },
        });
      }
      switch (outcome.kind) {
        case 'saved':
          return {
            status: 303,
            text: '',
            contentType: 'text/plain; charset=utf-8',
            headers: {
              ...PAGE_HEADERS,
              Location: `/s/${survey.code}/thanks?lang=${language}`,
              'Set-Cookie': cookie(survey, 'done'),
            },
          };
        case 'unknownSurvey':
          return messagePage(language, params.code, 404, 'unknown');
        case 'notOpenYet':
          return messagePage(language, survey.code, 409, 'notOpen', outcome.survey);
        case 'closed':
          return messagePage(language, survey.code, 409, 'closed', outcome.survey);
        case 'duplicate':
          return messagePage(language, survey.code, 409, 'already', survey, {
            'Set-Cookie': cookie(survey, 'done'),
          });
        case 'badToken': {
          // A stale or cookieless form: a fresh token, and everything typed comes back.
          const fresh = await service.issueToken(survey);
          return formPage(400, survey, language, fresh, {
            values,
            banner: m.badToken,
            headers: { 'Set-Cookie': cookie(survey, fresh) },
          });
        }
        case 'codeRequired':
        case 'codeRejected':
          return formPage(422, survey, language, token ?? '', {
            values,
            codeError: outcome.kind === 'codeRequired' ? m.codeRequired : m.codeRejected,
          });
        case 'invalid':
          return formPage(422, survey, language, token ?? '', {
            instrument: outcome.instrument,
            values,
            problems: outcome.problems,
          });
      }
    },
  });

  router.add({
    method: 'get',
    path: '/s/:code/thanks',
    access: 'public',
    summary: 'The thank-you page after an answer',
    params: codeParams,
    query: langQuery,
    handle: async ({ params, query, raw }) => {
      await Promise.resolve();
      return messagePage(
        languageOf(query, headerOf(raw.headers['accept-language'])),
        params.code,
        200,
        'thanks',
      );
    },
  });

  router.add({
    method: 'get',
    path: '/s/:code/privacy',
    access: 'public',
    summary: 'What the survey stores and what it does not',
    params: codeParams,
    query: langQuery,
    handle: async ({ params, query, raw }) => {
      const language = languageOf(query, headerOf(raw.headers['accept-language']));
      const survey = await service.byCode(params.code);
      if (!survey) return messagePage(language, params.code, 404, 'unknown');
      const instrument = await service.instrumentOf(survey);
      return html(
        200,
        renderPrivacyPage({
          language,
          code: survey.code,
          municipalityName: await deps.municipalityName(survey.municipalityId, language),
          minGroupSize: instrument.reporting.minGroupSize,
          minCommentGroup: instrument.reporting.minCommentGroup,
        }),
      );
    },
  });

  const qrOf = (code: string): Promise<{ png: Buffer; svg: string }> => {
    let qr = qrCache.get(code);
    if (!qr) {
      const url = shareUrl(deps.publicUrl, code);
      // The PNG is the SVG rasterised by resvg (native, off the event loop): qrcode's own PNG
      // writer is pure JavaScript and takes a noticeable moment for a poster-sized image.
      qr = QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then(async (svg) => ({
        svg,
        png: await rasteriseSvg(svg, QR_PNG_PIXELS, 1),
      }));
      qrCache.set(code, qr);
      qr.catch(() => qrCache.delete(code));
    }
    return qr;
  };

  for (const format of ['png', 'svg'] as const) {
    router.add({
      method: 'get',
      path: `/s/:code/qr.${format}`,
      access: 'public',
      summary: `The answer page's address as a QR code (${format.toUpperCase()}), for intranets and posters`,
      params: codeParams,
      handle: async ({ params }) => {
        const survey = await service.byCode(params.code);
        if (!survey) return messagePage('fi', params.code, 404, 'unknown');
        const qr = await qrOf(survey.code);
        const headers = {
          'Cache-Control': 'public, max-age=86400',
          'Content-Disposition': `inline; filename="digikysely-${survey.code}.${format}"`,
          'Cross-Origin-Resource-Policy': 'cross-origin',
        };
        return format === 'png'
          ? { status: 200, bytes: qr.png, contentType: 'image/png', headers }
          : { status: 200, text: qr.svg, contentType: 'image/svg+xml', headers };
      },
    });
  }
  return { stop: () => clearInterval(sweeper) };
}

/** The answer as the form sent it: `r.<perspective>`, `b.<question>`, `comment`, `code`. */
export function answerFromForm(fields: URLSearchParams): RawAnswer & { oneTimeCode: string | undefined } {
  const ratings: Record<string, string> = Object.create(null) as Record<string, string>;
  const background: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of fields) {
    if (key.startsWith('r.') && key.length <= 60) ratings[key.slice(2)] = value.slice(0, 10);
    else if (key.startsWith('b.') && key.length <= 60) background[key.slice(2)] = value.slice(0, 60);
  }
  const comment = fields.get('comment');
  const code = fields.get('code');
  return {
    ratings,
    background,
    comment: comment === null ? undefined : comment,
    oneTimeCode: code === null ? undefined : code.slice(0, 40),
  };
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 && value.length <= 200 ? value : undefined;
    }
  }
  return undefined;
}

/**
 * A browser's POST says where its page came from. A form on another site is refused even before
 * its token (which it cannot read) would be; a client that sends no Origin (a script, an old
 * browser) still needs the cookie-and-form token pair.
 */
function sameOrigin(
  origin: string | string[] | undefined,
  host: string | string[] | undefined,
  fetchSite: string | string[] | undefined,
): boolean {
  const site = headerOf(fetchSite);
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const from = headerOf(origin);
  if (!from) return true;
  if (from === 'null') return site === 'same-origin';
  try {
    return new URL(from).host === headerOf(host);
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}
