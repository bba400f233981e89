/**
 * Scale-out: two server processes sharing one PostgreSQL database and Redis, with the
 * six seats of one match split between them (three clients on each), finish a game;
 * every seat, on either process, ends on the same outcome. An exercise of Control's own
 * scenario, created on one process, is played on the other, which never had it.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { api, botSeatClient, createFullMatch, startMatch, testScenarios } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../../src/cli/serverProcess.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, uniqueName } from '../helpers/services.js';

describe('two processes on PostgreSQL and Redis', () => {
  const database = uniqueName('triangles_scale_');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  });

  it('plays one match with its seats split between the processes', async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${database}`;
    const env = { PORT: '0', DATABASE_URL: url.toString(), REDIS_URL: TEST_REDIS_URL };
    servers.push(await spawnServer(env), await spawnServer(env));
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const { matchID, hostToken, seats } = await createFullMatch(a.url, { rounds: 2 });
    await startMatch(b.url, matchID, hostToken);
    const scenario = testScenarios().values().next().value!;
    const players = seats.map((seat, i) => botSeatClient(i % 2 === 0 ? a.url : b.url, matchID, seat, scenario));
    const finals = await Promise.all(players.map((p) => p.done));
    players.forEach((p) => p.stop());
    expect(finals[0]!.result).not.toBeNull();
    expect(new Set(finals.map((v) => JSON.stringify({ result: v.result, tracks: v.tracks }))).size).toBe(1);
    expect(a.output() + b.output()).not.toMatch(/update failed|Error/);
  });

  it("plays an exercise of Control's own scenario on the process that did not create it", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const yaml = readFileSync('scenarios/2024-northern-triangle.yaml', 'utf8').replace(/^id: .*$/m, 'id: class-variant');
    const created = await api(a.url, 'POST', '/api/exercises', { teamSize: 1, teams: ['CHN'], rounds: 2, scenarioYaml: yaml });
    expect(created.status).toBe(201);
    const { code, controlToken } = created.body;
    const joined = (await api(a.url, 'POST', `/api/exercises/${code}/join`, { name: 'Ann' })).body;
    // Started on B: B's bots play the five other powers; the student plays on B too.
    expect((await api(b.url, 'POST', `/api/exercises/${code}/start`, { controlToken })).status).toBe(200);
    expect((await api(b.url, 'GET', `/api/exercises/${code}/scenario`)).body.id).toMatch(/^class-variant@/);
    const scenario = testScenarios().values().next().value!;
    const student = botSeatClient(b.url, code, { power: 'CHN', playerID: joined.playerID, credentials: joined.memberToken }, scenario);
    const final = await student.done;
    student.stop();
    expect(final.result).not.toBeNull();
    expect(final.round).toBe(2);
    expect(a.output() + b.output()).not.toMatch(/update failed|does not have scenario|Error/);
  });
});
