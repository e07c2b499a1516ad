/**
 * Group commit: writes to one storage partition are queued, and whatever queued up while one write
 * was in flight goes out together as the next one. One writer per partition and process means the
 * process never fails its own ETag checks (racing writers in one process only make each other
 * retry), and under load each round trip carries more writes, so throughput rises with load instead
 * of collapsing into retries. The ETag stays the guard against writers in other processes.
 *
 * `fits` decides whether an item may join a group (a transaction's operation limit, one change per
 * person per group); an item that does not fit waits for the next group, and the order of the items
 * that wait is kept.
 */
export class GroupCommitter<T, R> {
  private readonly queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly commit: (items: T[]) => Promise<R[]>,
    private readonly fits: (group: readonly T[], item: T) => boolean,
  ) {}

  submit(item: T): Promise<R> {
    const result = new Promise<R>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    if (!this.running) {
      // drain() settles every item it takes; should it fail outside a commit, the waiting items
      // fail with its error rather than wait for ever.
      this.drain().catch((error: unknown) => {
        for (const entry of this.queue.splice(0)) entry.reject(error);
      });
    }
    return result;
  }

  /** Items waiting, not counting the group in flight. */
  get waiting(): number {
    return this.queue.length;
  }

  get idle(): boolean {
    return !this.running && this.queue.length === 0;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group: typeof this.queue = [];
        const items: T[] = [];
        const rest: typeof this.queue = [];
        for (const entry of this.queue) {
          if (group.length === 0 || this.fits(items, entry.item)) {
            group.push(entry);
            items.push(entry.item);
          } else {
            rest.push(entry);
          }
        }
        this.queue.splice(0, this.queue.length, ...rest);
        try {
          const results = await this.commit(items);
          group.forEach((entry, index) => {
            if (index < results.length) entry.resolve(results[index]);
            else entry.reject(new Error('The group commit returned fewer results than items'));
          });
        } catch (error) {
          for (const entry of group) entry.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
