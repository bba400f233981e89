/**
 * The rules inside boardgame.io: what a seat's client actually receives through the
 * (local) master, and the engine holes of BOARDGAMEIO.md that concern the rules.
 */
import { Client } from 'boardgame.io/client';
import { Local } from 'boardgame.io/multiplayer';
import { describe, expect, it } from 'vitest';
import { InitializeGame } from 'boardgame.io/internal';
import { checkSetupData, createTrianglesGame, type GameHost } from '../../src/game/game.js';
import { legalOrders } from '../../src/game/orders.js';
import type { GameState, SeatView } from '../../src/game/types.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

const sc = tinyScenario();
let seeds = 0;
const host: GameHost = { scenarios: new Map([[sc.id, sc]]), defaultScenario: sc.id, newSeed: () => `test-seed-${++seeds}` };

/** Six clients of one match on a fresh local master (one master per game object). */
function match(setupData?: object) {
  const game = createTrianglesGame(host);
  const multiplayer = Local();
  const clients = ['0', '1', '2', '3', '4', '5'].map((playerID) => {
    const client = Client({ game, multiplayer, playerID, matchID: 'm', numPlayers: 6, debug: false, ...(setupData ? { setupData } : {}) } as never);
    client.start();
    return client;
  });
  return clients;
}

const viewOf = (client: ReturnType<typeof match>[number]) => client.getState()!.G as unknown as SeatView;

describe('boardgame.io wiring', () => {
  it('sends each seat a filtered initial state: no decks, no random state, no other hands', () => {
    const [china] = match();
    const initial = (china as unknown as { initialState: { G: GameState } }).initialState;
    expect(initial).toBeTruthy();
    const json = JSON.stringify(initial);
    expect(json).not.toContain('"secret"');
    expect(json).not.toContain('"rng"');
    expect(Object.keys(initial.G.seats)).toEqual(['CHN']);
  });

  it('takes the seed from the host, not the clock', () => {
    const before = seeds;
    match();
    expect(seeds).toBe(before + 1);
  });

  it('runs a round: orders are redacted from other seats\' logs until resolved, and applied together', () => {
    const clients = match();
    const [china, russia] = clients;
    const start = viewOf(china!);
    expect(start.step.kind).toBe('orders');
    const russiaOrders = [{ kind: 'engage', target: 'CHN' }, { kind: 'hold' }, { kind: 'hold' }];
    russia!.moves.submitOrders!(russiaOrders);
    // China sees that Russia is ready, but not what Russia ordered.
    expect(viewOf(china!).ready).toEqual(['RUS']);
    const chinaLog = (china!.log ?? []).filter((e) => e.action.type === 'MAKE_MOVE');
    expect(chinaLog.at(-1)!.action.payload.args).toBeNull();
    const russiaLog = (russia!.log ?? []).filter((e) => e.action.type === 'MAKE_MOVE');
    expect(russiaLog.at(-1)!.action.payload.args).toEqual([russiaOrders]);
    expect(viewOf(china!).seats.RUS).toBeUndefined();
    for (const [i, client] of clients.entries()) {
      if (i === 1) continue;
      client.moves.submitOrders!([{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }]);
    }
    const after = viewOf(china!);
    expect(after.round).toBe(2);
    expect(after.history[0]!.orders.RUS).toEqual(russiaOrders);
    expect(after.relations['CHN-RUS']).toBe(start.relations['CHN-RUS'] + 1);
  });

  it('refuses an illegal or malformed move and changes nothing', () => {
    const [china] = match();
    const before = JSON.stringify(viewOf(china!));
    china!.moves.submitOrders!([{ kind: 'pressure', target: 'CHN' }, { kind: 'hold' }, { kind: 'hold' }]);
    china!.moves.submitOrders!('nonsense');
    china!.moves.submitOrders!([{ kind: 'aid', target: 'USA', amount: 99 }, { kind: 'hold' }, { kind: 'hold' }]);
    china!.moves.decide!('sign');
    expect(JSON.stringify(viewOf(china!))).toBe(before);
  });

  it('gives a seat enough in its view to list its legal orders', () => {
    const [china] = match();
    const legal = legalOrders(sc, viewOf(china!), 'CHN');
    expect(legal.remaining).toBe(3);
    expect(legal.options.some((o) => o.order.kind === 'engage')).toBe(true);
  });

  it('refuses setup data it does not understand, naming the problem', () => {
    const game = createTrianglesGame(host);
    const start = (setupData: unknown) => InitializeGame({ game, numPlayers: 6, setupData });
    expect(() => start({ scenario: 'nope' })).toThrow(/unknown scenario "nope"/);
    expect(() => start({ seed: 5 })).toThrow(/seed must be a string/);
    expect(() => start({ colour: 'red' })).toThrow(/unknown field "colour"/);
    expect(() => start({ rounds: 9 })).toThrow(/rounds must be a whole number from 1 to 3/);
    expect(start({ seed: 'fixed', rounds: 2 }).G.rounds).toBe(2);
    expect(checkSetupData(host, undefined)).toEqual({ ok: true, value: { scenario: 'tiny' } });
  });
});
