/**
 * The bots' rationales for their orders, kept in the page that ran them. A rationale
 * names an order, which is secret until the reveal: it is given out only for a round
 * whose orders the match has revealed, and never leaves this page.
 */
import type { PowerId } from '../../game/powers.js';
import type { Readable } from '../../game/types.js';
import { lastRevealedRound, type Rationales } from '../../view/revealSteps.js';

export class RationaleBook {
  private readonly byRound = new Map<number, Rationales>();

  /** A bot's orders for `round` were accepted with this rationale. */
  note(round: number, power: PowerId, rationale: string): void {
    this.byRound.set(round, { ...this.byRound.get(round), [power]: rationale });
  }

  /** The rationales for `round`, if `view` shows that round's orders revealed; none before. */
  revealed(round: number, view: Readable): Rationales {
    return lastRevealedRound(view) >= round ? { ...this.byRound.get(round) } : {};
  }
}
