/**
 * A page's moves across a lost connection: the browser's own match client (RemoteMatch,
 * run here in Node) against a real server, with five bot clients in the other seats.
 * Orders locked in while the server is restarting wait on the device and are sent once
 * it is back; orders the round no longer waits for when the connection returns (another
 * device of the seat gave them, and the match moved on) are never sent into a later
 * step, and the page says they did not count.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { botActionFor } from '../../src/bots/levels.js';
import { POWERS } from '../../src/game/powers.js';
import type { Order, SeatView } from '../../src/game/types.js';
import { RemoteMatch } from '../../src/client/net/remoteMatch.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import type { RunningServer } from '../../src/server/server.js';
import { botSeatClient, createFullMatch, startMatch, startTestServer, tempDir, testScenarios } from '../helpers/server.js';
import { until } from '../helpers/until.js';

const HOLD: Order[] = [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }];
const host = { scenarios: testScenarios(), defaultScenario: DEFAULT_SCENARIO, newSeed: () => 'unused-on-a-client' };
const scenario = testScenarios().get(DEFAULT_SCENARIO)!;

/** The socket.io socket under a page's match and its manager: to cut the connection as a network would, and restore it. */
interface PageSocket {
  connect(): void;
  io: { reconnection(on: boolean): unknown; engine: { close(): void } };
}

describe("a page's moves across a lost connection", () => {
  const data = tempDir();
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(() => data.remove());

  /** A started match: China played through a RemoteMatch, the others by bot clients (each while `plays` says so). */
  async function table(server: () => RunningServer, plays: (view: SeatView) => boolean = () => true) {
    const { url } = server();
    const { matchID, hostToken, seats } = await createFullMatch(url, { rounds: 2 });
    await startMatch(url, matchID, hostToken);
    const china = seats.find((s) => s.power === 'CHN')!;
    const match = new RemoteMatch(scenario, host, matchID, { ...china, name: 'China' }, url);
    const others = seats.filter((s) => s !== china).map((seat) => botSeatClient(url, matchID, seat, scenario, plays));
    cleanups.push(() => match.stop(), () => others.forEach((o) => o.stop()));
    // China answers its decisions until the round asks it for orders.
    const view = () => match.view('CHN');
    for (;;) {
      await until('China to be asked something', () => match.synced && match.awaiting().includes('CHN'));
      if (view().step.kind === 'orders') return { matchID, china, match, view };
      expect(match.act('CHN', botActionFor('normal', scenario, view(), 'CHN', 'china').action)).toBeNull();
      const step = view().step;
      await until('the decision to arrive', () => view().step !== step || !match.awaiting().includes('CHN'));
    }
  }

  it('sends orders locked in while the server was restarting once it is back, and only then', async () => {
    let server = await startTestServer({ dataDir: data.dir });
    cleanups.push(() => server.close());
    const { match, view } = await table(() => server);
    await until('the other seats to lock in', () => view().ready.length === POWERS.length - 1);

    await server.close();
    await until('the page to see the connection lost', () => !match.connected);
    expect(match.act('CHN', { type: 'orders', orders: HOLD })).toBeNull();
    expect(match.queued('CHN')).toEqual({ type: 'orders', orders: HOLD });

    server = await startTestServer({ dataDir: data.dir, port: server.port });
    // The page reconnects by itself and sends them; the round, which waited only for China, is resolved with them.
    const record = await until('round 1 resolved with China’s orders', () => view().history.find((r) => r.round === 1 && r.orders.CHN), 60_000);
    expect(record.orders.CHN).toEqual(HOLD);
    expect(match.queued('CHN')).toBeNull();
    expect(match.unsent).toBeNull();
  });

  it('never sends orders made offline into a later step, and says they did not count', async () => {
    const server = await startTestServer({ dataDir: data.dir });
    cleanups.push(() => server.close());
    // The bots play round 1 and decisions only, so the match then waits for round 2's orders.
    const firstRound = (view: SeatView) => view.round === 1 || view.step.kind === 'decide';
    const { matchID, china, match } = await table(() => server, firstRound);

    // The page's connection drops and stays down; its person locks in orders meanwhile.
    const socket = match.socket as unknown as PageSocket;
    socket.io.reconnection(false);
    socket.io.engine.close();
    await until('the page to see the connection lost', () => !match.connected);
    expect(match.act('CHN', { type: 'orders', orders: HOLD })).toBeNull();

    // China's other device plays round 1 for it, and the match moves into round 2.
    const other = botSeatClient(server.url, matchID, china, scenario, firstRound);
    cleanups.push(() => other.stop());
    const round2 = () => {
      const view = other.client.getState()?.G as SeatView | undefined;
      return view?.round === 2 && view.step.kind === 'orders' && POWERS.every((p) => !view.ready.includes(p)) && view;
    };
    await until('the match to wait for round 2 orders', round2, 60_000);

    socket.io.reconnection(true);
    socket.connect();
    await until('the page to sync again', () => match.connected && match.view('CHN').round === 2);
    expect(match.unsent).toEqual({ round: 1, type: 'orders' });
    expect(match.queued('CHN')).toBeNull();
    // Round 2 still waits for China: the orders made for round 1 did not land there.
    const { state } = await server.store.fetch(matchID, { state: true });
    const G = state!.G as SeatView;
    expect(G).toMatchObject({ round: 2, step: { kind: 'orders' } });
    expect(G.ready).not.toContain('CHN');
  });
});
