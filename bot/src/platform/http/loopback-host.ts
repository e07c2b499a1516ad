import type { Next, Request, Response } from 'restify';
import { sendProblem } from './problem';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * In local mode the bot is anonymous and `/dev-auth` mints tokens for anyone: safe only because
 * the server listens on loopback. DNS rebinding defeats that (a hostile name that resolves to
 * 127.0.0.1 makes the browser treat this server as the attacker's origin), so requests must also
 * *name* a loopback host, or the configured public address (a developer's own tunnel).
 *
 * Answers 421 Misdirected Request: this server is not the one the name stands for.
 */
export function loopbackHostOnly(publicUrl: string) {
  const allowed = new Set(LOOPBACK_NAMES);
  allowed.add(new URL(publicUrl).hostname.toLowerCase());
  return (req: Request, res: Response, next: Next): void => {
    const name = hostName(String(req.headers.host ?? ''));
    if (name !== undefined && allowed.has(name)) return next();
    sendProblem(res, 421, 'This development server answers only to localhost, 127.0.0.1 or [::1].');
    return next(false);
  };
}

/** The host name of a Host header without its port, lower-cased; undefined when malformed. */
function hostName(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(:\d{1,5})?$/i.exec(header.trim());
  return match?.[1]?.toLowerCase();
}
