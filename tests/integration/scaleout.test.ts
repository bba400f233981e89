/**
 * Scale-out: two server processes sharing one PostgreSQL database and Redis, with the
 * six seats of one match split between them (three clients on each), finish a game;
 * every seat, on either process, ends on the same outcome.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { botSeatClient, createFullMatch, startMatch, testScenarios } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.js';
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
});
