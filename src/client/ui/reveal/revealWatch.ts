/**
 * Which round's reveal this device still owes the person (or, hot-seat, the table): the
 * last round whose orders were revealed, until its reveal is closed. It lives with the
 * match in the controller (app.ts), so it outlasts the screens a hot-seat game goes
 * through. The first view it reads sets what counts as seen: a game resumed from a
 * save, or an online match joined late, does not open on an old round's reveal.
 */
import type { Readable } from '../../../game/types.js';
import { lastRevealedRound, type Rationales } from '../../../view/revealSteps.js';

export class RevealWatch {
  private seen: number | null = null;

  constructor(
    /** The bots' rationales for a revealed round, where this device ran the bots. */
    readonly rationales: (round: number) => Rationales,
    /** A reveal was closed: the controller decides what comes next (the end screen after the last). */
    private readonly onSeen: () => void,
  ) {}

  /** The round whose reveal is due now, or null. */
  due(view: Readable): number | null {
    const last = lastRevealedRound(view);
    this.seen ??= last;
    return last > this.seen ? last : null;
  }

  seenRound(round: number): void {
    this.seen = Math.max(this.seen ?? 0, round);
    this.onSeen();
  }
}
