/**
 * Chat in a classroom exercise over real sockets against a running server: each team's
 * own channel, private channels between two teams, Control reading everything and
 * writing public statements, the projector reading only public lines, and Control
 * muting and unmuting channels (kept with the match, so a restarted server and another
 * process keep the mute). Students who try Control's part are refused.
 *
 * To show that a line did NOT reach a socket, a later public line is sent that does
 * reach it: one server delivers a match's lines to a socket in order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTROL_SEAT, type PowerId } from '../../src/game/powers.js';
import { lobbyOf } from '../../src/server/lobby/matchInfo.js';
import type { RunningServer } from '../../src/server/server.js';
import { chatChannels, mayRead } from '../../src/view/chatModel.js';
import { CHAT_MUTE, CHAT_SEND, CONTROL, type ChatLine, type ChatReader as Who, type ChatRefusal } from '../../src/view/chatProtocol.js';
import { joinedChat, refusalOf, sendChat, texts, type ChatReader, type ChatSeatArgs } from '../helpers/chatSockets.js';
import { api, startTestServer, tempDir, OPEN_CHAT_LIMITS, OPEN_LIMITS } from '../helpers/server.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from '../helpers/services.js';

interface Member extends ChatSeatArgs {
  power: PowerId;
  memberId: string;
}

interface Exercise {
  code: string;
  control: ChatSeatArgs;
}

async function createExercise(url: string, teams: PowerId[]): Promise<Exercise> {
  const created = await api(url, 'POST', '/api/exercises', { teamSize: 3, teams, seed: 'exercise-chat', chat: true });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  return { code: created.body.code, control: { playerID: CONTROL_SEAT, credentials: created.body.controlToken } };
}

async function joinTeam(url: string, code: string, power: PowerId, name: string): Promise<Member> {
  const joined = await api(url, 'POST', `/api/exercises/${code}/join`, { name, power });
  if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return { power, playerID: joined.body.playerID, credentials: joined.body.memberToken, memberId: joined.body.memberId };
}

const refusal = (code: ChatRefusal['code']) => expect.objectContaining({ code });

/** Every line a socket has heard, live or in its history. */
const heard = (r: ChatReader): ChatLine[] => [...r.history.lines, ...r.lines];

/** Send a public statement from Control and wait until every reader has it: whatever was sent before has arrived, or never will. */
async function barrier(control: ChatReader, code: string, readers: ChatReader[], text: string): Promise<void> {
  sendChat(control, code, 'all', text);
  for (const r of readers) await vi.waitFor(() => expect(texts(r.lines)).toContain(text));
}

describe('chat in a classroom exercise', () => {
  const data = tempDir();
  let server: RunningServer;
  let exercise: Exercise;
  let members: Record<'chn1' | 'chn2' | 'rus1' | 'rus2' | 'usa1', Member>;
  let chn1: ChatReader, chn2: ChatReader, rus1: ChatReader, rus2: ChatReader, usa1: ChatReader, control: ChatReader, projector: ChatReader;
  const everyone = () => [chn1, chn2, rus1, rus2, usa1, control, projector];
  /** Who each socket reads as, for the secrecy check at the end. */
  const readerOf = new Map<ChatReader, Who>();

  beforeAll(async () => {
    server = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS, chatLimits: OPEN_CHAT_LIMITS });
    exercise = await createExercise(server.url, ['CHN', 'RUS', 'USA']);
    const { code } = exercise;
    members = {
      chn1: await joinTeam(server.url, code, 'CHN', 'Ana'),
      chn2: await joinTeam(server.url, code, 'CHN', 'Bo'),
      rus1: await joinTeam(server.url, code, 'RUS', 'Cai'),
      rus2: await joinTeam(server.url, code, 'RUS', 'Dee'),
      usa1: await joinTeam(server.url, code, 'USA', 'Eli'),
    };
    [chn1, chn2, rus1, rus2, usa1] = (await Promise.all(Object.values(members).map((m) => joinedChat(server.url, code, m)))) as [ChatReader, ChatReader, ChatReader, ChatReader, ChatReader];
    control = await joinedChat(server.url, code, exercise.control);
    projector = await joinedChat(server.url, code, null);
    for (const [r, who] of [[chn1, 'CHN'], [chn2, 'CHN'], [rus1, 'RUS'], [rus2, 'RUS'], [usa1, 'USA'], [control, CONTROL], [projector, null]] as const) readerOf.set(r, who);
  });
  afterAll(async () => {
    everyone().forEach((r) => r.socket.close());
    await server.close();
    data.remove();
  });

  it('gives a member its team channel, Control every channel and the projector only the public one', () => {
    expect(chn1.history.channels).toEqual(['public', 'team:CHN', 'CHN+RUS', 'CHN+PRK', 'CHN+USA', 'CHN+JPN', 'CHN+KOR']);
    expect(control.history.channels).toEqual(chatChannels(CONTROL, true));
    expect(control.history.channels).toHaveLength(22);
    expect(projector.history.channels).toEqual(['public']);
    expect(chn1.history.muted).toEqual([]);
  });

  it("delivers a team line to that team's devices and Control only", async () => {
    sendChat(chn1, exercise.code, 'team', 'Our plan: aid to Russia');
    await barrier(control, exercise.code, everyone(), 'Control: round one begins');
    for (const r of [chn1, chn2, control]) expect(texts(r.lines)).toEqual(['Our plan: aid to Russia', 'Control: round one begins']);
    for (const r of [rus1, rus2, usa1, projector]) expect(texts(r.lines)).toEqual(['Control: round one begins']);
    expect(chn2.lines[0]).toMatchObject({ channel: 'team:CHN', from: 'CHN' });
    expect(control.lines[1]).toMatchObject({ channel: 'public', from: CONTROL });
  });

  it('delivers a line between two teams to both teams and Control, not to a third team or the projector', async () => {
    sendChat(rus2, exercise.code, 'CHN', 'Deal?');
    await barrier(control, exercise.code, everyone(), 'Control: five minutes left');
    for (const r of [chn1, chn2, rus1, rus2, control]) expect(texts(r.lines)).toContain('Deal?');
    for (const r of [usa1, projector]) expect(texts(r.lines)).not.toContain('Deal?');
    expect(rus1.lines.find((l) => l.text === 'Deal?')).toMatchObject({ channel: 'CHN+RUS', from: 'RUS' });
  });

  it('filters the history of a device joining later the same way', async () => {
    const late = await joinedChat(server.url, exercise.code, members.rus1);
    expect(texts(late.history.lines)).toEqual(['Control: round one begins', 'Deal?', 'Control: five minutes left']);
    const lateControl = await joinedChat(server.url, exercise.code, exercise.control);
    expect(texts(lateControl.history.lines)).toEqual(['Our plan: aid to Russia', 'Control: round one begins', 'Deal?', 'Control: five minutes left']);
    const lateProjector = await joinedChat(server.url, exercise.code, null);
    expect(lateProjector.history.lines.every((l) => l.channel === 'public')).toBe(true);
    [late, lateControl, lateProjector].forEach((r) => r.socket.close());
  });

  it("lets Control write public statements only, and refuses Control's part to students and the projector", async () => {
    const { code } = exercise;
    expect(await refusalOf(control, CHAT_SEND, code, { to: 'CHN', text: 'psst' })).toEqual(refusal('notControl'));
    expect(await refusalOf(control, CHAT_SEND, code, { to: 'team', text: 'psst' })).toEqual(refusal('notControl'));
    expect(await refusalOf(chn1, CHAT_MUTE, code, 'public', true)).toEqual(refusal('notControl'));
    expect(await refusalOf(rus1, CHAT_MUTE, code, 'team:RUS', true)).toEqual(refusal('notControl'));
    expect(await refusalOf(projector, CHAT_MUTE, code, 'public', true)).toEqual(refusal('notControl'));
    expect(await refusalOf(control, CHAT_MUTE, code, 'RUS+CHN', true)).toEqual(refusal('malformed'));
    expect(await refusalOf(control, CHAT_MUTE, code, 'team:XXX', true)).toEqual(refusal('malformed'));
    expect(await refusalOf(control, CHAT_MUTE, code, 'public', 'yes')).toEqual(refusal('malformed'));
    // A student's token is not Control's.
    const impostor = await joinedChat(server.url, code, null);
    expect(await refusalOf(impostor, 'triangles:chat:join', code, CONTROL_SEAT, members.chn1.credentials)).toEqual(refusal('credentials'));
    impostor.socket.close();
    const { metadata } = await server.store.fetch(code, { metadata: true });
    expect(lobbyOf(metadata)!.exercise!.muted ?? []).toEqual([]);
  });

  it('mutes a team channel: its team hears of it and is refused, other teams hear nothing; the rest of the chat goes on', async () => {
    const { code } = exercise;
    control.socket.emit(CHAT_MUTE, code, 'team:CHN', true);
    for (const r of [chn1, chn2, control]) await vi.waitFor(() => expect(r.muted.at(-1)).toEqual(['team:CHN']));
    const stored = (await server.store.listChat(code)).length;
    expect(await refusalOf(chn2, CHAT_SEND, code, { to: 'team', text: 'still there?' })).toEqual(refusal('muted'));
    expect(await server.store.listChat(code)).toHaveLength(stored);
    sendChat(chn2, code, 'all', 'China speaks publicly');
    await barrier(control, code, everyone(), 'Control: noted');
    for (const r of everyone()) expect(texts(r.lines)).toContain('China speaks publicly');
    // Nobody outside China's team (and Control) was told that its channel is muted.
    for (const r of [rus1, rus2, usa1, projector]) expect(r.muted).toEqual([]);
  });

  it("mutes the public channel for students but not for Control's statements", async () => {
    const { code } = exercise;
    control.socket.emit(CHAT_MUTE, code, 'public', true);
    for (const r of everyone()) await vi.waitFor(() => expect(r.muted.at(-1)).toContain('public'));
    expect(projector.muted.at(-1)).toEqual(['public']);
    expect(await refusalOf(usa1, CHAT_SEND, code, { to: 'all', text: 'objection!' })).toEqual(refusal('muted'));
    await barrier(control, code, everyone(), 'Control: silence, please');
    control.socket.emit(CHAT_MUTE, code, 'public', false);
    for (const r of everyone()) await vi.waitFor(() => expect(r.muted.at(-1)).not.toContain('public'));
    sendChat(usa1, code, 'all', 'thank you');
    for (const r of everyone()) await vi.waitFor(() => expect(texts(r.lines)).toContain('thank you'));
  });

  it('closes the chat of a member Control moves to another team, so they stop hearing the old team', async () => {
    const { code } = exercise;
    control.socket.emit(CHAT_MUTE, code, 'team:CHN', false);
    await vi.waitFor(() => expect(chn1.muted.at(-1)).toEqual([]));
    const closed = new Promise<void>((resolve) => chn2.socket.once('disconnect', () => resolve()));
    const moved = await api(server.url, 'POST', `/api/exercises/${code}/move`, { controlToken: exercise.control.credentials, member: members.chn2.memberId, power: 'USA' });
    expect(moved.status).toBe(200);
    await closed;
    sendChat(chn1, code, 'team', 'Bo has left us');
    await vi.waitFor(() => expect(texts(control.lines)).toContain('Bo has left us'));
    expect(texts(chn2.lines)).not.toContain('Bo has left us');
    // Their token now opens USA's seat: they hear USA's team channel.
    const again = await joinedChat(server.url, code, { playerID: '3', credentials: members.chn2.credentials });
    expect(again.history.channels).toContain('team:USA');
    expect(texts(again.history.lines)).not.toContain('Our plan: aid to Russia');
    again.socket.close();
  });

  it('never gave any socket a line it may not read', () => {
    for (const r of everyone()) {
      const who = readerOf.get(r)!;
      for (const line of heard(r)) expect(mayRead(line.channel, who), `${String(who)} heard ${line.channel}`).toBe(true);
    }
    expect(heard(projector).every((l) => l.channel === 'public')).toBe(true);
    expect(heard(usa1).some((l) => l.channel === 'team:CHN' || l.channel === 'CHN+RUS')).toBe(false);
  });

  it('keeps a mute across a restart of the server', async () => {
    const { code } = exercise;
    control.socket.emit(CHAT_MUTE, code, 'CHN+RUS', true);
    await vi.waitFor(() => expect(rus1.muted.at(-1)).toEqual(['CHN+RUS']));
    everyone().forEach((r) => r.socket.close());
    await server.close();
    server = await startTestServer({ dataDir: data.dir, limits: OPEN_LIMITS, chatLimits: OPEN_CHAT_LIMITS });
    const china = await joinedChat(server.url, code, members.chn1);
    const russia = await joinedChat(server.url, code, members.rus1);
    const controlAgain = await joinedChat(server.url, code, exercise.control);
    const projectorAgain = await joinedChat(server.url, code, null);
    expect(china.history.muted).toEqual(['CHN+RUS']);
    expect(controlAgain.history.muted).toEqual(['CHN+RUS']);
    expect(projectorAgain.history.muted).toEqual([]);
    expect(await refusalOf(china, CHAT_SEND, code, { to: 'RUS', text: 'after the restart' })).toEqual(refusal('muted'));
    controlAgain.socket.emit(CHAT_MUTE, code, 'CHN+RUS', false);
    await vi.waitFor(() => expect(russia.muted.at(-1)).toEqual([]));
    sendChat(china, code, 'RUS', 'after the restart');
    await vi.waitFor(() => expect(texts(russia.lines)).toEqual(['after the restart']));
    [china, russia, controlAgain, projectorAgain].forEach((r) => r.socket.close());
  });
});

describe('a mute across two server processes (PostgreSQL + Redis)', () => {
  let one: RunningServer;
  let two: RunningServer;
  beforeAll(async () => {
    const shared = { databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, tablePrefix: uniqueName('xchat_'), limits: OPEN_LIMITS, chatLimits: OPEN_CHAT_LIMITS };
    one = await startTestServer(shared);
    two = await startTestServer(shared);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it("reaches the other process's readers and refuses their lines there", async () => {
    const exercise = await createExercise(one.url, ['JPN', 'KOR']);
    const jpn = await joinedChat(two.url, exercise.code, await joinTeam(one.url, exercise.code, 'JPN', 'Fay'));
    const kor = await joinedChat(two.url, exercise.code, await joinTeam(one.url, exercise.code, 'KOR', 'Gus'));
    const control = await joinedChat(one.url, exercise.code, exercise.control);
    control.socket.emit(CHAT_MUTE, exercise.code, 'team:JPN', true);
    await vi.waitFor(() => expect(jpn.muted.at(-1)).toEqual(['team:JPN']));
    expect(await refusalOf(jpn, CHAT_SEND, exercise.code, { to: 'team', text: 'hello?' })).toEqual(refusal('muted'));
    sendChat(jpn, exercise.code, 'KOR', 'across the wire');
    await vi.waitFor(() => expect(texts(control.lines)).toEqual(['across the wire']));
    expect(texts(kor.lines)).toEqual(['across the wire']);
    expect(kor.muted).toEqual([]);
    [jpn, kor, control].forEach((r) => r.socket.close());
  });
});
