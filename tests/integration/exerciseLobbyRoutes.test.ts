/**
 * An exercise is a lobby match underneath, but the plain lobby's routes that give a
 * seat up, start or change settings would hand a team to a bot: each refuses an
 * exercise, and a team whose student tried keeps being played by its students.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POWERS } from '../../src/game/powers.js';
import type { GameState } from '../../src/game/types.js';
import { botSeats, type MatchMetadata } from '../../src/server/lobby/matchInfo.js';
import type { RunningServer } from '../../src/server/server.js';
import { api, startTestServer, OPEN_LIMITS } from '../helpers/server.js';
import { untilAsync } from '../helpers/until.js';

describe("the plain lobby's routes on a classroom exercise", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: OPEN_LIMITS });
  });
  afterAll(() => server.close());

  it('refuse leave, start and settings, so a team is never handed to a bot, even once others join it', async () => {
    const created = await api(server.url, 'POST', '/api/exercises', { rounds: 2, seed: 'leave-seed', teamSize: 2, teams: ['CHN'], orderSeconds: null, bots: 'easy' });
    const { code, controlToken } = created.body as { code: string; controlToken: string };
    const ann = (await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann', power: 'CHN' })).body;
    const leave = () => api(server.url, 'POST', `/api/matches/${code}/leave`, { power: 'CHN', credentials: ann.memberToken });

    // Before the start: Control's token is the host token, but the lobby's start and settings are not the exercise's.
    expect(await api(server.url, 'POST', `/api/matches/${code}/start`, { hostToken: controlToken })).toEqual({
      status: 409,
      body: { error: `this is a classroom exercise: Control starts it at /api/exercises/${code}/start` },
    });
    const settings = await api(server.url, 'POST', `/api/matches/${code}/settings`, { hostToken: controlToken, settings: { roundSeconds: 5 } });
    expect(settings.status).toBe(409);
    expect(settings.body.error).toMatch(/^this is a classroom exercise: .*Control runs its clock/);
    expect((await leave()).status).toBe(409);
    expect((await api(server.url, 'GET', `/api/exercises/${code}`)).body).toMatchObject({ started: false, teams: [{ power: 'CHN', count: 1 }, ...POWERS.slice(1).map(() => ({}))] });

    expect((await api(server.url, 'POST', `/api/exercises/${code}/start`, { controlToken })).status).toBe(200);
    // Ann alone on CHN tries to give the seat up: she is told how to leave instead.
    expect(await leave()).toEqual({
      status: 409,
      body: { error: `this is a classroom exercise: a student leaves by closing the page, and only Control moves students (/api/exercises/${code}/move)` },
    });
    expect((await api(server.url, 'POST', `/api/exercises/${code}/join`, { name: 'Bo', power: 'CHN' })).status).toBe(200);

    // The bots lock in their powers' orders; CHN's wait for its students (no timer runs).
    const G = await untilAsync('the orders step, every bot locked in', async () => {
      const state = (await server.store.fetch(code, { state: true })).state!.G as GameState;
      return state.step.kind === 'orders' && state.ready.length === POWERS.length - 1 ? state : null;
    });
    expect(G.ready).not.toContain('CHN');
    const metadata = (await server.store.fetch(code, { metadata: true })).metadata as MatchMetadata;
    expect(metadata.triangles.away).toEqual([]);
    expect(botSeats(metadata)).not.toContain('CHN');
    expect(metadata.triangles.settings.roundSeconds).toBeNull();
  }, 30_000);
});
