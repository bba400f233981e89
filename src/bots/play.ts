/**
 * Play a match to its end by calling the rules directly (no boardgame.io Client,
 * whose cost grows with the log): the simulator, the fuzzer and bot tournaments all
 * drive games through here. Each seat's policy sees only that seat's view.
 */
import type { Scenario } from '../scenario/schema.js';
import { applyAction, awaiting, legalChoices } from '../game/actions.js';
import type { PowerId } from '../game/powers.js';
import type { Reason } from '../game/reasons.js';
import type { Action, GameState } from '../game/types.js';
import { playerView } from '../game/view.js';
import type { Policy } from './policy.js';

export interface PlayOptions {
  /** Called after every accepted action, for invariant checks. */
  afterAction?: (G: GameState, power: PowerId, action: Action) => void;
  /** Give policies the master state instead of a view: only for the trusted random bot in speed runs. */
  trustedState?: boolean;
}

export class RefusedActionError extends Error {
  constructor(
    readonly power: PowerId,
    readonly action: Action,
    readonly reason: Reason,
  ) {
    super(`${power}'s ${action.type} was refused: ${JSON.stringify(reason)} (${JSON.stringify(action)})`);
  }
}

/** Guards against a rules bug that never ends a game: far more actions than any real game needs. */
const MAX_ACTIONS = 10_000;

export function playToEnd(sc: Scenario, G: GameState, policies: Record<PowerId, Policy>, options: PlayOptions = {}): GameState {
  for (let count = 0; G.step.kind !== 'over'; count++) {
    if (count > MAX_ACTIONS) throw new Error(`game did not end after ${MAX_ACTIONS} actions (round ${G.round})`);
    const due = awaiting(G);
    if (due.length === 0) throw new Error(`dead end: nobody can act in round ${G.round} at step ${G.step.kind}`);
    for (const power of due) {
      // Each seat's action may move the match on; only seats still due act on this step.
      if (!awaiting(G).includes(power)) break;
      const view = options.trustedState ? G : playerView(G, power);
      const choices = legalChoices(sc, view, power);
      const action: Action =
        'options' in choices
          ? { type: 'decide', option: policies[power].choose(sc, view, power, choices.options) }
          : { type: 'orders', orders: policies[power].orders(sc, view, power) };
      const refused = applyAction(sc, G, power, action);
      if (refused) throw new RefusedActionError(power, action, refused);
      options.afterAction?.(G, power, action);
    }
  }
  return G;
}
