/**
 * Runs tasks one after another per key, and tasks of different keys side by side. A write that is
 * a read-modify-write of one row (a tally shard, say) is queued behind the other writes to that
 * row in this process instead of racing them: racing writers in one process only make each other
 * fail their ETag check and retry, which costs more round trips than waiting. The ETag stays the
 * guard against writers in other processes; this only removes the conflicts a process makes with
 * itself.
 */
export class KeyedSerialiser {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every task queued before it under `key` has settled; a failure does not block the queue. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous ? previous.then(task, task) : task();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The map holds only keys with work queued: the last task to finish removes its key.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running. */
  get busyKeys(): number {
    return this.tails.size;
  }
}
