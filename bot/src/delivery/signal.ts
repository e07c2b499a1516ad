/**
 * "Something changed, look again": the one way the outbox's reader, senders and result writer wake
 * each other. A waiter sees only signals that come after it started waiting, so it must check its
 * condition first and wait only when there is nothing to do (a loop around `wait()`).
 */
export class Signal {
  private waiters: (() => void)[] = [];

  /** Resolves at the next {@link notify}. */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Wakes everyone waiting now. */
  notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
