/** Whole seeded games with random legal play, for property tests. */
import type { Scenario } from '../../src/scenario/schema.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import { playToEnd, type PlayOptions } from '../../src/bots/play.js';
import { randomPolicy } from '../../src/bots/random.js';
import type { Policy } from '../../src/bots/policy.js';
import type { GameState } from '../../src/game/types.js';

export function randomPolicies(seed: string): Record<PowerId, Policy> {
  return Object.fromEntries(POWERS.map((p) => [p, randomPolicy(`${seed}/${p}`)])) as Record<PowerId, Policy>;
}

export function playRandomGame(sc: Scenario, seed: string, options: PlayOptions = {}): GameState {
  return playToEnd(sc, setupState(sc, { seed }), randomPolicies(seed), options);
}
