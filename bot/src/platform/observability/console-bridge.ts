import { format } from 'node:util';
import { AzureLogger } from '@azure/logger';
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

/** The Azure SDK's lines start with their namespace and level: `azure:data-tables:warning …`. */
const AZURE_LINE = /^azure:[\w:.-]*?:(error|warning|info|verbose)\s/;
const AZURE_LEVELS = { error: 'error', warning: 'warn', info: 'info', verbose: 'debug' } as const;

/**
 * Sends the Azure SDK's own log (switched on by an operator with AZURE_LOG_LEVEL) through our
 * logger. The SDK writes it with `process.stderr.write`, past any console, one pretty-printed
 * request per dozens of lines; here each call becomes one entry at the SDK's level.
 *
 * Returns a function that puts the SDK's writer back.
 */
export function routeAzureSdkToLogger(logger: Logger): () => void {
  const original = AzureLogger.log;
  AzureLogger.log = (...args: unknown[]): void => {
    const output = format(...args);
    const level = AZURE_LINE.exec(output)?.[1] as keyof typeof AZURE_LEVELS | undefined;
    logger[level ? AZURE_LEVELS[level] : 'info']('azure sdk', { output });
  };
  return () => {
    AzureLogger.log = original;
  };
}

/**
 * Everything libraries print, through our logger: `console.*` (botbuilder, restify, Node's own
 * warnings) and the Azure SDK's log. Production installs it before anything is built, so even
 * what a library prints while it is being set up is a JSON line. Returns the undo.
 */
export function routeLibraryOutputToLogger(logger: Logger): () => void {
  const restoreConsole = routeConsoleToLogger(logger);
  const restoreAzure = routeAzureSdkToLogger(logger);
  return () => {
    restoreAzure();
    restoreConsole();
  };
}
