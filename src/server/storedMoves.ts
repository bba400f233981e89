/**
 * A bound on how much a match stores. Each accepted move is one more entry in the
 * match's log, kept as long as the match, so a match that has stored more moves than any
 * real game makes (limits.ts) is being flooded: it takes no more from sockets.
 *
 * How many moves a match holds is its state's `_stateID`. This process learns it from
 * every state it stores (server.ts hands each write to `stored`) and reads it once for a
 * match it has not written: no read per move. A match written by another process is
 * counted as last seen here, so it may go past the bound by what the others accept
 * before this process next writes it; each process's own guard refuses at the bound.
 */
import type { Check } from './socketGuard.js';
import type { MatchStore } from './storage/types.js';

/** Matches remembered at most; forgetting one costs a read when it moves next. */
const MAX_REMEMBERED = 10_000;

export class StoredMoves {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly store: MatchStore,
    private readonly max: number,
  ) {}

  /** A state of the match was stored. */
  stored(matchID: string, stateID: number): void {
    this.counts.delete(matchID);
    this.counts.set(matchID, stateID);
    if (this.counts.size > MAX_REMEMBERED) this.counts.delete(this.counts.keys().next().value!);
  }

  /** Why the match may store no more moves, or null while it may. */
  async refusal(matchID: string): Promise<Check> {
    let count = this.counts.get(matchID);
    if (count === undefined) {
      const { state } = await this.store.fetch(matchID, { state: true });
      count = state?._stateID ?? 0;
      this.stored(matchID, count);
    }
    return count >= this.max ? `this match has stored ${count} moves, the most a match may (MAX_MATCH_MOVES); it takes no more` : null;
  }
}
