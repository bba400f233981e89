/**
 * The server killed with SIGKILL in the middle of a round and started again on the
 * same port and data: the seat clients reconnect by themselves and finish the game,
 * and no move any client saw accepted is missing from the restarted server.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import { botSeatClient, createFullMatch, startMatch, tempDir, testScenarios } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../../src/cli/serverProcess.js';

describe('crash and restart', () => {
  const data = tempDir();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.stop();
    data.remove();
  });

  it('finishes the game after a SIGKILL mid-round, with no accepted move lost', async () => {
    server = await spawnServer({ PORT: '0', DATA_DIR: data.dir });
    const { port, url } = server;
    const { matchID, hostToken, seats } = await createFullMatch(url, { rounds: 3 });
    await startMatch(url, matchID, hostToken);
    const scenario = testScenarios().values().next().value!;
    const players = seats.map((seat) => botSeatClient(url, matchID, seat, scenario));

    // Wait until the match is well into its first rounds, then kill without warning.
    const highestSeen = () => Math.max(...players.map((p) => p.client.getState()?._stateID ?? 0));
    while (highestSeen() < 9) await new Promise((r) => setTimeout(r, 5));
    await server.stop('SIGKILL');
    const seenBeforeCrash = highestSeen();
    players.forEach((p) => p.retry());

    // What the dead server left on disk holds every move any client was shown (stored before broadcast).
    const disk = new SqliteStorage({ file: join(data.dir, 'triangles.sqlite') });
    await disk.connect();
    const { state } = await disk.fetch(matchID, { state: true });
    await disk.close();
    expect(state!._stateID).toBeGreaterThanOrEqual(seenBeforeCrash);

    server = await spawnServer({ PORT: String(port), DATA_DIR: data.dir });
    const finals = await Promise.all(players.map((p) => p.done));
    players.forEach((p) => p.stop());
    expect(new Set(finals.map((v) => JSON.stringify(v.result))).size).toBe(1);
    expect(finals[0]!.result).not.toBeNull();
    expect(seenBeforeCrash).toBeGreaterThanOrEqual(9);
    expect(server.output()).toMatch(/1 unfinished matches/);
  });
});
