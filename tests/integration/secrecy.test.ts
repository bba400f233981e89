/**
 * Secrecy at the socket: a spy per seat and a spectator record every message the
 * server sends them over a whole match, and none carries another seat's secrets. The
 * master's state at each step is rebuilt from the stored log (the match's seed is
 * fixed), so each message is checked against exactly what was hidden at that moment.
 * Run on SQLite and on PostgreSQL: whole matches on both stores.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { powerOfSeat, type PowerId } from '../../src/game/powers.js';
import type { RunningServer } from '../../src/server/server.js';
import { findLeaks } from '../helpers/leaks.js';
import { masterStates } from '../helpers/replay.js';
import { botSeatClient, createFullMatch, startMatch, startTestServer, testScenarios, type Seat } from '../helpers/server.js';
import { TEST_DATABASE_URL, uniqueName } from '../helpers/services.js';

const SEED = 'spy-seed-1';

interface Heard {
  event: string;
  args: unknown[];
}

function spy(url: string, matchID: string, seat: Seat | null): { heard: Heard[]; socket: Socket } {
  const heard: Heard[] = [];
  const socket = io(`${url}/triangles`, { transports: ['websocket'], forceNew: true });
  socket.onAny((event: string, ...args: unknown[]) => heard.push({ event, args }));
  socket.on('connect', () => socket.emit('sync', matchID, seat?.playerID ?? null, seat?.credentials, 6));
  return { heard, socket };
}

/** Every state a message carries (sync: state and initialState; update: state), with the log entries it carries. */
function statesIn(message: Heard): Array<{ _stateID: number }> {
  if (message.event === 'sync') {
    const info = message.args[1] as { state: { _stateID: number }; initialState: { _stateID: number } };
    return [info.state, info.initialState];
  }
  if (message.event === 'update') return [message.args[1] as { _stateID: number }];
  return [];
}

function logsIn(message: Heard): Array<{ action: { payload: { playerID: string; args: unknown } } }> {
  if (message.event === 'sync') return (message.args[1] as { log: never[] }).log ?? [];
  if (message.event === 'update') return (message.args[2] as never[]) ?? [];
  return [];
}

describe.each([
  ['SQLite', () => startTestServer()],
  ['PostgreSQL', () => startTestServer({ databaseUrl: TEST_DATABASE_URL, tablePrefix: uniqueName('spy_') })],
])('socket secrecy on %s', (_name, start) => {
  let server: RunningServer;
  afterAll(() => server?.close());

  it('no message to a seat or a spectator, over a whole match, carries another seat\'s secrets', async () => {
    server = await start();
    const rounds = 2;
    const { matchID, hostToken, seats } = await createFullMatch(server.url, { seed: SEED, rounds });
    const spies = new Map<PowerId | null, { heard: Heard[]; socket: Socket }>([...seats.map((s) => [s.power, spy(server.url, matchID, s)] as const), [null, spy(server.url, matchID, null)]]);
    await startMatch(server.url, matchID, hostToken);
    const scenario = testScenarios().values().next().value!;
    const players = seats.map((seat) => botSeatClient(server.url, matchID, seat, scenario));
    await Promise.all(players.map((p) => p.done));
    players.forEach((p) => p.stop());
    // The last update reaches the spies too.
    await new Promise((r) => setTimeout(r, 300));
    spies.forEach(({ socket }) => socket.close());

    const stored = await server.store.fetch(matchID, { log: true, state: true });
    const states = masterStates(testScenarios().values().next().value!, SEED, rounds, stored.log as never);
    expect(states.get(stored.state!._stateID)!.result).not.toBeNull();

    let checked = 0;
    for (const [viewer, { heard }] of spies) {
      expect(heard.some((m) => m.event === 'update'), `${viewer ?? 'spectator'} heard the match`).toBe(true);
      for (const message of heard) {
        const json = JSON.stringify(message.args);
        expect(json, `${viewer} ${message.event}`).not.toContain('"credentials"');
        for (const state of statesIn(message)) {
          const G = states.get(state._stateID);
          expect(G, `state ${state._stateID} is one the master had`).toBeDefined();
          expect(findLeaks(JSON.stringify(state), G!, viewer), `${viewer ?? 'spectator'} ${message.event} at state ${state._stateID}`).toEqual([]);
          checked++;
        }
        // Another seat's move arrives without its arguments (orders and choices stay secret).
        for (const entry of logsIn(message)) {
          if (powerOfSeat(entry.action.payload.playerID) !== viewer) expect(entry.action.payload.args ?? null, `${viewer} saw another seat's move`).toBeNull();
        }
      }
    }
    // Seven listeners, each hearing every move of two rounds.
    expect(checked).toBeGreaterThan(100);
  });
});
