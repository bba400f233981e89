/**
 * The holes from BOARDGAMEIO.md and the edges of the server, each tried for real over
 * sockets against a running server. Each test fails if its fix is taken away.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botActionFor } from '../../src/bots/levels.js';
import { awaiting, legalChoices } from '../../src/game/actions.js';
import type { GameState } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { RunningServer } from '../../src/server/server.js';
import { connected, nextRefusal, rawSocket } from '../helpers/rawSocket.js';
import { api, createFullMatch, startMatch, startTestServer, testScenarios, type Seat, OPEN_LIMITS } from '../helpers/server.js';
import { untilAsync } from '../helpers/until.js';

function move(seat: Seat, type: string, args: unknown[], payloadSeat = seat.playerID) {
  return { type: 'MAKE_MOVE', payload: { type, args, playerID: payloadSeat, credentials: seat.credentials } };
}

describe('server security', () => {
  let server: RunningServer;
  let match: { matchID: string; hostToken: string; seats: Seat[] };
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
    match = await createFullMatch(server.url);
  });
  afterAll(() => server.close());

  const stateID = async () => (await server.store.fetch(match.matchID, { state: true })).state!._stateID;
  const holdOrders = [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }];

  /** Send a raw update. */
  async function sendUpdate(socket: Socket, action: unknown, seat: string | null, id?: number): Promise<void> {
    socket.emit('update', action, id ?? (await stateID()), match.matchID, seat);
  }

  it('refuses moves before the host starts the match', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const refused = nextRefusal(socket);
    const before = await stateID();
    await sendUpdate(socket, move(match.seats[0]!, 'submitOrders', [holdOrders]), '0');
    expect(await refused).toMatch(/not started/);
    expect(await stateID()).toBe(before);
    socket.close();
    await startMatch(server.url, match.matchID, match.hostToken);
  });

  it('refuses a move without the seat\'s credentials, or with another seat\'s', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const before = await server.store.fetch(match.matchID, { state: true });
    const G = before.state!.G as GameState;
    // The match opens on a decision: the forged moves are a choice the deciding seat could make.
    const seat = match.seats.find((s) => awaiting(G).includes(s.power))!;
    const other = match.seats.find((s) => s !== seat)!;
    const choices = legalChoices(testScenarios().get(G.scenario)!, G, seat.power);
    if (!('options' in choices)) throw new Error(`${seat.power} should be deciding`);
    const [forged] = choices.options;
    for (const forgery of [
      { type: 'MAKE_MOVE', payload: { type: 'decide', args: [forged], playerID: seat.playerID } },
      move({ ...other, playerID: seat.playerID }, 'decide', [forged]),
    ]) {
      const refused = nextRefusal(socket);
      await sendUpdate(socket, forgery, seat.playerID);
      expect(await refused).toMatch(/credentials do not open seat/);
    }
    expect(await stateID()).toBe(before.state!._stateID);
    socket.close();
  });

  it('refuses a move whose payload names another seat than the one authenticated (impersonation)', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const before = await stateID();
    // Seat 1's own credentials, but the move is made "as" seat 0.
    const refused = nextRefusal(socket);
    await sendUpdate(socket, move(match.seats[1]!, 'submitOrders', [holdOrders], '0'), '1');
    expect(await refused).toMatch(/seat that sends it/);
    expect(await stateID()).toBe(before);
    socket.close();
  });

  it('refuses events, undo and state resets from clients', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const before = await server.store.fetch(match.matchID, { state: true });
    const seat = match.seats[0]!;
    const payload = { playerID: '0', credentials: seat.credentials };
    for (const action of [
      { type: 'GAME_EVENT', payload: { type: 'endGame', args: [], ...payload } },
      { type: 'UNDO', payload: { type: null, args: null, ...payload } },
      { type: 'RESET', state: { G: {}, ctx: {} }, payload },
      { type: 'PATCH', patch: [{ op: 'replace', path: '/G/round', value: 99 }], payload },
    ]) {
      const refused = nextRefusal(socket);
      await sendUpdate(socket, action, '0');
      expect(await refused).toMatch(/only moves/);
    }
    const after = await server.store.fetch(match.matchID, { state: true });
    expect(after.state).toEqual(before.state);
    socket.close();
  });

  it('does not create a match that a socket syncs with an unknown code', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    for (const sync of [['ZZZZZ9', null, undefined, 6], ['ZZZZZ8', '0', 'made-up', 6]]) {
      const refused = nextRefusal(socket);
      socket.emit('sync', ...sync);
      expect(await refused).toMatch(/no match with code/);
    }
    expect((await server.store.fetch('ZZZZZ9', { state: true, metadata: true })).state).toBeUndefined();
    expect((await server.store.fetch('ZZZZZ8', { metadata: true })).metadata).toBeUndefined();
    socket.close();
  });

  it('answers malformed socket messages with a refusal and keeps running', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const bad: unknown[][] = [
      ['update', null, 0, match.matchID, '0'],
      ['update', { type: 'MAKE_MOVE' }, 0, match.matchID, '0'],
      ['update', move(match.seats[0]!, 'submitOrders', [holdOrders]), 'x', match.matchID, '0'],
      ['update', move(match.seats[0]!, 'teleport', []), 0, match.matchID, '0'],
      ['update', move(match.seats[0]!, 'submitOrders', [holdOrders]), 0, { $ne: 1 }, '0'],
      ['update', move(match.seats[0]!, 'submitOrders', [holdOrders]), 0, match.matchID, '9'],
      ['sync', 42, '0', 'x'],
      ['chat', match.matchID, { sender: '0', payload: 'hi' }, match.seats[0]!.credentials],
      ['whatever'],
    ];
    for (const [event, ...args] of bad) {
      const refused = nextRefusal(socket);
      socket.emit(event as string, ...args);
      expect(await refused, String(event)).toBeTruthy();
    }
    // The server still answers.
    expect((await api(server.url, 'GET', `/api/matches/${match.matchID}`)).status).toBe(200);
    socket.close();
  });

  it('drops a socket that sends an oversized message, and keeps serving others', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.emit('update', move(match.seats[0]!, 'submitOrders', ['x'.repeat(200_000)]), 0, match.matchID, '0');
    expect(await closed).toBeTruthy();
    expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
  });

  it('refuses sockets opened by pages from other origins', async () => {
    const evil = rawSocket(server.url, { origin: 'http://evil.example' });
    await expect(connected(evil)).rejects.toBeTruthy();
    evil.close();
    const own = rawSocket(server.url, { origin: server.url });
    await connected(own);
    own.close();
  });

  it('applies a proper move by the right seat (the refusals above are not refusing everything)', async () => {
    const socket = rawSocket(server.url);
    await connected(socket);
    const before = await server.store.fetch(match.matchID, { state: true });
    const G = before.state!.G as GameState;
    const seat = match.seats.find((s) => awaiting(G).includes(s.power))!;
    const { action } = botActionFor('easy', testScenarios().get(G.scenario)!, playerView(G, seat.power), seat.power, 'test');
    const made = action.type === 'orders' ? move(seat, 'submitOrders', [action.orders]) : move(seat, 'decide', [action.option]);
    await sendUpdate(socket, made, seat.playerID);
    await untilAsync('the move stored', async () => (await stateID()) > before.state!._stateID);
    expect(await stateID()).toBe(before.state!._stateID + 1);
    socket.close();
  });
});
