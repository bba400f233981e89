import { describe, expect, it } from 'vitest';
import { decide, legalChoices, submitOrders } from '../../src/game/actions.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { nextInt, seedRng } from '../../src/game/rng.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState, Order } from '../../src/game/types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { playRandomGame, randomPolicies } from '../helpers/play.js';
import { SCENARIOS } from '../helpers/scenarios.js';

/** Answer any open decision with each decider's first option, until orders are due. */
function toOrders(sc: Scenario, G: GameState): void {
  while (G.step.kind === 'decide') {
    for (const p of G.step.powers) {
      const choices = legalChoices(sc, G, p);
      if ('options' in choices) expect(decide(sc, G, p, choices.options[0])).toBeNull();
    }
  }
}

describe.each(SCENARIOS)('determinism: %s', (_name, load) => {
  it('same scenario, seed and moves give a deep-equal state', () => {
    const sc = load();
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      expect(playRandomGame(sc, seed)).toEqual(playRandomGame(sc, seed));
    }
  });

  it('different seeds deal different games', () => {
    const sc = load();
    expect(setupState(sc, { seed: 'one' }).secret).not.toEqual(setupState(sc, { seed: 'two' }).secret);
  });

  it('the result of a round does not depend on the order in which seats submit', () => {
    const sc = load();
    for (let trial = 0; trial < 20; trial++) {
      const base = setupState(sc, { seed: `order/${trial}` });
      toOrders(sc, base);
      const policies = randomPolicies(`orders/${trial}`);
      const orders = Object.fromEntries(POWERS.map((p) => [p, policies[p].orders(sc, base, p)])) as Record<PowerId, Order[]>;
      const rng = seedRng(`permutation/${trial}`);
      const outcomes = [0, 1, 2].map(() => {
        const G = structuredClone(base);
        const sequence = [...POWERS];
        for (let i = sequence.length - 1; i > 0; i--) {
          const j = nextInt(rng, i + 1);
          [sequence[i], sequence[j]] = [sequence[j]!, sequence[i]!];
        }
        for (const p of sequence) expect(submitOrders(sc, G, p, orders[p])).toBeNull();
        return G;
      });
      // The round was resolved: every power's orders are on the record.
      expect(Object.keys(outcomes[0]!.history[base.round - 1]!.orders)).toHaveLength(6);
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[2]).toEqual(outcomes[0]);
    }
  });
});
