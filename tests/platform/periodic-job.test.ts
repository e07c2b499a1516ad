import { PeriodicJob } from '../../bot/src/platform/periodic-job';
import { createLogger, type Logger } from '../../bot/src/platform/observability/logger';

function recordingLogger(): { logger: Logger; errors: string[] } {
  const errors: string[] = [];
  const base = createLogger('silent');
  const logger: Logger = { ...base, error: (message: string) => errors.push(message), child: () => logger };
  return { logger, errors };
}

describe('a periodic job', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs after the first delay and then every interval, never overlapping a slow pass', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    let release: (() => void) | undefined;
    const job = new PeriodicJob({
      name: 'slow job',
      intervalMs: 1_000,
      firstRunAfterMs: 100,
      jitter: 0,
      logger: createLogger('silent'),
      run: async () => {
        running += 1;
        overlapped ||= running > 1;
        passes += 1;
        await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
      },
    });
    job.start();
    await jest.advanceTimersByTimeAsync(99);
    expect(passes).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toBe(1);
    // The pass is still under way: ten intervals later, no second pass has started.
    await jest.advanceTimersByTimeAsync(10_000);
    expect(passes).toBe(1);
    release?.();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(passes).toBe(2);
    expect(overlapped).toBe(false);
    release?.();
    await job.stop();
  });

  it('logs a failed pass under its name and keeps going', async () => {
    const { logger, errors } = recordingLogger();
    let passes = 0;
    const job = new PeriodicJob({
      name: 'flaky job',
      intervalMs: 500,
      jitter: 0,
      logger,
      run: () => {
        passes += 1;
        return Promise.reject(new Error('storage down'));
      },
    });
    job.start();
    await jest.advanceTimersByTimeAsync(1_600);
    expect(passes).toBe(3);
    expect(errors).toEqual(['flaky job failed', 'flaky job failed', 'flaky job failed']);
    await job.stop();
  });

  it('stop waits for the pass under way and no pass starts after it', async () => {
    const events: string[] = [];
    let release: (() => void) | undefined;
    const job = new PeriodicJob({
      name: 'job',
      intervalMs: 100,
      jitter: 0,
      logger: createLogger('silent'),
      run: async () => {
        events.push('start');
        await new Promise<void>((resolve) => (release = resolve));
        events.push('end');
      },
    });
    job.start();
    await jest.advanceTimersByTimeAsync(100);
    const stopped = job.stop().then(() => events.push('stopped'));
    await jest.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['start']);
    release?.();
    await stopped;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual(['start', 'end', 'stopped']);
  });
});
