/**
 * The game server end to end on SQLite: the lobby API over HTTP, and whole matches
 * played by six boardgame.io clients over real sockets.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaiting, stepKey } from '../../src/game/actions.js';
import { POWERS } from '../../src/game/powers.js';
import type { SeatView } from '../../src/game/types.js';
import type { RunningServer } from '../../src/server/server.js';
import { manualClock } from '../helpers/manualClock.js';
import { api, botSeatClient, createFullMatch, startMatch, startTestServer, tempDir, testScenarios, type Seat, OPEN_LIMITS } from '../helpers/server.js';
import { until, untilAsync } from '../helpers/until.js';

const scenario = () => [...testScenarios().values()][0]!;

describe('game server on SQLite', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
  });
  afterAll(() => server.close());

  it('plays a whole match with six socket clients and stores the finished game', async () => {
    const { matchID, hostToken, seats } = await createFullMatch(server.url);
    await startMatch(server.url, matchID, hostToken);
    const players = seats.map((seat) => botSeatClient(server.url, matchID, seat, scenario()));
    const finals = await Promise.all(players.map((p) => p.done));
    players.forEach((p) => p.stop());
    // Every seat saw the same public outcome.
    const outcomes = new Set(finals.map((view) => JSON.stringify({ result: view.result, round: view.round })));
    expect(outcomes.size).toBe(1);
    expect(finals[0]!.result).not.toBeNull();
    const stored = await server.store.fetch(matchID, { state: true, metadata: true, log: true });
    expect(stored.state!.ctx.gameover).toBeDefined();
    expect(stored.metadata!.gameover).toBeDefined();
    // Two rounds of six orders at least, every accepted move in the stored log.
    expect(stored.log!.filter((entry) => entry.action.payload.type === 'submitOrders').length).toBeGreaterThanOrEqual(12);
  });

  it('fills seats nobody took with the server\'s bots once the host starts', async () => {
    const created = await api(server.url, 'POST', '/api/matches', { rounds: 2, seats: { USA: { kind: 'bot', level: 'easy' } } });
    expect(created.status).toBe(201);
    const { matchID, hostToken } = created.body;
    const joined = await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'JPN', name: 'Aiko' });
    expect(joined.status).toBe(200);
    const before = await api(server.url, 'GET', `/api/matches/${matchID}`);
    expect(before.body.started).toBe(false);
    expect(before.body.seats.find((s: { power: string }) => s.power === 'JPN').name).toBe('Aiko');
    await startMatch(server.url, matchID, hostToken);
    const human = botSeatClient(server.url, matchID, { power: 'JPN', playerID: joined.body.playerID, credentials: joined.body.credentials }, scenario());
    const final = await human.done;
    human.stop();
    expect(final.result).not.toBeNull();
  });

  it('hands a disconnected player\'s seat to its bot after the grace period, and back when they return', async () => {
    const bots = Object.fromEntries(POWERS.filter((p) => p !== 'JPN').map((p) => [p, { kind: 'bot', level: 'easy' }]));
    const { matchID, hostToken } = (await api(server.url, 'POST', '/api/matches', { rounds: 2, seats: bots, settings: { graceSeconds: 0 } })).body;
    const seat = (await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'JPN', name: 'Aiko' })).body as Seat;
    await startMatch(server.url, matchID, hostToken);
    const japan = (what: string, check: (s: { connected: boolean; away: boolean }) => boolean) =>
      untilAsync(what, async () => {
        const jpn = (await api(server.url, 'GET', `/api/matches/${matchID}`)).body.seats.find((s: { power: string }) => s.power === 'JPN');
        return check(jpn) ? jpn : null;
      });
    const connect = () => {
      const socket = io(`${server.url}/triangles`, { transports: ['websocket'], forceNew: true });
      socket.on('connect', () => socket.emit('sync', matchID, seat.playerID, seat.credentials, 6));
      return socket;
    };
    let socket = connect();
    expect(await japan('Japan at the table', (s) => s.connected)).toMatchObject({ connected: true, away: false });
    socket.close();
    expect(await japan('Japan away', (s) => s.away)).toMatchObject({ connected: false, away: true });
    socket = connect();
    expect(await japan('Japan back', (s) => !s.away)).toMatchObject({ connected: true, away: false });
    socket.close();
    // Gone again: the bot plays Japan's orders and the match finishes without them.
    await untilAsync('the match over', async () => (await server.store.fetch(matchID, { state: true })).state!.ctx.gameover);
  });

  it('fills a seat\'s missing orders with its bot when the round timer runs out', async () => {
    // The round timer runs on a clock the test moves: Korea's time is up when the test says, never before.
    const clock = manualClock(Date.now());
    const timed = await startTestServer({ limits: OPEN_LIMITS, roundClock: clock });
    const bots = Object.fromEntries(POWERS.filter((p) => p !== 'KOR').map((p) => [p, { kind: 'bot', level: 'easy' }]));
    const { matchID, hostToken } = (await api(timed.url, 'POST', '/api/matches', { rounds: 2, seats: bots, settings: { roundSeconds: 5, graceSeconds: 3600 } })).body;
    const seat = (await api(timed.url, 'POST', `/api/matches/${matchID}/join`, { power: 'KOR', name: 'Min' })).body as Seat;
    await startMatch(timed.url, matchID, hostToken);
    // Korea is at the table (connected, so no bot stands in) but never acts.
    const socket = io(`${timed.url}/triangles`, { transports: ['websocket'], forceNew: true });
    socket.on('connect', () => socket.emit('sync', matchID, seat.playerID, seat.credentials, 6));
    const stored = async () => (await timed.store.fetch(matchID, { state: true })).state!.G as SeatView;
    try {
      await untilAsync('Korea at the table', async () => (await api(timed.url, 'GET', `/api/matches/${matchID}`)).body.seats.find((s: { power: string }) => s.power === 'KOR').connected);
      // The bots play their seats and the match waits on Korea alone; the players are told
      // when that step's time runs out. (The bots may take a first step Korea is not part
      // of: the deadline follows the step.)
      const deadline = await untilAsync('the deadline of the step Korea holds up', async () => {
        const G = await stored();
        const { deadline } = (await api(timed.url, 'GET', `/api/matches/${matchID}`)).body;
        return awaiting(G).join() === 'KOR' && deadline?.step === stepKey(G) ? (deadline as { step: string; at: number }) : null;
      });
      // Five seconds from the step's start by the server's clock (which stands still here), and its alarm is set for then.
      expect(deadline.at).toBe(clock.now() + 5_000);
      expect(clock.pending()).toEqual([deadline.at]);
      const before = (await timed.store.fetch(matchID, { log: true })).log!.length;
      clock.advanceTo(deadline.at);
      await untilAsync('round 2', async () => (await stored()).round === 2);
      // Korea's orders were given by its bot, and only once the time was up.
      const { log } = await timed.store.fetch(matchID, { log: true });
      const korea = log!.findIndex((entry) => entry.action.payload.playerID === seat.playerID);
      expect(korea).toBeGreaterThanOrEqual(before);
      expect(log![korea]!.action.payload.type).toBe('submitOrders');
    } finally {
      socket.close();
      await timed.close();
    }
  });

  it("keeps a step's deadline across a restart instead of starting its time over", async () => {
    const data = tempDir();
    const clock = manualClock(Date.now());
    let first: RunningServer | null = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS, roundClock: clock });
    let second: RunningServer | null = null;
    try {
      const bots = Object.fromEntries(POWERS.filter((p) => p !== 'KOR').map((p) => [p, { kind: 'bot', level: 'easy' }]));
      const { matchID, hostToken } = (await api(first.url, 'POST', '/api/matches', { seats: bots, settings: { roundSeconds: 600, graceSeconds: 3600 } })).body;
      await api(first.url, 'POST', `/api/matches/${matchID}/join`, { power: 'KOR', name: 'Min' });
      await startMatch(first.url, matchID, hostToken);
      // Korea never acts: the match waits at the first step that needs it, under its deadline.
      const waiting = (running: RunningServer) =>
        untilAsync('the deadline of the step Korea holds up', async () => {
          const { deadline } = (await api(running.url, 'GET', `/api/matches/${matchID}`)).body;
          const G = (await running.store.fetch(matchID, { state: true })).state!.G as SeatView;
          return deadline?.step === stepKey(G) && awaiting(G).join() === 'KOR' ? (deadline as { step: string; at: number }) : null;
        });
      const before = await waiting(first);
      expect(before.at).toBe(clock.now() + 600_000);
      await first.close();
      first = null;
      // The next process starts a second later by its clock: a timer started over would end a second later too.
      const later = manualClock(clock.now() + 1000);
      second = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS, roundClock: later });
      // Its bots look at the match again and set their alarm for the deadline kept with it.
      expect(await until("the restarted server's alarm", () => (later.pending().length > 0 ? later.pending() : null))).toEqual([before.at]);
      expect(await waiting(second)).toEqual(before);
    } finally {
      await first?.close();
      await second?.close();
      data.remove();
    }
  });

  it('lists public matches that wait for players, never private ones, and never credentials', async () => {
    const open = await api(server.url, 'POST', '/api/matches', { public: true });
    const hidden = await api(server.url, 'POST', '/api/matches', { public: false });
    const list = await api(server.url, 'GET', '/api/matches');
    const ids = list.body.map((m: { matchID: string }) => m.matchID);
    expect(ids).toContain(open.body.matchID);
    expect(ids).not.toContain(hidden.body.matchID);
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(/credentials|hostKey|botSeed|seed/);
    // A private match is still reachable by its code.
    expect((await api(server.url, 'GET', `/api/matches/${hidden.body.matchID.toLowerCase()}`)).status).toBe(200);
  });

  it('refuses bad lobby requests with a message naming the problem', async () => {
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      ['POST', '/api/matches', '{not json', 400, /not valid JSON/],
      ['POST', '/api/matches', { scenario: 'atlantis' }, 400, /unknown scenario "atlantis"/],
      ['POST', '/api/matches', { colour: 'red' }, 400, /colour|unrecognized/i],
      ['POST', '/api/matches', { seats: { CHN: { kind: 'robot', level: 'easy' } } }, 400, /seats\.CHN\.kind/],
      ['POST', '/api/matches', { rounds: 99 }, 400, /rounds/],
      ['GET', '/api/matches/0OIL11', undefined, 404, /not a match code/],
      ['GET', '/api/matches/ABCDEF', undefined, 404, /no match with code ABCDEF/],
      ['DELETE', '/api/matches', undefined, 405, /not allowed/],
      ['GET', '/api/nothing', undefined, 404, /no such API route/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const answer = await api(server.url, method, path, body);
      expect([path, answer.status], JSON.stringify(answer.body)).toEqual([path, status]);
      expect(answer.body.error).toMatch(message);
    }
    const big = await api(server.url, 'POST', '/api/matches', { scenario: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const { matchID } = (await api(server.url, 'POST', '/api/matches', {})).body;
    expect((await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'CHN', name: '' })).body.error).toMatch(/name/);
    expect((await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'CHN', name: 'Li' })).status).toBe(200);
    const again = await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'CHN', name: 'Wei' });
    expect([again.status, again.body.error]).toEqual([409, 'CHN is already taken']);
    const notHost = await api(server.url, 'POST', `/api/matches/${matchID}/start`, { hostToken: 'guess' });
    expect([notHost.status, notHost.body.error]).toEqual([403, 'only the host can do that (wrong host token)']);
  });

  it('closes boardgame.io\'s own lobby routes, which would skip these checks', async () => {
    const create = await api(server.url, 'POST', '/games/triangles/create', { numPlayers: 6 });
    expect(create.status).toBe(404);
    expect((await api(server.url, 'GET', '/games/triangles')).status).toBe(404);
  });

  it('gives a seat back to the lobby when its player leaves before the start', async () => {
    const { matchID } = (await api(server.url, 'POST', '/api/matches', {})).body;
    const seat = (await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power: 'KOR', name: 'Min' })).body as Seat;
    const wrong = await api(server.url, 'POST', `/api/matches/${matchID}/leave`, { power: 'KOR', credentials: 'nope' });
    expect(wrong.status).toBe(403);
    expect((await api(server.url, 'POST', `/api/matches/${matchID}/leave`, { power: 'KOR', credentials: seat.credentials })).status).toBe(200);
    const after = await api(server.url, 'GET', `/api/matches/${matchID}`);
    expect(after.body.seats.find((s: { power: string }) => s.power === 'KOR').name).toBeNull();
    expect(POWERS).toContain('KOR');
  });
});

describe('lobby rate limits', () => {
  it('refuses a client that creates matches too fast, and keeps serving', async () => {
    const server = await startTestServer({ limits: { create: { burst: 3, perMinute: 1 }, join: { burst: 3, perMinute: 1 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await api(server.url, 'POST', '/api/matches', {})).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect((await api(server.url, 'GET', '/api/scenarios')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
