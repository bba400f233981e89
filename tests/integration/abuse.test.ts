/**
 * One visitor must not be able to take the server down (issue 12): what a move may
 * carry, the rate limits on moves, syncs, lookups, joins and chat, what a sync sends and
 * how much a match may store, each tried over real sockets and HTTP against a running
 * server. The rate limits are tried on a server that trusts X-Forwarded-For, so each
 * pretend client has its own address; every refusal is waited for as it arrives.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaiting, legalChoices } from '../../src/game/actions.js';
import { CONTROL_SEAT, POWERS, type PowerId } from '../../src/game/powers.js';
import type { SeatView } from '../../src/game/types.js';
import type { RunningServer } from '../../src/server/server.js';
import { MAX_MOVE_ARGUMENT, MAX_REFUSALS } from '../../src/server/socketGuard.js';
import { CHAT_REFUSED, CHAT_SEND } from '../../src/view/chatProtocol.js';
import { joinedChat, texts } from '../helpers/chatSockets.js';
import { exerciseDevice } from '../helpers/exerciseDevice.js';
import { connected, nextRefusal, rawSocket } from '../helpers/rawSocket.js';
import { api, createFullMatch, startMatch, startTestServer, testScenarios, OPEN_CHAT_LIMITS, OPEN_LIMITS, type Seat } from '../helpers/server.js';
import { until } from '../helpers/until.js';

type Device = ReturnType<typeof exerciseDevice>;

const HOLDS = [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }];
const scenario = () => testScenarios().values().next().value!;

/** A move as boardgame.io's client sends it, with whatever arguments a modified one puts in. */
function moveOf(seat: { playerID: string; credentials: string }, type: string, args: unknown[]) {
  return { type: 'MAKE_MOVE', payload: { type, args, playerID: seat.playerID, credentials: seat.credentials } };
}

/** Every socket message until `count` refusals have come (in order). */
function refusals(socket: Socket, count: number): Promise<string[]> {
  const heard: string[] = [];
  return new Promise((resolve) => {
    const listener = (why: string) => {
      heard.push(why);
      if (heard.length < count) return;
      socket.off('triangles:refused', listener);
      resolve(heard);
    };
    socket.on('triangles:refused', listener);
  });
}

/** A device's own choice in the decision it is due to make (the first option). */
function decideIfDue(device: Device, power: PowerId): boolean {
  const view = device.view();
  if (!view || !awaiting(view).includes(power)) return false;
  const choices = legalChoices(scenario(), view, power);
  if (!('options' in choices)) return false;
  device.move('decide', [choices.options[0]]);
  return true;
}

async function storedMoves(server: RunningServer, matchID: string): Promise<{ stateID: number; log: unknown[] }> {
  const { state, log } = await server.store.fetch(matchID, { state: true, log: true });
  return { stateID: state!._stateID, log: log! };
}

describe('what a move may carry, and what a sync sends', () => {
  let server: RunningServer;
  let match: { matchID: string; hostToken: string; seats: Seat[] };
  let devices: Device[];
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
    match = await createFullMatch(server.url);
    devices = match.seats.map((seat) => exerciseDevice(server.url, match.matchID, seat.playerID, seat.credentials));
    await until('every seat synced', () => devices.every((d) => d.state()));
    await startMatch(server.url, match.matchID, match.hostToken);
    // Round 1 opens with a headline decision; its powers decide, then every seat gives orders.
    match.seats.forEach((seat, i) => decideIfDue(devices[i]!, seat.power));
    await until('the orders step', () => devices.every((d) => d.view()?.step.kind === 'orders'));
  });
  afterAll(async () => {
    devices.forEach((d) => d.socket.close());
    await server.close();
  });

  it('refuses a move with more than its one argument, or with fields of its own, and stores nothing of it', async () => {
    const [chn] = match.seats;
    const socket = rawSocket(server.url);
    await connected(socket);
    const before = await storedMoves(server, match.matchID);
    const junk = 'x'.repeat(60_000);
    const heard = refusals(socket, 4);
    socket.emit('update', moveOf(chn!, 'submitOrders', [HOLDS, junk]), before.stateID, match.matchID, chn!.playerID);
    socket.emit('update', moveOf(chn!, 'submitOrders', []), before.stateID, match.matchID, chn!.playerID);
    socket.emit('update', { ...moveOf(chn!, 'submitOrders', [HOLDS]), junk }, before.stateID, match.matchID, chn!.playerID);
    const withField = moveOf(chn!, 'submitOrders', [HOLDS]);
    socket.emit('update', { ...withField, payload: { ...withField.payload, junk } }, before.stateID, match.matchID, chn!.playerID);
    expect(await heard).toEqual([
      'move refused: a move takes exactly one argument, not 2',
      'move refused: a move takes exactly one argument, not 0',
      'move refused: the move has an unknown field "junk"',
      'move refused: the move has an unknown field "junk"',
    ]);
    expect(await storedMoves(server, match.matchID)).toEqual(before);
    socket.close();
  });

  it('closes a connection that goes on sending what is refused, and only that one', async () => {
    const [chn] = match.seats;
    const socket = rawSocket(server.url);
    await connected(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const farewell = `this connection sent ${MAX_REFUSALS} refused messages and is closed`;
    const said: string[] = [];
    const heard = new Promise<void>((resolve) =>
      socket.on('triangles:refused', (why: string) => {
        said.push(why);
        if (why === farewell) resolve();
      }),
    );
    for (let i = 0; i < MAX_REFUSALS + 20; i++) socket.emit('update', moveOf(chn!, 'submitOrders', []), 0, match.matchID, chn!.playerID);
    await heard;
    // Every packet already on its way is still answered; then the connection is told why, and closed.
    const refused = said.slice(0, -1);
    expect(refused.length).toBeGreaterThanOrEqual(MAX_REFUSALS);
    expect(new Set(refused)).toEqual(new Set(['move refused: a move takes exactly one argument, not 0']));
    // Closed by the server, not by a lost transport: a client of ours would not have earned it.
    expect(await closed).toBe('io server disconnect');
    // The seat's own device, on its own connection, is still heard.
    const chnDevice = devices[0]!;
    const before = chnDevice.state()!._stateID;
    chnDevice.move('draft', [[{ kind: 'hold' }]]);
    await until("CHN's draft on its own connection", () => chnDevice.state()!._stateID > before);
  });

  it('sends a syncing seat its view and no log, a stranger with wrong credentials nothing, a spectator a spectator\'s view', async () => {
    expect((await storedMoves(server, match.matchID)).log.length).toBeGreaterThan(0);
    const [chn] = match.seats;
    const synced = (socket: Socket) => new Promise<{ state: { G: SeatView }; log?: unknown }>((resolve) => socket.once('sync', (_id: string, info) => resolve(info)));
    const seat = rawSocket(server.url);
    await connected(seat);
    const seatSync = synced(seat);
    seat.emit('sync', match.matchID, chn!.playerID, chn!.credentials, 6);
    const info = await seatSync;
    expect(info.state.G.viewer).toBe('CHN');
    expect(info.log).toBeUndefined();

    const stranger = rawSocket(server.url);
    await connected(stranger);
    let strangerSynced = false;
    stranger.once('sync', () => (strangerSynced = true));
    const refused = nextRefusal(stranger);
    stranger.emit('sync', match.matchID, chn!.playerID, 'not-the-credentials', 6);
    expect(await refused).toMatch(/^sync refused: those credentials do not open seat 0/);
    const spectatorSync = synced(stranger);
    stranger.emit('sync', match.matchID, null, undefined, 6);
    const watched = await spectatorSync;
    expect(strangerSynced).toBe(true);
    expect([watched.state.G.viewer, watched.state.G.seats, watched.log]).toEqual([null, {}, undefined]);
    seat.close();
    stranger.close();
  });

  it('stores nothing for a team draft sent again unchanged', async () => {
    const [, , , usa] = devices;
    const at = usa!.state()!._stateID;
    usa!.move('draft', [[{ kind: 'hold' }]]);
    await until('the first draft', () => usa!.view()?.seats.USA?.draft?.length === 1);
    usa!.move('draft', [[{ kind: 'hold' }]]);
    usa!.move('draft', [[{ kind: 'hold' }, { kind: 'hold' }]]);
    // The later draft arrives after the unchanged one was dealt with (one socket, one match queue).
    await until('the second draft', () => usa!.view()?.seats.USA?.draft?.length === 2);
    const stored = await storedMoves(server, match.matchID);
    expect(stored.stateID).toBe(at + 2);
    const usaSeat = match.seats[3]!.playerID;
    const drafts = (stored.log as Array<{ action: { payload: { type: string; playerID: string } } }>).filter(
      (entry) => entry.action.payload.type === 'draft' && entry.action.payload.playerID === usaSeat,
    );
    expect(drafts).toHaveLength(2);
  });
});

describe("Control's commands: the largest legal move goes through, a padded one does not", () => {
  let server: RunningServer;
  let control: Device;
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS, chatLimits: OPEN_CHAT_LIMITS });
  });
  afterAll(async () => {
    control?.socket.close();
    await server.close();
  });

  it('takes the largest inject the rules allow and refuses one padded past the bound', async () => {
    const created = await api(server.url, 'POST', '/api/exercises', { rounds: 2, seed: 'abuse-inject', teamSize: 1, teams: ['CHN'], bots: 'easy' });
    const { code, controlToken } = created.body as { code: string; controlToken: string };
    // A member who never moves holds the match at CHN's orders.
    expect((await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' })).status).toBe(200);
    control = exerciseDevice(server.url, code, CONTROL_SEAT, controlToken);
    await until('Control synced', () => control.state());
    expect((await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken })).status).toBe(200);

    // Every character of title and text escaped in JSON ("\u0001" is six), ten effects of the longest kind.
    const largest = {
      kind: 'inject',
      title: '\u0001'.repeat(120),
      text: '\u0001'.repeat(2000),
      effects: Array.from({ length: 10 }, (_, i) => ({ setFlag: `${i}${'f'.repeat(63)}` })),
    };
    const size = JSON.stringify(largest).length;
    console.log(`the largest legal inject is ${size} characters of JSON; the bound is ${MAX_MOVE_ARGUMENT}`);
    expect(size).toBeLessThanOrEqual(MAX_MOVE_ARGUMENT);
    const before = control.state()!._stateID;
    control.move('control', [largest]);
    await until('the inject applied', () => control.state()!._stateID > before);
    expect(control.refusals).toEqual([]);

    // Legal to the rules (the text is trimmed), but stored as sent: refused before it gets there.
    const stored = await storedMoves(server, code);
    const refused = nextRefusal(control.socket);
    control.move('control', [{ kind: 'inject', title: 'Padded', text: `news${' '.repeat(MAX_MOVE_ARGUMENT)}`, effects: [] }]);
    expect(await refused).toMatch(/^move refused: the move's argument is \d+ characters of JSON, more than the 16384/);
    expect(await storedMoves(server, code)).toEqual(stored);
  });
});

describe('rate limits, per seat and per client address', () => {
  let server: RunningServer;
  let last = 0;
  /** Each pretend client comes from an address of its own, which the proxy adds last in X-Forwarded-For. */
  const from = (claimed = '10.0.0.1') => ({ 'x-forwarded-for': `${claimed}, 203.0.113.${++last}` });
  const rate = (burst: number) => ({ burst, perMinute: 1 });
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: true,
      // A match's host makes six joins and a start: under the join and lookup limits.
      limits: { ...OPEN_LIMITS, seatMoves: rate(5), addressMoves: rate(10), seatSyncs: rate(3), addressSyncs: rate(6), lookup: rate(8), join: rate(6), chat: rate(5) },
    });
  });
  afterAll(() => server.close());

  /** A started match of six seats, made from an address of its own. */
  async function startedMatch() {
    const host = from();
    const match = await createFullMatch(server.url, {}, host);
    await startMatch(server.url, match.matchID, match.hostToken, host);
    const seat = (power: PowerId) => match.seats.find((s) => s.power === power)!;
    /** A device of a seat, at its own address, synced. */
    const device = async (power: PowerId) => {
      const d = exerciseDevice(server.url, match.matchID, seat(power).playerID, seat(power).credentials, from());
      await until(`${power} synced`, () => d.state());
      return d;
    };
    return { ...match, seat, device };
  }

  it("refuses a seat's moves past its limit, on every device of the seat, while another seat moves", async () => {
    const match = await startedMatch();
    // Round 1's headline is RUS's and PRK's to decide.
    const [rus, rusAgain, prk] = [await match.device('RUS'), await match.device('RUS'), await match.device('PRK')];
    const flood = refusals(rus.socket, 3);
    for (let i = 0; i < 8; i++) rus.move('decide', ['no-such-option']);
    expect(await flood).toEqual(Array(3).fill('move refused: too many moves for this seat; wait a moment'));
    const again = nextRefusal(rusAgain.socket);
    rusAgain.move('decide', ['no-such-option']);
    expect(await again).toBe('move refused: too many moves for this seat; wait a moment');

    const before = prk.state()!._stateID;
    expect(decideIfDue(prk, 'PRK')).toBe(true);
    await until("PRK's decision", () => prk.state()!._stateID > before);
    expect(prk.refusals).toEqual([]);
    [rus, rusAgain, prk].forEach((d) => d.socket.close());
  });

  it("refuses an address's moves past its limit, whatever it writes in X-Forwarded-For, while another address's go through", async () => {
    const match = await startedMatch();
    const address = from()['x-forwarded-for'].split(', ')[1]!;
    const one = rawSocket(server.url, { 'x-forwarded-for': `10.0.0.7, ${address}` });
    const two = rawSocket(server.url, { 'x-forwarded-for': `10.0.0.8, ${address}` });
    await Promise.all([connected(one), connected(two)]);
    const stranger = { playerID: match.seat('RUS').playerID, credentials: 'guessed' };
    const heard = refusals(one, 10);
    for (let i = 0; i < 10; i++) one.emit('update', moveOf(stranger, 'decide', ['no-such-option']), 0, match.matchID, stranger.playerID);
    expect(await heard).toEqual(Array(10).fill('move refused: those credentials do not open seat 1'));
    const limited = nextRefusal(two);
    two.emit('update', moveOf(stranger, 'decide', ['no-such-option']), 0, match.matchID, stranger.playerID);
    expect(await limited).toBe('move refused: too many moves from this address; wait a moment');
    [one, two].forEach((s) => s.close());

    // The stranger spent nothing of RUS's own budget: RUS's player, elsewhere, decides.
    const rus = await match.device('RUS');
    const before = rus.state()!._stateID;
    expect(decideIfDue(rus, 'RUS')).toBe(true);
    await until("RUS's decision", () => rus.state()!._stateID > before);
    expect(rus.refusals).toEqual([]);
    rus.socket.close();
  });

  it("refuses a seat's and an address's syncs past their limits, and still syncs others", async () => {
    const match = await startedMatch();
    const socket = rawSocket(server.url, from());
    await connected(socket);
    let syncs = 0;
    socket.on('sync', () => syncs++);
    const heard = refusals(socket, 2);
    for (let i = 0; i < 5; i++) socket.emit('sync', match.matchID, match.seat('JPN').playerID, match.seat('JPN').credentials, 6);
    expect(await heard).toEqual(Array(2).fill('sync refused: too many syncs for this seat; wait a moment'));
    await until('three syncs answered', () => syncs === 3);

    const watcher = rawSocket(server.url, from());
    await connected(watcher);
    const watched = refusals(watcher, 2);
    for (let i = 0; i < 8; i++) watcher.emit('sync', match.matchID, null, undefined, 6);
    expect(await watched).toEqual(Array(2).fill('sync refused: too many syncs from this address; wait a moment'));

    const kor = rawSocket(server.url, from());
    await connected(kor);
    const synced = new Promise((resolve) => kor.once('sync', resolve));
    kor.emit('sync', match.matchID, match.seat('KOR').playerID, match.seat('KOR').credentials, 6);
    expect(await synced).toBe(match.matchID);
    [socket, watcher, kor].forEach((s) => s.close());
  });

  it('refuses lookups of match codes past the limit on every route that takes one, and joins past theirs', async () => {
    const match = await startedMatch();
    const guesser = from();
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await api(server.url, 'GET', `/api/matches/ABCDE${'23456789A'[i]}`, undefined, guesser)).status);
    expect(statuses).toEqual([...Array(8).fill(404), 429]);
    expect((await api(server.url, 'GET', `/api/exercises/${match.matchID}`, undefined, guesser)).status).toBe(429);
    expect((await api(server.url, 'GET', '/api/matches', undefined, guesser)).status).toBe(429);
    expect((await api(server.url, 'GET', `/api/matches/${match.matchID}`, undefined, from())).status).toBe(200);

    const { matchID } = (await api(server.url, 'POST', '/api/matches', {}, from())).body as { matchID: string };
    const joiner = from();
    const joins: number[] = [];
    for (const power of [...POWERS, 'CHN']) joins.push((await api(server.url, 'POST', `/api/matches/${matchID}/join`, { power, name: 'Flood' }, joiner)).status);
    expect(joins).toEqual([...Array(6).fill(200), 429]);
  });

  it("shares a seat's chat budget between all its sockets", async () => {
    const match = await startedMatch();
    const spectator = await joinedChat(server.url, match.matchID, null, from());
    const sockets = [];
    for (let i = 0; i < 10; i++) sockets.push(await joinedChat(server.url, match.matchID, match.seat('USA'), from()));
    const refused: string[] = [];
    for (const r of sockets) r.socket.on(CHAT_REFUSED, (why: { code: string }) => refused.push(why.code));
    sockets.forEach((r, i) => r.socket.emit(CHAT_SEND, match.matchID, { to: 'all', text: `line ${i}` }));
    await until('five lines refused', () => refused.length === 5);
    await until('five lines delivered', () => texts(spectator.lines).length === 5);
    expect(refused).toEqual(Array(5).fill('tooFast'));
    [spectator, ...sockets].forEach((r) => r.socket.close());
  });
});

describe("a bound on a match's stored moves", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { ...OPEN_LIMITS, matchMoves: 1 } });
  });
  afterAll(() => server.close());

  it('refuses moves once the match has stored as many as a match may', async () => {
    const match = await createFullMatch(server.url);
    await startMatch(server.url, match.matchID, match.hostToken);
    // Round 1's headline: RUS and PRK decide; the first decision is the one move this match may store.
    const [rus, prk] = ['RUS', 'PRK'].map((power) => {
      const s = match.seats.find((x) => x.power === power)!;
      return exerciseDevice(server.url, match.matchID, s.playerID, s.credentials);
    });
    await until('the seats synced', () => rus!.state() && prk!.state());
    expect(decideIfDue(rus!, 'RUS')).toBe(true);
    await until("RUS's decision", () => prk!.state()!._stateID === 1);
    const refused = nextRefusal(prk!.socket);
    expect(decideIfDue(prk!, 'PRK')).toBe(true);
    expect(await refused).toBe('move refused: this match has stored 1 moves, the most a match may (MAX_MATCH_MOVES); it takes no more');
    expect((await storedMoves(server, match.matchID)).stateID).toBe(1);
    [rus, prk].forEach((d) => d!.socket.close());
  });
});
