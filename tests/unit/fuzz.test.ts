/**
 * In the manner of Rally the Troops' fuzzer: many seeded games of random legal play,
 * checking after every action that nothing broke, no seat is stuck and every game ends
 * within the scenario's rounds.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../helpers/invariants.js';
import { playRandomGame } from '../helpers/play.js';
import { SCENARIOS } from '../helpers/scenarios.js';

const GAMES = 1000;

describe.each(SCENARIOS)('fuzz: %s', (_name, load) => {
  it(`plays ${GAMES} random games with every invariant holding after every action`, () => {
    const sc = load();
    let wars = 0;
    for (let g = 0; g < GAMES; g++) {
      const G = playRandomGame(sc, `fuzz/${g}`, { afterAction: (state) => checkInvariants(sc, state) });
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
