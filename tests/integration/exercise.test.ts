/**
 * Classroom exercises on a real server over loopback (SQLite): created and joined over
 * the API, played over raw sockets by two teams of two devices, Control and a
 * projector. Every message each device receives is recorded, and the master's state
 * at each step is rebuilt from the stored log (the seed is fixed) to check that no
 * team and not the projector ever received a secret it may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botActionFor } from '../../src/bots/levels.js';
import { awaiting } from '../../src/game/actions.js';
import { CONTROL_SEAT, POWERS, type PowerId } from '../../src/game/powers.js';
import type { ControlView, GameState, Order } from '../../src/game/types.js';
import { hashToken } from '../../src/server/auth.js';
import type { RunningServer } from '../../src/server/server.js';
import { exerciseDevice } from '../helpers/exerciseDevice.js';
import { checkHeard } from '../helpers/leaks.js';
import { replayFinished } from '../helpers/replay.js';
import { until, untilAsync } from '../helpers/until.js';
import { api, startTestServer, tempDir, testScenarios, OPEN_LIMITS } from '../helpers/server.js';

const SEED = 'exercise-seed-1';
const ROUNDS = 2;
const scenario = () => testScenarios().values().next().value!;

type Device = ReturnType<typeof exerciseDevice>;

describe('classroom exercises on the server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
  });
  afterAll(() => server.close());

  it('answers a bad request with a 400 that names the field', async () => {
    expect(await api(server.url, 'POST', '/api/exercises', { teamSize: 9 })).toEqual({ status: 400, body: { error: expect.stringMatching(/^teamSize: .*8/) } });
    expect((await api(server.url, 'POST', '/api/exercises', { teamSize: 2, orderSeconds: 1 })).body.error).toMatch(/^orderSeconds: .*5/);
    expect((await api(server.url, 'POST', '/api/exercises', { teamSize: 2, teams: ['CHN', 'CHN'] })).body.error).toMatch(/teams: a power is listed twice/);
    expect((await api(server.url, 'POST', '/api/exercises', { teamSize: 2, seed: 'x', extra: 1 })).body.error).toMatch(/extra/);
    const { body } = await api(server.url, 'POST', '/api/exercises', { teamSize: 2 });
    expect((await api(server.url, 'POST', `/api/exercises/${body.code}/join`, { name: '' })).body.error).toMatch(/^name: a name is needed/);
    expect((await api(server.url, 'POST', `/api/exercises/${body.code}/join`, { name: 'A', power: 'XXX' })).status).toBe(400);
  });

  it('balances students across the teams, lets Control move them, keeps tokens out of public answers, and deletes', async () => {
    const created = await api(server.url, 'POST', '/api/exercises', { teamSize: 2, teams: ['CHN', 'RUS'], seed: 'secret-seed' });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['code', 'controlToken']);
    const { code, controlToken } = created.body;
    const join = (body: object) => api(server.url, 'POST', `/api/exercises/${code.toLowerCase()}/join`, body);
    const ann = await join({ name: 'Ann' });
    const bo = await join({ name: 'Bo' });
    expect([ann.body.power, bo.body.power, ann.body.captain, bo.body.captain]).toEqual(['CHN', 'RUS', true, true]);
    expect((await join({ name: 'Cy', power: 'KOR' })).body.error).toMatch(/KOR is played by a bot/);
    const cy = await join({ name: 'Cy', power: 'CHN' });
    expect(cy.body).toMatchObject({ power: 'CHN', playerID: '0', captain: false });
    expect((await join({ name: 'Di', power: 'CHN' })).body.error).toMatch(/CHN's team is full/);
    // The lobby's own join is not a way into an exercise.
    expect((await api(server.url, 'POST', `/api/matches/${code}/join`, { power: 'USA', name: 'Eve' })).status).toBe(409);

    expect((await api(server.url, 'POST', `/api/exercises/${code}/move`, { controlToken: 'wrong', member: ann.body.memberId, power: 'RUS' })).status).toBe(403);
    const annDevice = exerciseDevice(server.url, code, ann.body.playerID, ann.body.memberToken);
    const cyDevice = exerciseDevice(server.url, code, cy.body.playerID, cy.body.memberToken);
    await until('Ann and Cy on CHN', () => annDevice.state() && cyDevice.state());
    const moved = await api(server.url, 'POST', `/api/exercises/${code}/move`, { controlToken, member: ann.body.memberId, power: 'RUS' });
    expect(moved.status).toBe(200);
    // Ann's device stops hearing CHN (it must sync again as RUS); Cy's stays.
    await until("Ann's CHN socket closed", () => !annDevice.socket.connected);
    expect(cyDevice.socket.connected).toBe(true);
    cyDevice.socket.close();
    const team = (power: PowerId) => moved.body.teams.find((t: { power: PowerId }) => t.power === power);
    expect(team('RUS')).toMatchObject({ count: 2, members: [{ name: 'Bo', captain: true }, { name: 'Ann', captain: false }] });
    // Cy is CHN's captain now that Ann has left.
    expect(team('CHN')).toMatchObject({ count: 1, members: [{ name: 'Cy', captain: true }] });

    const shown = JSON.stringify((await api(server.url, 'GET', `/api/exercises/${code}`)).body);
    for (const secret of [controlToken, hashToken(controlToken), ann.body.memberToken, hashToken(ann.body.memberToken), 'secret-seed', 'tokenHash', 'hostKey']) expect(shown).not.toContain(secret);
    // The seed is in the state's secret part only, never in the match's record.
    expect(JSON.stringify((await server.store.fetch(code, { metadata: true })).metadata)).not.toContain('secret-seed');

    expect((await api(server.url, 'DELETE', `/api/exercises/${code}`, { controlToken: 'wrong' })).status).toBe(403);
    expect((await api(server.url, 'DELETE', `/api/exercises/${code}`, { controlToken })).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/exercises/${code}`)).status).toBe(404);
  });

  it("answers whether a Control token opens the exercise, so a page can say so before it connects", async () => {
    const { code, controlToken } = (await api(server.url, 'POST', '/api/exercises', { teamSize: 2 })).body as { code: string; controlToken: string };
    const ask = (headers: Record<string, string>, at = code) => api(server.url, 'GET', `/api/exercises/${at}/control`, undefined, headers);
    expect(await ask({ authorization: `Bearer ${controlToken}` })).toEqual({ status: 200, body: { control: true } });
    expect(await ask({ authorization: 'Bearer not-the-key' })).toEqual({ status: 200, body: { control: false } });
    expect((await ask({})).status).toBe(403);
    expect((await ask({ authorization: `Bearer ${controlToken}` }, 'ZZZZZZ')).status).toBe(404);
  });

  it('a whole exercise over sockets: shared drafts, captains, Control, the timer, and no secret to another team or the projector', async () => {
    // An orders timer far longer than the test: no step of it races the clock. The timer
    // that locks a draft in is a short one Control sets while the clock is paused.
    const created = await api(server.url, 'POST', '/api/exercises', { rounds: ROUNDS, seed: SEED, teamSize: 2, teams: ['CHN', 'USA'], orderSeconds: 600, bots: 'easy' });
    const { code, controlToken } = created.body as { code: string; controlToken: string };
    const students: Array<{ name: string; power: PowerId; playerID: string; memberToken: string; captain: boolean }> = [];
    for (const name of ['Ann', 'Bo', 'Cy', 'Di']) students.push({ name, ...(await api(server.url, 'POST', `/api/exercises/${code}/join`, { name })).body });
    expect(students.map((s) => [s.power, s.captain])).toEqual([['CHN', true], ['USA', true], ['CHN', false], ['USA', false]]);
    expect((await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Eve' })).body.error).toBe('every team is full');

    const devices = new Map<string, Device & { power: PowerId | null; captain: boolean }>();
    for (const s of students) devices.set(s.name, { ...exerciseDevice(server.url, code, s.playerID, s.memberToken), power: s.power, captain: s.captain });
    const controlDevice = exerciseDevice(server.url, code, CONTROL_SEAT, controlToken);
    const overseen = () => controlDevice.state()!.G as ControlView;
    const projector = { ...exerciseDevice(server.url, code, null), power: null, captain: false };
    const [ann, bo, cy, di] = ['Ann', 'Bo', 'Cy', 'Di'].map((n) => devices.get(n)!);
    await until('every device synced', () => [...devices.values(), controlDevice, projector].every((d) => d.state()));

    const started = await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken });
    expect(started.body.teams.filter((t: { bot: boolean }) => !t.bot).map((t: { power: PowerId }) => t.power)).toEqual(['CHN', 'USA']);

    // Captains take every decision (with the Normal bot's choice) as it comes.
    const decided = new Set<string>();
    const decideTimer = setInterval(() => {
      for (const d of [ann!, bo!]) {
        const view = d.view();
        if (view?.step.kind !== 'decide' || !awaiting(view).includes(d.power!)) continue;
        const key = `${d.power}/${view.round}/${view.step.card}`;
        if (decided.has(key)) continue;
        decided.add(key);
        const { action } = botActionFor('normal', scenario(), view, d.power!, 'decider');
        if (action.type === 'decide') d.move('decide', [action.option]);
      }
    }, 50);
    const ordersOf = (d: Device, power: PowerId): Order[] => {
      const { action } = botActionFor('normal', scenario(), d.view(), power, 'orders');
      if (action.type !== 'orders') throw new Error('expected orders');
      return action.orders;
    };

    try {
      // Round 1's orders: the server's timer is set as the step starts, from the server's time.
      const round1 = await until('round 1 orders with a timer', () => {
        const G = controlDevice.view();
        return G?.round === 1 && G.step.kind === 'orders' && G.clock?.deadline ? G : null;
      });
      const serverTimer = round1.history.at(-1)!.control?.[0];
      expect(serverTimer).toMatchObject({ kind: 'setTimer', seconds: 600 });
      expect(round1.clock!.deadline).toBe((serverTimer as { at: number }).at + 600_000);

      // Cy (not CHN's captain) drafts; Ann, the captain, sees the draft on her device.
      const chnOrders = ordersOf(cy!, 'CHN');
      cy!.move('draft', [chnOrders.slice(0, 2)]);
      await until("CHN's draft on the captain's device", () => JSON.stringify(ann!.view().seats.CHN?.draft) === JSON.stringify(chnOrders.slice(0, 2)));
      // Cy may not lock it in; Ann may.
      cy!.move('submitOrders', [chnOrders]);
      await until("the refusal of Cy's orders", () => cy!.refusals.find((r) => /captain/.test(r)));
      expect(controlDevice.view().ready).not.toContain('CHN');
      ann!.move('submitOrders', [chnOrders]);
      await until("CHN's orders locked in", () => controlDevice.view().ready.includes('CHN'));

      // USA drafts one order and never submits: the timer locks the draft in as it stands.
      const usaDraft = ordersOf(di!, 'USA').slice(0, 1);
      di!.move('draft', [usaDraft]);
      await until("USA's draft on Bo's device", () => bo!.view().seats.USA?.draft?.length === 1);

      // A student cannot give Control's commands, from their own seat or Control's.
      ann!.move('control', [{ kind: 'pause', at: Date.now() }]);
      await until("the refusal of Ann's command", () => ann!.refusals.find((r) => /only Control/.test(r)));
      const annAsControl = exerciseDevice(server.url, code, CONTROL_SEAT, students[0]!.memberToken);
      await until('connected', () => annAsControl.socket.connected);
      annAsControl.move('control', [{ kind: 'pause', at: Date.now() }]);
      await until("the refusal of Ann's sync and command as Control", () => annAsControl.refusals.some((r) => r.startsWith('sync refused')) && annAsControl.refusals.some((r) => r.startsWith('move refused')));
      expect(annAsControl.state(), 'a student token does not open the Control seat').toBeNull();
      expect(controlDevice.view().clock?.paused).toBe(false);
      annAsControl.socket.close();

      // Control pauses, puts a headline on top, adjudicates, sets a short timer and resumes; each lands.
      controlDevice.move('control', [{ kind: 'pause', at: Date.now() }]);
      await until('the pause', () => controlDevice.view().clock?.paused);
      const G = overseen();
      const injected = scenario().headlines.map((h) => h.id).find((id) => id !== G.headline && !G.secret.headlines.includes(id))!;
      controlDevice.move('control', [{ kind: 'inject', card: injected }]);
      await until('the inject', () => overseen().secret.injects?.includes(injected));
      controlDevice.move('control', [{ kind: 'adjudicate', track: 'tension', value: 4, reason: 'The class agreed talks broke down' }]);
      await until('the adjudication', () => controlDevice.view().tracks.tension === 4);
      await until('the adjudication on the projector', () => projector.view().tracks.tension === 4);
      // Set while paused, the timer waits whole for the resume: no deadline runs, nothing can advance the round.
      controlDevice.move('control', [{ kind: 'setTimer', seconds: 1, at: Date.now() }]);
      const waiting = await until('the timer set while paused', () => (controlDevice.view().clock?.left === 1000 ? controlDevice.view() : null));
      expect(waiting.clock).toEqual({ paused: true, deadline: null, left: 1000 });
      expect(waiting.round).toBe(1);
      controlDevice.move('control', [{ kind: 'resume', at: Date.now() }]);

      const record = await until('round 1 over', () => controlDevice.view().history.find((r) => r.round === 1 && r.orders.USA));
      expect(record.orders.USA!.slice(0, 1)).toEqual(usaDraft);
      expect(record.orders.USA!.slice(1)).toEqual([{ kind: 'hold' }, { kind: 'hold' }]);
      expect(record.orders.CHN).toEqual(chnOrders);
      // The timer's advance came only after the resume.
      expect(record.control?.map((c) => c.kind)).toEqual(['setTimer', 'pause', 'queueHeadline', 'adjudicate', 'setTimer', 'resume', 'advance']);

      // Round 2: the injected headline comes up; both captains lock in and the game ends.
      await until('round 2 orders', () => controlDevice.view().round === 2 && controlDevice.view().step.kind === 'orders');
      expect(controlDevice.view().headline).toBe(injected);
      ann!.move('submitOrders', [ordersOf(ann!, 'CHN')]);
      bo!.move('submitOrders', [ordersOf(bo!, 'USA')]);
      await until('the end', () => [...devices.values(), controlDevice, projector].every((d) => d.state()?.ctx.gameover !== undefined));
    } finally {
      clearInterval(decideTimer);
      [...devices.values(), controlDevice, projector].forEach((d) => d.socket.close());
    }

    const { states, last, seeds } = await replayFinished(server.store, code, scenario(), SEED, ROUNDS);
    const tokens = [controlToken, ...students.map((s) => s.memberToken)];
    let checked = 0;
    for (const d of [...devices.values(), projector]) {
      for (const message of d.heard) {
        const json = JSON.stringify(message.args);
        for (const secret of [...tokens, ...tokens.map(hashToken), 'tokenHash', '"credentials"']) expect(json).not.toContain(secret);
      }
      // Only its own seat's secrets, draft included: never another team's.
      checked += checkHeard(d.heard, states, d.power, seeds);
    }
    expect(checked).toBeGreaterThan(50);
    // The other powers were the bots'.
    expect(POWERS.filter((p) => !['CHN', 'USA'].includes(p)).every((p) => last.history[0]!.orders[p])).toBe(true);
  }, 60_000);

  it("a restarted server keeps watching a running timer, without setting it again", async () => {
    const { dir, remove } = tempDir();
    let first: RunningServer | null = await startTestServer({ dataDir: dir });
    const { code, controlToken } = (await api(first.url, 'POST', '/api/exercises', { rounds: ROUNDS, seed: SEED, teamSize: 1, teams: ['CHN'], orderSeconds: 8, bots: 'easy' })).body;
    await api(first.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' });
    await api(first.url, 'POST', `/api/exercises/${code}/start`, { controlToken });
    const stateOf = async (s: RunningServer) => (await s.store.fetch(code, { state: true })).state!.G as GameState;
    const ordersStep = async (s: RunningServer) => {
      const G = await stateOf(s);
      // Every bot has locked in: after the restart, no move will come to wake the timer.
      return G.step.kind === 'orders' && G.clock?.deadline && G.ready.length === POWERS.length - 1 ? G : null;
    };
    await untilAsync('the orders timer, only CHN to lock in', () => ordersStep(first!));
    await first.close();
    first = null;
    const second = await startTestServer({ dataDir: dir });
    try {
      const record = await untilAsync('round 1 advanced by the timer', async () => (await stateOf(second)).history.find((r) => r.round === 1 && r.orders.CHN));
      expect(record.orders.CHN).toEqual([{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }]);
      expect(record.control?.map((c) => c.kind)).toEqual(['setTimer', 'advance']);
    } finally {
      await second.close();
      remove();
    }
  }, 30_000);

  it('an exercise created without an orders timer keeps to a timer Control sets: at its end the draft is locked in', async () => {
    const { code, controlToken } = (await api(server.url, 'POST', '/api/exercises', { rounds: ROUNDS, seed: SEED, teamSize: 1, teams: ['CHN'], orderSeconds: null, bots: 'easy' })).body;
    await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' });
    await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken });
    const stateOf = async () => (await server.store.fetch(code, { state: true })).state!.G as GameState;
    // Every bot has locked in and no timer runs: only CHN's orders are awaited.
    await untilAsync('the orders step, only CHN to lock in', async () => {
      const G = await stateOf();
      return G.step.kind === 'orders' && G.ready.length === POWERS.length - 1 && !G.clock?.deadline ? G : null;
    });
    const control = exerciseDevice(server.url, code, CONTROL_SEAT, controlToken);
    try {
      await until('Control synced', () => control.state());
      control.move('control', [{ kind: 'setTimer', seconds: 1, at: Date.now() }]);
      const record = await untilAsync('round 1 advanced by the timer', async () => (await stateOf()).history.find((r) => r.round === 1 && r.orders.CHN));
      expect(record.orders.CHN).toEqual([{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }]);
      expect(record.control?.map((c) => c.kind)).toEqual(['setTimer', 'advance']);
    } finally {
      control.socket.close();
    }
  }, 30_000);
});
