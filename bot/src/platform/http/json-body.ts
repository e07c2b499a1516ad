import type { Next, Request, Response } from 'restify';
import { sendProblem } from './problem';

/**
 * Reads a JSON request body with a size limit. Restify's own parser echoes the parse error to the
 * client; this one answers 400, 413 or 415 with problem details and nothing else.
 *
 * An HTML form's body (`application/x-www-form-urlencoded`, the survey's public answer page, which
 * works without JavaScript) becomes a `URLSearchParams`, never a plain object: a route must ask for
 * form fields explicitly, so no JSON route's schema can mistake a cross-site form post for its body.
 *
 * Only `application/json` and `application/…+json` count as JSON. A page on another site can post
 * `text/plain` without a CORS preflight, so a looser test (any type mentioning "json") would let
 * any web page drive the local anonymous bot.
 */
export function jsonBody(maxBytes: number) {
  return (req: Request, res: Response, next: Next): void => {
    if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '')) return next();
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > maxBytes) {
      sendProblem(res, 413, `The body may be at most ${maxBytes} bytes.`);
      req.resume();
      return next(false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (outcome: () => void): void => {
      if (finished) return;
      finished = true;
      outcome();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(() => {
          sendProblem(res, 413, `The body may be at most ${maxBytes} bytes.`);
          next(false);
        });
        return;
      }
      if (!finished) chunks.push(chunk);
    });
    req.on('error', () => finish(() => next(false)));
    req.on('end', () =>
      finish(() => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.trim() === '') {
          req.body = undefined;
          return next();
        }
        const contentType = String(req.headers['content-type'] ?? '');
        if (/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
          req.body = new URLSearchParams(text);
          return next();
        }
        if (!isJsonMediaType(contentType)) {
          sendProblem(res, 415, 'Send JSON with Content-Type: application/json.');
          return next(false);
        }
        try {
          req.body = JSON.parse(text) as unknown;
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          sendProblem(res, 400, 'The body is not valid JSON.');
          return next(false);
        }
        return next();
      }),
    );
  };
}

/** `application/json` or a structured-syntax `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string): boolean {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return /^application\/([a-z0-9!#$&^_.-]+\+)?json$/.test(essence);
}
