/**
 * In the manner of Rally the Troops' fuzzer: many seeded games of random legal play,
 * checking after every action that nothing broke, no seat is stuck and every game ends
 * within the scenario's rounds.
 *
 * Each invariant was seen to fail, on both scenarios, with a bug planted in src/game
 * (then restored exactly):
 *  - forces conservation: a withdraw that also puts a new force in the reserve
 *    (round.ts resolveMilitary: `G.powers[power].reserve += 1`) failed with "forces not
 *    conserved in round 2 (KOR's orders): CHN went from 7 to 8; the log explains a
 *    change of 0..0";
 *  - order cost: legality that lets an order cost one Capital more than is left
 *    (orders.ts afford: `cost > b.capital + 1`) failed with "RUS locked in orders costing
 *    4 with 3 Capital in round 1";
 *  - every card in one place: a crisis drawn without leaving the deck (round.ts
 *    drawCrisis: `G.secret.crises[0]`) failed with "the crises are not each in exactly
 *    one place: collision,collision vs collision", and a headline likewise (beginRound)
 *    with "headline kim-at-vostochny is in two places".
 */
import { describe, expect, it } from 'vitest';
import { setupState } from '../../src/game/setup.js';
import { playToEnd } from '../../src/bots/play.js';
import { actionChecker, checkInvariants } from '../helpers/invariants.js';
import { randomPolicies } from '../helpers/play.js';
import { SCENARIOS } from '../helpers/scenarios.js';

const GAMES = 1000;

describe.each(SCENARIOS)('fuzz: %s', (_name, load) => {
  it(`plays ${GAMES} random games with every invariant holding after every action`, () => {
    const sc = load();
    let wars = 0;
    for (let g = 0; g < GAMES; g++) {
      const seed = `fuzz/${g}`;
      const start = setupState(sc, { seed });
      checkInvariants(sc, start);
      const checkAction = actionChecker(sc, start);
      const G = playToEnd(sc, start, randomPolicies(seed), {
        afterAction: (state, power, action) => {
          checkInvariants(sc, state);
          checkAction(state, power, action);
        },
      });
      expect(G.step.kind).toBe('over');
      expect(G.round).toBeLessThanOrEqual(sc.rounds);
      if (G.war) wars++;
      else expect(G.history).toHaveLength(sc.rounds);
    }
    // Random play should see both peace and war; all-war or no-war would mean a track is stuck.
    expect(wars).toBeGreaterThan(0);
    expect(wars).toBeLessThan(GAMES);
  });
});
