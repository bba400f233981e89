/**
 * Most matches are not exercises, and the exercise clock asks after every stored move:
 * the answer "not an exercise" never changes, so it is remembered and costs no read.
 */
import { lobbyOf } from '../lobby/matchInfo.js';
import type { MatchStore } from '../storage/types.js';
import type { Exercise } from './members.js';

/** Remembered matches that are not exercises, at most this many. */
const MAX_PLAIN = 10_000;

export class KnownExercises {
  private readonly plain = new Set<string>();

  constructor(
    private readonly store: MatchStore,
    /** Each exercise's record as it is read: its own scenario must be on this process before its moves run. */
    private readonly onExercise: (matchID: string, metadata: Exercise) => void,
  ) {}

  /** The match's record when it is an exercise, or null. */
  async metadata(matchID: string): Promise<Exercise | null> {
    if (this.plain.has(matchID)) return null;
    const { metadata } = await this.store.fetch(matchID, { metadata: true });
    if (!metadata) return null;
    if (lobbyOf(metadata)?.exercise) {
      this.onExercise(matchID, metadata as Exercise);
      return metadata as Exercise;
    }
    if (this.plain.size >= MAX_PLAIN) this.plain.clear();
    this.plain.add(matchID);
    return null;
  }
}
