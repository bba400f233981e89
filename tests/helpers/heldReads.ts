/**
 * A store whose reads of one match's record are answered together: once started, the
 * answers are held until `count` reads have been made (or the test lets them go). Every
 * caller that read meanwhile then acts on the record as it was before any of them wrote,
 * as happens now and then when many sockets close in the same instant on a busy server;
 * held, it happens every time.
 */
import type { MatchStore } from '../../src/server/storage/types.js';

interface Hold {
  matchID: string;
  count: number;
  reads: Promise<unknown>[];
  answered: Promise<void>;
  answer: () => void;
}

export class HeldReads {
  private hold: Hold | null = null;

  /** The store to hand the server (`wrapMasterStore`). */
  wrap(store: MatchStore): MatchStore {
    return new Proxy(store, {
      get: (target, prop, receiver) => {
        if (prop === 'fetch') return (matchID: string, opts: { metadata?: boolean }) => this.fetch(target, matchID, opts);
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Holds the answers to the match's next `count` reads of its record (fetches with `metadata`). */
  start(matchID: string, count: number): void {
    let answer = () => undefined as void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    this.hold = { matchID, count, reads: [], answered, answer };
  }

  /** Answers the reads held so far, and holds no more. */
  release(): void {
    this.hold?.answer();
    this.hold = null;
  }

  private fetch(target: MatchStore, matchID: string, opts: { metadata?: boolean }): Promise<unknown> {
    const read = target.fetch(matchID, opts);
    const hold = this.hold;
    if (!hold || hold.matchID !== matchID || !opts.metadata) return read;
    hold.reads.push(read);
    if (hold.reads.length === hold.count) {
      this.hold = null;
      void Promise.allSettled(hold.reads).then(hold.answer);
    }
    return hold.answered.then(() => read);
  }
}
