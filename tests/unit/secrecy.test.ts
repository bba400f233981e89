/**
 * Over whole simulated games, after every action, no seat's view (nor a spectator's)
 * carries another seat's hand, agenda, pending orders or choice, covert forces, deck
 * order, future headlines or the random state.
 */
import { describe, expect, it } from 'vitest';
import { legalOrders } from '../../src/game/orders.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import type { GameState, SeatView } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { findLeaks } from '../helpers/leaks.js';
import { playRandomGame } from '../helpers/play.js';
import { SCENARIOS } from '../helpers/scenarios.js';

function checkView(sc: Scenario, G: GameState, viewer: PowerId | null): void {
  const view: SeatView = playerView(G, viewer);
  const json = JSON.stringify(view);
  const where = `${viewer ?? 'spectator'} in round ${G.round}`;
  expect(view, where).not.toHaveProperty('secret');
  expect(Object.keys(view.seats), where).toEqual(viewer ? [viewer] : []);
  expect(findLeaks(json, G, viewer), where).toEqual([]);
  let hidden = 0;
  for (const [theatre, stacks] of Object.entries(G.forces)) {
    for (const p of POWERS) {
      const covert = stacks[p]?.covert ?? 0;
      if (p === viewer) expect(view.forces[theatre]?.[p]?.covert ?? 0).toBe(covert);
      else {
        expect(view.forces[theatre]?.[p]?.covert ?? 0, `${where}: ${p}'s covert forces in ${theatre}`).toBe(0);
        hidden += covert;
      }
    }
  }
  const unknown = Object.values(view.unknownForces).reduce((a, b) => a + b, 0);
  expect(unknown, where).toBe(hidden);
  if (viewer) {
    // The view holds everything the seat needs to know what it may do: same answer as the master's.
    expect(legalOrders(sc, view, viewer)).toEqual(legalOrders(sc, G, viewer));
  }
}

/** Every action of every game is checked for all seven viewers, so fewer games than the fuzzer still means thousands of views. */
const GAMES = 30;

describe.each(SCENARIOS)('secrecy: %s', (_name, load) => {
  it(`no view ever carries another seat's secrets, over ${GAMES} whole games`, () => {
    const sc = load();
    let checked = 0;
    for (let g = 0; g < GAMES; g++) {
      playRandomGame(sc, `secrecy/${g}`, {
        afterAction: (G) => {
          for (const viewer of [...POWERS, null]) checkView(sc, G, viewer);
          checked++;
        },
      });
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('pending orders and choices stay with their seat until the reveal', () => {
    const sc = load();
    let sawPending = 0;
    playRandomGame(sc, 'pending', {
      afterAction: (G, power) => {
        const own = G.seats[power];
        if (own.orders === null && own.choice === null) return;
        sawPending++;
        for (const viewer of POWERS.filter((p) => p !== power)) {
          const view = playerView(G, viewer);
          expect(view.seats[power]).toBeUndefined();
          // Capital and hand size move only at the reveal, or they would give the orders away.
          expect(view.powers[power]).toEqual(G.powers[power]);
        }
      },
    });
    expect(sawPending).toBeGreaterThan(10);
  });
});
