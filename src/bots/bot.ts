/**
 * What a bot is: a function of the public rules and one seat's view to that seat's
 * action, with a one-line rationale a person can read.
 *
 * A bot takes a `SeatView`, never `Readable`: the master's `GameState` has no `viewer`
 * and no `unknownForces`, so handing it to a bot does not compile; and `seatViewOnly`
 * refuses it at run time for callers that come through the looser `Policy` type.
 */
import { legalChoices, ordersRefused } from '../game/actions.js';
import type { PowerId } from '../game/powers.js';
import type { Action, Readable, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';

export interface BotChoice {
  action: Action;
  /** One line in plain words: "China engages North Korea to keep its buffer." */
  rationale: string;
}

export type Bot = (sc: Scenario, view: SeatView, power: PowerId) => BotChoice;

/** Narrow something readable to a seat's view, or refuse: a bot must never see the master's state. */
export function seatViewOnly(view: Readable, power: PowerId): SeatView {
  if ('secret' in view || !('viewer' in view)) throw new Error(`${power}'s bot was handed the master's state instead of its seat's view`);
  if (view.viewer !== power) throw new Error(`${power}'s bot was handed ${view.viewer ?? 'a spectator'}'s view`);
  return view;
}

/**
 * A bot's own randomness for one decision, from its seed and what it can see: the same
 * seed and view always give the same choice, whatever is hidden, and a bot needs no
 * memory between calls (a browser worker can be asked afresh each time).
 */
export function decisionSeed(seed: string, view: SeatView, power: PowerId): string {
  return `${seed}/${power}/${view.round}/${view.step.kind}/${view.log.length}`;
}

/** What the match asks of this seat now: a decision or orders. Throws if it asks nothing of it. */
export function asked(sc: Scenario, view: SeatView, power: PowerId): 'decide' | 'orders' {
  if ('options' in legalChoices(sc, view, power)) return 'decide';
  const refused = ordersRefused(view, power);
  if (refused) throw new Error(`${power}'s bot was asked to act when it may not: ${refused.code}`);
  return 'orders';
}
