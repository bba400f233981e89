/**
 * The store's calls still running, so a shutdown can wait for them before the store
 * closes: when the sockets drop, each seat is recorded as disconnected (presence.ts),
 * and a move boardgame.io had begun is still being stored.
 * Closing the store under those writes would lose them (or log errors for them).
 */
import type { MatchStore } from './types.js';

export class PendingCalls {
  private readonly running = new Set<Promise<unknown>>();

  /** The same store, with every call that returns a promise counted until it settles. */
  track(store: MatchStore): MatchStore {
    return new Proxy(store, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          if (result instanceof Promise) this.add(result);
          return result;
        };
      },
    });
  }

  /** Resolves once no call is running. */
  async idle(): Promise<void> {
    for (;;) {
      await Promise.allSettled(this.running);
      // A caller's next call after an awaited one (boardgame.io writes back the record it
      // just read) starts in the same run of promise callbacks: look again after them.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.running.size === 0) return;
    }
  }

  private add(call: Promise<unknown>): void {
    this.running.add(call);
    const done = () => this.running.delete(call);
    call.then(done, done);
  }
}
