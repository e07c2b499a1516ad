import { format } from 'node:util';
import type { Logger } from './logger';

/**
 * Sends what libraries print with `console.*` through our logger, so that production output stays
 * one JSON object a line (App Service and Application Insights split raw stacks into a line
 * each). botbuilder's adapter prints every error it answers, including the `AuthenticationError`
 * of each unauthenticated request to the bot endpoint, which our authentication has already
 * logged as a warning: that one is kept at debug only.
 *
 * Returns a function that puts the console back.
 */
export function routeConsoleToLogger(logger: Logger): () => void {
  const original = {
    log: console.log,
    info: console.info,
    warn: console.warn,
    error: console.error,
    debug: console.debug,
  };
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const [first] = args;
      if (args.length === 1 && first instanceof Error) {
        if (isRefusedAuthentication(first)) {
          logger.debug('library console: request not authenticated', { error: first });
          return;
        }
        logger[level]('library console', { error: first });
        return;
      }
      logger[level]('library console', { output: format(...args) });
    };
  console.log = write('info');
  console.info = write('info');
  console.warn = write('warn');
  console.error = write('error');
  console.debug = write('debug');
  return () => Object.assign(console, original);
}

/** By class name (botframework-connector's `AuthenticationError` leaves `name` as "Error"). */
function isRefusedAuthentication(error: Error): boolean {
  return (
    error.constructor.name === 'AuthenticationError' && (error as { statusCode?: unknown }).statusCode === 401
  );
}
