/**
 * A sender process for the crash test: runs the outbox dispatcher of an app on the given storage
 * until it is killed. Started with tsx by tests/reminders/crash-resume.test.ts.
 */
import { createApp } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/platform/config/config';
import { createLogger } from '../../bot/src/platform/observability/logger';
import { deliveryOf } from './support';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const config = loadConfig({
  APP_MODE: 'local',
  PORT: '0',
  STORAGE_CONNECTION_STRING: required('FANOUT_STORAGE'),
  TABLE_PREFIX: required('FANOUT_PREFIX'),
  LOG_LEVEL: 'silent',
});
const options = JSON.parse(required('FANOUT_DISPATCHER')) as Record<string, unknown>;
const app = createApp(config, {
  logger: createLogger('silent'),
  delivery: { dispatcher: { ...options, instanceId: 'child' } },
});
deliveryOf(app).dispatcher.start();
process.stdout.write('sending\n');
