/**
 * Chat over real sockets against a running server: who reads which line (live and in
 * the history on join), storage with the match, the host's switch, and refusals of
 * bad packets. Last, two server processes' worth (PostgreSQL + Redis) sharing a match.
 *
 * To show that a line did NOT reach a socket, a later line is sent that does reach
 * it: one server delivers a match's lines to a socket in order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import type { RunningServer } from '../../src/server/server.js';
import { CHAT_JOIN, CHAT_SEND, type ChatRefusal } from '../../src/view/chatProtocol.js';
import { chatReader, joinChat, joinedChat, refusalOf, sendChat, texts, type ChatReader as Reader } from '../helpers/chatSockets.js';
import { api, createFullMatch, startTestServer, type Seat, OPEN_LIMITS } from '../helpers/server.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from '../helpers/services.js';


/** A refusal with its code, and the server's own account of it. */
const refusal = (code: ChatRefusal['code'], detail: RegExp) => ({ code, detail: expect.stringMatching(detail) });

describe('chat', () => {
  let server: RunningServer;
  let match: { matchID: string; hostToken: string; seats: Seat[] };
  const seats: Partial<Record<PowerId, Reader>> = {};
  let spectator: Reader;
  const seat = (power: PowerId) => match.seats.find((s) => s.power === power)!;
  const all = () => [...POWERS.map((p) => seats[p]!), spectator];

  beforeAll(async () => {
    // The flood test below counts on five lines at once per seat.
    server = await startTestServer({ limits: OPEN_LIMITS, chatLimits: { burst: 5, perMinute: 30 } });
    match = await createFullMatch(server.url);
    for (const power of POWERS) seats[power] = await joinedChat(server.url, match.matchID, seat(power));
    spectator = await joinedChat(server.url, match.matchID, null);
  });
  afterAll(async () => {
    all().forEach((r) => r.socket.close());
    await server.close();
  });

  it('delivers a public line to all six seats and to a spectator', async () => {
    sendChat(seats.CHN!, match.matchID, 'all', '  Hello, table  ');
    for (const r of all()) await vi.waitFor(() => expect(texts(r.lines)).toEqual(['Hello, table']));
    const line = spectator.lines[0]!;
    expect(line).toMatchObject({ seq: 1, channel: 'public', from: 'CHN', text: 'Hello, table' });
    expect(line.at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('delivers a private CHN–RUS line to CHN and RUS only', async () => {
    sendChat(seats.RUS!, match.matchID, 'CHN', 'Just between us');
    sendChat(seats.USA!, match.matchID, 'all', 'Public again');
    for (const r of all()) await vi.waitFor(() => expect(texts(r.lines)).toContain('Public again'));
    for (const power of POWERS) {
      const expected = power === 'CHN' || power === 'RUS' ? ['Hello, table', 'Just between us', 'Public again'] : ['Hello, table', 'Public again'];
      expect(texts(seats[power]!.lines), power).toEqual(expected);
    }
    expect(texts(spectator.lines)).toEqual(['Hello, table', 'Public again']);
    expect(seats.CHN!.lines[1]).toMatchObject({ channel: 'CHN+RUS', from: 'RUS' });
  });

  it('stores every line with the match, private ones included', async () => {
    const stored = await server.store.listChat(match.matchID);
    expect(stored.map(({ seq, channel, from, text }) => ({ seq, channel, from, text }))).toEqual([
      { seq: 1, channel: 'public', from: 'CHN', text: 'Hello, table' },
      { seq: 2, channel: 'CHN+RUS', from: 'RUS', text: 'Just between us' },
      { seq: 3, channel: 'public', from: 'USA', text: 'Public again' },
    ]);
  });

  it('filters the history on join the same way', async () => {
    const rus = await joinedChat(server.url, match.matchID, seat('RUS'));
    const kor = await joinedChat(server.url, match.matchID, seat('KOR'));
    const watcher = await joinedChat(server.url, match.matchID, null);
    expect(texts(rus.history.lines)).toEqual(['Hello, table', 'Just between us', 'Public again']);
    expect(texts(kor.history.lines)).toEqual(['Hello, table', 'Public again']);
    expect(texts(watcher.history.lines)).toEqual(['Hello, table', 'Public again']);
    // An online match's seat has one person: no team channel, and the five private talks.
    expect(rus.history.channels).toEqual(['public', 'CHN+RUS', 'RUS+PRK', 'RUS+USA', 'RUS+JPN', 'RUS+KOR']);
    expect(watcher.history.channels).toEqual(['public']);
    [rus, kor, watcher].forEach((r) => r.socket.close());
  });

  it('refuses bad joins and bad lines with a reason, stores none of them, and keeps running', async () => {
    const r = await chatReader(server.url);
    const { matchID } = match;
    expect(await refusalOf(r, CHAT_SEND, matchID, { to: 'all', text: 'hi' })).toEqual(refusal('notJoined', /join the match's chat first/));
    expect(await refusalOf(r, CHAT_JOIN, matchID, '0', 'not-the-token')).toEqual(refusal('credentials', /not CHN's credentials/));
    expect(await refusalOf(r, CHAT_JOIN, matchID, '1', seat('CHN').credentials)).toEqual(refusal('credentials', /not RUS's credentials/));
    expect(await refusalOf(r, CHAT_JOIN, 'ZZZZZ9', null)).toEqual(refusal('noMatch', /no match with code ZZZZZ9/));
    expect(await refusalOf(r, CHAT_JOIN, { $ne: 1 }, null)).toEqual(refusal('malformed', /match code/));
    expect(await refusalOf(r, CHAT_JOIN, matchID, '6', match.hostToken)).toEqual(refusal('notExercise', /only a classroom exercise has Control/));
    expect(await refusalOf(r, CHAT_JOIN, matchID, '7', 'x')).toEqual(refusal('malformed', /seat from "0" to "5"/));
    await joinChat(r, matchID, null);
    expect(await refusalOf(r, CHAT_SEND, matchID, { to: 'all', text: 'hi' })).toEqual(refusal('spectator', /spectators may only read/));

    const chn = seats.CHN!;
    const bad: Array<[unknown[], ChatRefusal['code'], RegExp]> = [
      [[matchID, { to: 'ALL', text: 'hi' }], 'malformed', /"to" must be "all", "team" or one of/],
      [[matchID, { to: 'CHN', text: 'hi' }], 'malformed', /another power/],
      [[matchID, { to: 'all', text: 'x'.repeat(501) }], 'tooLong', /too long \(501 characters, at most 500\)/],
      [[matchID, { to: 'all', text: '   ' }], 'empty', /empty/],
      [[matchID, { to: 'all', text: 'two\nlines' }], 'malformed', /control characters/],
      [[matchID, { to: 'all', text: 42 }], 'malformed', /must be a string/],
      [[matchID, 'hi'], 'malformed', /must be an object/],
      [[matchID, null], 'malformed', /must be an object/],
      [['ABCDEF', { to: 'all', text: 'hi' }], 'notJoined', /join the match's chat first/],
      [[], 'malformed', /match code/],
      // A team channel, and so a line to one's team, is only in classroom exercises.
      [[matchID, { to: 'team', text: 'hi' }], 'notExercise', /only in classroom exercises/],
    ];
    for (const [args, code, detail] of bad) expect(await refusalOf(chn, CHAT_SEND, ...args), JSON.stringify(args)).toEqual(refusal(code, detail));
    expect(await server.store.listChat(matchID)).toHaveLength(3);
    // Exactly 500 characters is fine.
    sendChat(chn, matchID, 'all', 'y'.repeat(500));
    await vi.waitFor(() => expect(spectator.lines.at(-1)?.text).toHaveLength(500));
    expect((await api(server.url, 'GET', `/api/matches/${matchID}`)).status).toBe(200);
    r.socket.close();
  });

  it('refuses lines sent too fast from one seat', async () => {
    const jpn = seats.JPN!;
    const before = jpn.refusals.length;
    for (let i = 0; i < 8; i++) sendChat(jpn, match.matchID, 'KOR', `flood ${i}`);
    await vi.waitFor(() => expect(jpn.refusals.length - before).toBe(3));
    expect(jpn.refusals.slice(before)).toEqual(Array(3).fill(refusal('tooFast', /too many messages/)));
    await vi.waitFor(() => expect(texts(seats.KOR!.lines).filter((t) => t.startsWith('flood'))).toHaveLength(5));
  });

  it('refuses every line while the host has chat turned off, and delivers again once it is back on', async () => {
    const settings = (chat: boolean) => api(server.url, 'POST', `/api/matches/${match.matchID}/settings`, { hostToken: match.hostToken, settings: { chat } });
    expect((await settings(false)).status).toBe(200);
    const stored = (await server.store.listChat(match.matchID)).length;
    expect(await refusalOf(seats.PRK!, CHAT_SEND, match.matchID, { to: 'all', text: 'anyone?' })).toEqual(refusal('off', /the host has turned chat off/));
    expect(await refusalOf(seats.PRK!, CHAT_SEND, match.matchID, { to: 'RUS', text: 'psst' })).toEqual(refusal('off', /turned chat off/));
    expect(await server.store.listChat(match.matchID)).toHaveLength(stored);
    expect((await settings(true)).status).toBe(200);
    sendChat(seats.PRK!, match.matchID, 'all', 'back on');
    await vi.waitFor(() => expect(texts(spectator.lines)).toContain('back on'));
  });
});

describe('chat across two server processes (PostgreSQL + Redis)', () => {
  let one: RunningServer;
  let two: RunningServer;
  beforeAll(async () => {
    const shared = { databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, tablePrefix: uniqueName('chat_'), limits: OPEN_LIMITS };
    one = await startTestServer(shared);
    two = await startTestServer(shared);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('delivers lines to readers on the other process, filtered by seat there', async () => {
    const match = await createFullMatch(one.url);
    const seat = (power: PowerId) => match.seats.find((s) => s.power === power)!;
    const chn = await joinedChat(one.url, match.matchID, seat('CHN'));
    const rus = await joinedChat(two.url, match.matchID, seat('RUS'));
    const usa = await joinedChat(two.url, match.matchID, seat('USA'));
    const watcher = await joinedChat(two.url, match.matchID, null);
    sendChat(chn, match.matchID, 'RUS', 'across the wire');
    sendChat(chn, match.matchID, 'all', 'to everyone');
    for (const r of [rus, usa, watcher, chn]) await vi.waitFor(() => expect(texts(r.lines)).toContain('to everyone'));
    expect(texts(rus.lines)).toEqual(['across the wire', 'to everyone']);
    expect(texts(chn.lines)).toEqual(['across the wire', 'to everyone']);
    expect(texts(usa.lines)).toEqual(['to everyone']);
    expect(texts(watcher.lines)).toEqual(['to everyone']);
    [chn, rus, usa, watcher].forEach((r) => r.socket.close());
  });
});
