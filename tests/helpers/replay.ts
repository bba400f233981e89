/**
 * The master's state after each stored move, rebuilt by the rules from the match's
 * seed and its stored log: socket tests check every message a client heard against
 * exactly what was hidden at that moment.
 */
import { expect } from 'vitest';
import { decide, saveDraft, submitOrders } from '../../src/game/actions.js';
import { control } from '../../src/game/control.js';
import { powerOfSeat } from '../../src/game/powers.js';
import type { Reason } from '../../src/game/reasons.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState } from '../../src/game/types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { MatchStore } from '../../src/server/storage/types.js';
import { untilAsync } from './until.js';

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

/**
 * A finished match's master states, replayed from what the server stored, once the store
 * holds its last state (the server sends a state a moment before it stores it). The
 * replay must start on the stored initial state and end on the stored last state, part
 * for part, so the states it gives are known to be the ones the server had. Also gives
 * the last state, and the seeds a listener must never hear: the match's, and boardgame.io's own if it drew one.
 */
export async function replayFinished(store: MatchStore, matchID: string, sc: Scenario, seed: string, rounds: number): Promise<{ states: Map<number, GameState>; last: GameState; seeds: string[] }> {
  const stored = await untilAsync('the last state stored', async () => {
    const fetched = await store.fetch(matchID, { state: true, initialState: true, log: true });
    return fetched.state?.ctx.gameover !== undefined && fetched;
  });
  const states = masterStates(sc, seed, rounds, stored.log as never);
  // As stored (JSON): compared whole, so every part of the replay is the server's.
  const asStored = (G: GameState) => JSON.parse(JSON.stringify(G)) as unknown;
  expect(asStored(states.get(0)!), 'the replay starts on the stored initial state').toEqual(stored.initialState!.G);
  const last = states.get(stored.state!._stateID)!;
  expect(asStored(last), 'the replay ends on the stored last state').toEqual(stored.state!.G);
  expect(last.result).not.toBeNull();
  const drawn = (stored.state!.plugins as { random?: { data?: { seed?: unknown } } }).random?.data?.seed;
  return { states, last, seeds: [seed, ...(drawn === undefined ? [] : [String(drawn)])] };
}
