/**
 * The error a storage adapter throws when `setState` would overwrite a newer state.
 *
 * boardgame.io serialises moves per match only inside one process. With several
 * processes sharing one database, two of them can compute the next state of a match
 * from the same stored state; the compare-and-set in `setState` lets exactly one of
 * them store it, and the other gets this error instead of silently losing a move.
 */
export class StaleStateError extends Error {
  readonly code = 'STALE_STATE';

  constructor(
    readonly matchID: string,
    readonly storedStateID: number,
    readonly attemptedStateID: number,
  ) {
    super(
      `match ${matchID}: refused to store state ${attemptedStateID} over stored state ${storedStateID} (stale write)`,
    );
    this.name = 'StaleStateError';
  }
}
