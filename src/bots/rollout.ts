/**
 * Playing an imagined world on with the rules' own functions: every seat the match
 * waits for is played by a bot on its own view of that world (the search uses Normal),
 * until the caller's stopping point.
 */
import { applyAction, awaiting } from '../game/actions.js';
import type { PowerId } from '../game/powers.js';
import type { Action, GameState } from '../game/types.js';
import { playerView } from '../game/view.js';
import type { Scenario } from '../scenario/schema.js';
import type { Bot } from './bot.js';

/** Apply one seat's action to an imagined world; a refusal there is a bug in a bot, so it throws. */
export function act(sc: Scenario, G: GameState, power: PowerId, action: Action): void {
  const refused = applyAction(sc, G, power, action);
  if (refused) throw new Error(`${power}'s imagined ${action.type} was refused: ${JSON.stringify(refused)}`);
}

export function playOn(sc: Scenario, G: GameState, bot: Bot, done: (G: GameState) => boolean): void {
  while (G.step.kind !== 'over' && !done(G)) {
    const due = awaiting(G);
    if (due.length === 0) throw new Error(`an imagined match reached a dead end in round ${G.round}`);
    for (const power of due) {
      // Each action may move the match on; only seats still due act on this step.
      if (!awaiting(G).includes(power)) break;
      act(sc, G, power, bot(sc, playerView(G, power), power).action);
    }
  }
}
