import { createApp } from './app';
import { ConfigError, loadConfig } from './platform/config/config';

/** Production entry point: configuration from the environment, then listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // In production, createApp routes libraries' console and Azure SDK output through app.logger.
  const app = createApp(config);
  const port = await app.listen();
  app.logger.info('listening', { port, mode: config.mode });
  const stop = (signal: string): void => {
    app.logger.info('shutting down', { signal });
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
