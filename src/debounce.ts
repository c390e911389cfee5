/**
 * Runs work for a key once requests for it have stopped for a while: a new request for the
 * same key replaces the one still waiting, so a burst of edits costs one analysis.
 */
export class KeyedDebouncer<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();

  /** Runs `work` after `delayMs`, unless another request for `key` comes first. */
  schedule(key: K, delayMs: number, work: () => void): void {
    const waiting = this.timers.get(key);
    if (waiting) clearTimeout(waiting);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        work();
      }, delayMs),
    );
  }

  /** True while work for `key` waits. */
  isWaiting(key: K): boolean {
    return this.timers.has(key);
  }

  /** Drops the work waiting for `key`, if any. */
  cancel(key: K): void {
    const waiting = this.timers.get(key);
    if (waiting) clearTimeout(waiting);
    this.timers.delete(key);
  }

  /** Drops all waiting work. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
