/**
 * The server stopped in the middle of a round and started again on the same port and
 * data, on SQLite and on PostgreSQL: killed without warning (SIGKILL), and stopped the
 * ordinary way (SIGTERM, `kill PID`), which must leave its clients free to reconnect.
 * Either way the seat clients reconnect by themselves and finish the game, and no move
 * any client saw accepted is missing from the restarted server. A lost move fails the
 * test at once, naming it, and a match that stops moving fails naming where it stands,
 * instead of the test running out of time.
 */
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { awaiting, stepKey } from '../../src/game/actions.js';
import type { SeatView } from '../../src/game/types.js';
import { openStorage } from '../../src/server/storage/open.js';
import { botSeatClient, createFullMatch, startMatch, tempDir, testScenarios, type Seat } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../../src/cli/serverProcess.js';
import { TEST_DATABASE_URL, uniqueName } from '../helpers/services.js';
import { until } from '../helpers/until.js';

type Player = ReturnType<typeof botSeatClient> & { seat: Seat };

/** Where a server process keeps its matches: its settings, and a way to read what it stored once it has stopped. */
interface Data {
  env: Record<string, string>;
  dataDir: string;
  databaseUrl?: string;
}

async function sqliteData(): Promise<Data> {
  const data = tempDir();
  onTestFinished(() => data.remove());
  return { env: { DATA_DIR: data.dir }, dataDir: data.dir };
}

/** A database of its own (the process takes its settings from the environment, so no table prefix). */
async function postgresData(): Promise<Data> {
  const database = uniqueName('triangles_restart_');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  onTestFinished(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  const scratch = tempDir();
  onTestFinished(() => scratch.remove());
  return { env: { DATABASE_URL: url.toString() }, dataDir: scratch.dir, databaseUrl: url.toString() };
}

/** The state ID the stopped server left in storage for the match. */
async function storedStateID(data: Data, matchID: string): Promise<number> {
  const store = await openStorage({ dataDir: data.dataDir, databaseUrl: data.databaseUrl });
  try {
    const { state } = await store.fetch(matchID, { state: true });
    return state!._stateID;
  } finally {
    await store.close();
  }
}

/**
 * Every move some client was shown as accepted (the state it made, the seat and the
 * move) that storage does not hold: the server stores a move before it sends it, so
 * any such move was lost.
 */
function lostMoves(players: readonly Player[], stored: number): string[] {
  const lost = new Map<number, string>();
  for (const p of players) {
    for (const entry of p.client.log ?? []) {
      // A log entry carries the state ID the move was made on; it made the next one.
      const made = entry._stateID + 1;
      if (made <= stored || lost.has(made)) continue;
      const { playerID, type } = entry.action.payload as { playerID: string; type: string };
      lost.set(made, `state ${made}: seat ${playerID}'s ${type}, seen by ${p.seat.power}`);
    }
  }
  return [...lost.values()];
}

/** Where the match stands, from the client that has heard the most: for a failure message. */
function standing(players: readonly Player[]): string {
  const states = players.map((p) => p.client.getState());
  const latest = states.reduce((a, b) => ((b?._stateID ?? -1) > (a?._stateID ?? -1) ? b : a));
  const view = latest?.G as SeatView | undefined;
  const seats = players.map((p, i) => `${p.seat.power} ${states[i]?.isConnected ? 'connected' : 'offline'} at state ${states[i]?._stateID ?? 'none'}`);
  return view ? `state ${latest!._stateID} (${stepKey(view)}, waiting for ${awaiting(view).join(', ') || 'nobody'}); ${seats.join('; ')}` : seats.join('; ');
}

/** Every seat's final view; fails naming where the match stands if no client hears anything new for `quietMs`. */
function finished(players: readonly Player[], quietMs: number): Promise<SeatView[]> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`the match stopped moving for ${quietMs / 1000} s at ${standing(players)}`)), quietMs);
    };
    const unsubscribe = players.map((p) => p.client.subscribe(arm));
    Promise.all(players.map((p) => p.done)).then((finals) => {
      clearTimeout(timer);
      unsubscribe.forEach((u) => u());
      resolve(finals);
    }, reject);
  });
}

describe.each([
  ['SQLite', sqliteData],
  ['PostgreSQL', postgresData],
] as const)('stopped and restarted on %s', (_name, openData) => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('finishes the game after a %s mid-round, with no accepted move lost', async (signal) => {
    const data = await openData();
    let server: ServerProcess = await spawnServer({ PORT: '0', ...data.env });
    onTestFinished(() => server.stop());
    const { port, url } = server;
    const { matchID, hostToken, seats } = await createFullMatch(url, { rounds: 3 });
    await startMatch(url, matchID, hostToken);
    const scenario = testScenarios().values().next().value!;
    const players: Player[] = seats.map((seat) => ({ ...botSeatClient(url, matchID, seat, scenario), seat }));
    onTestFinished(() => players.forEach((p) => p.stop()));

    // Well into the first rounds, stop the server.
    const highestSeen = () => Math.max(...players.map((p) => p.client.getState()?._stateID ?? 0));
    await until(() => `the match to reach state 9 (${standing(players)})`, () => highestSeen() >= 9, 60_000);
    const stopped = server;
    await stopped.stop(signal);
    const exitCode = await stopped.exited;
    // A move in flight when the server went away was never accepted: each seat may send its move again once synced.
    players.forEach((p) => p.retry());

    // What the stopped server left in storage holds every move any client was shown (stored before broadcast).
    const stored = await storedStateID(data, matchID);
    expect(lostMoves(players, stored), `moves clients saw accepted but storage (at state ${stored}) lacks`).toEqual([]);
    if (signal === 'SIGTERM') {
      // Stopped the ordinary way: a clean exit, no write cut off as the store closed.
      expect(exitCode, stopped.output()).toBe(0);
      expect(stopped.output()).not.toMatch(/Error|update failed/);
    }

    server = await spawnServer({ PORT: String(port), ...data.env });
    // The clients come back by themselves (socket.io retries at most every 5 s) and sync what the server stored.
    await until(
      () => `every seat to reconnect after the restart: ${standing(players)}`,
      () => players.every((p) => p.client.getState()?.isConnected && p.client.getState()!._stateID >= stored),
      60_000,
    );
    const finals = await finished(players, 30_000);
    expect(new Set(finals.map((v) => JSON.stringify(v.result))).size).toBe(1);
    expect(finals[0]!.result).not.toBeNull();
    expect(server.output()).toMatch(/1 unfinished matches/);
  });
});
