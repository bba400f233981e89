/**
 * The master's state after each stored move, rebuilt by the rules from the match's
 * seed and its stored log: socket tests check every message a client heard against
 * exactly what was hidden at that moment.
 */
import { decide, saveDraft, submitOrders } from '../../src/game/actions.js';
import { control } from '../../src/game/control.js';
import { powerOfSeat } from '../../src/game/powers.js';
import type { Reason } from '../../src/game/reasons.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState } from '../../src/game/types.js';
import type { Scenario } from '../../src/scenario/schema.js';

export interface StoredMove {
  action: { payload: { type: string; args: unknown[]; playerID: string } };
  _stateID: number;
}

/** By stateID: 0 is the starting state, and each stored move's state is its `_stateID` + 1. */
export function masterStates(sc: Scenario, seed: string, rounds: number, log: StoredMove[]): Map<number, GameState> {
  const G = setupState(sc, { seed, rounds });
  const states = new Map<number, GameState>([[0, structuredClone(G)]]);
  for (const entry of log) {
    const { type, args, playerID } = entry.action.payload;
    const power = powerOfSeat(playerID)!;
    const moves: Record<string, () => Reason | null> = {
      submitOrders: () => submitOrders(sc, G, power, args[0]),
      decide: () => decide(sc, G, power, args[0]),
      draft: () => saveDraft(sc, G, power, args[0]),
      control: () => control(sc, G, args[0]),
    };
    const refused = moves[type]!();
    if (refused) throw new Error(`replay refused a stored ${type}: ${JSON.stringify(refused)}`);
    states.set(entry._stateID + 1, structuredClone(G));
  }
  return states;
}
