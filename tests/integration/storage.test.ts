/**
 * One conformance suite for every match storage: the SQLite file and PostgreSQL, both
 * real. Each test gets a database of its own (a fresh file, or freshly prefixed tables)
 * and may open several connections to it, as several server processes would.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { LogEntry, State } from 'boardgame.io';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/server/storage/open.js';
import { PostgresStorage } from '../../src/server/storage/postgres.js';
import { tableNames } from '../../src/server/storage/schema.js';
import { SqliteStorage } from '../../src/server/storage/sqlite.js';
import { StaleStateError } from '../../src/server/storage/staleState.js';
import type { MatchStore } from '../../src/server/storage/types.js';
import { dropTables, TEST_DATABASE_URL, uniqueName } from '../helpers/services.js';
import { newMatch, nextMove } from '../helpers/storedMatch.js';

/** One isolated database: `connect` opens another connection to it, `drop` removes it. */
interface TestDatabase {
  connect(): MatchStore;
  drop(): Promise<void>;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'triangles-storage-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const ADAPTERS: [string, () => TestDatabase][] = [
  ['SQLite', () => {
    const file = join(scratch, uniqueName('db_'), 'matches.sqlite');
    return { connect: () => new SqliteStorage({ file }), drop: () => rm(file, { force: true }) };
  }],
  ['PostgreSQL', () => {
    const tablePrefix = `${uniqueName('t')}_`;
    return {
      connect: () => new PostgresStorage({ connectionString: TEST_DATABASE_URL, tablePrefix }),
      drop: () => dropTables(tablePrefix),
    };
  }],
];

describe.each(ADAPTERS)('%s storage', (_name, makeDatabase) => {
  let database: TestDatabase;
  let opened: MatchStore[];
  let store: MatchStore;

  /** Another connection to this test's database, closed after the test. */
  async function connection(): Promise<MatchStore> {
    const another = database.connect();
    opened.push(another);
    await another.connect();
    return another;
  }

  beforeEach(async () => {
    database = makeDatabase();
    opened = [];
    store = await connection();
  });
  afterEach(async () => {
    await Promise.all(opened.map((each) => each.close()));
    await database.drop();
  });

  /** Creates a match and stores `moves` moves on it, one log entry each. */
  async function playedMatch(matchID: string, moves: number): Promise<{ state: State; log: LogEntry[] }> {
    const match = newMatch();
    await store.createMatch(matchID, match);
    let state = match.initialState;
    const log: LogEntry[] = [];
    for (let i = 0; i < moves; i++) {
      const next = nextMove(state);
      await store.setState(matchID, next.state, [next.entry]);
      state = next.state;
      log.push(next.entry);
    }
    return { state, log };
  }

  it('creates a match and fetches each field on its own, and nothing it was not asked for', async () => {
    const match = newMatch();
    await store.createMatch('m1', match);

    expect(await store.fetch('m1', { state: true })).toEqual({ state: match.initialState });
    expect(await store.fetch('m1', { initialState: true })).toEqual({ initialState: match.initialState });
    expect(await store.fetch('m1', { metadata: true })).toEqual({ metadata: match.metadata });
    expect(await store.fetch('m1', { log: true })).toEqual({ log: [] });
    expect(await store.fetch('m1', {})).toEqual({});
    expect(await store.fetch('m1', { state: true, metadata: true, log: true, initialState: true }))
      .toEqual({ state: match.initialState, metadata: match.metadata, log: [], initialState: match.initialState });
  });

  it('answers a fetch of an unknown match with no state and an empty log, as the server expects', async () => {
    const fetched = await store.fetch('nobody', { state: true, metadata: true, log: true });
    expect(fetched.state).toBeUndefined();
    expect(fetched.metadata).toBeUndefined();
    expect(fetched.log).toEqual([]);
  });

  it('refuses to create a match that already exists', async () => {
    await store.createMatch('m1', newMatch());
    await expect(store.createMatch('m1', newMatch())).rejects.toThrow('match m1 already exists');
  });

  it('appends each deltalog to the stored log and keeps the initial state', async () => {
    const match = newMatch();
    await store.createMatch('m1', match);
    const first = nextMove(match.initialState);
    const second = nextMove(first.state);
    const third = nextMove(second.state);
    const fourth = nextMove(third.state);
    await store.setState('m1', first.state, [first.entry]);
    await store.setState('m1', second.state, [second.entry, third.entry]);
    await store.setState('m1', third.state);
    await store.setState('m1', fourth.state, []);

    expect(await store.fetch('m1', { state: true, log: true, initialState: true })).toEqual({
      state: fourth.state,
      log: [first.entry, second.entry, third.entry],
      initialState: match.initialState,
    });
  });

  it('stores metadata whole, extra fields included, and refuses metadata for an unknown match', async () => {
    await store.createMatch('m1', newMatch());
    const metadata = {
      ...newMatch().metadata,
      players: { 0: { id: 0, name: 'Alice', credentials: 'secret', isConnected: true }, 1: { id: 1 } },
      gameover: { winner: '0' },
      updatedAt: 1234,
      triangles: { host: '0', seats: { 1: { bot: 'hard' } }, private: true, chatEnabled: false },
    };
    await store.setMetadata('m1', metadata);

    expect(await store.fetch('m1', { metadata: true })).toEqual({ metadata });
    await expect(store.setMetadata('nobody', metadata)).rejects.toThrow('setMetadata: no match nobody');
  });

  it('lists matches by game name, game over, and updated before and after (strictly)', async () => {
    await store.createMatch('early', newMatch('triangles', { updatedAt: 1000 }));
    await store.createMatch('over', newMatch('triangles', { updatedAt: 2000, gameover: { draw: true } }));
    await store.createMatch('late', newMatch('triangles', { updatedAt: 3000 }));
    await store.createMatch('other', newMatch('other-game', { updatedAt: 2000 }));
    const list = async (opts?: Parameters<MatchStore['listMatches']>[0]): Promise<string[]> => (await store.listMatches(opts)).sort();

    expect(await list()).toEqual(['early', 'late', 'other', 'over']);
    expect(await list({})).toEqual(['early', 'late', 'other', 'over']);
    expect(await list({ gameName: 'triangles' })).toEqual(['early', 'late', 'over']);
    expect(await list({ gameName: 'nothing' })).toEqual([]);
    expect(await list({ where: { isGameover: true } })).toEqual(['over']);
    expect(await list({ where: { isGameover: false } })).toEqual(['early', 'late', 'other']);
    expect(await list({ where: { updatedBefore: 2000 } })).toEqual(['early']);
    expect(await list({ where: { updatedAfter: 2000 } })).toEqual(['late']);
    expect(await list({ where: { updatedAfter: 1000, updatedBefore: 3000 } })).toEqual(['other', 'over']);
    expect(await list({ gameName: 'triangles', where: { isGameover: false, updatedAfter: 1000 } })).toEqual(['late']);

    // The filters follow the metadata as it changes, not as it was created.
    await store.setMetadata('early', { ...newMatch().metadata, updatedAt: 5000, gameover: { winner: '1' } });
    expect(await list({ where: { isGameover: true } })).toEqual(['early', 'over']);
    expect(await list({ where: { updatedAfter: 4000 } })).toEqual(['early']);
    // A null gameover is no result, as boardgame.io's master reads it.
    await store.setMetadata('late', { ...newMatch().metadata, updatedAt: 3000, gameover: null });
    expect(await list({ where: { isGameover: false } })).toEqual(['late', 'other']);
  });

  it('wipes a match: state, metadata, log and chat, and nothing of other matches', async () => {
    await playedMatch('gone', 2);
    await store.appendChat('gone', { channel: 'public', from: '0', author: null, text: 'hello', at: 1 });
    const kept = await playedMatch('kept', 1);
    await store.appendChat('kept', { channel: 'public', from: '1', author: null, text: 'still here', at: 2 });

    await store.wipe('gone');

    expect(await store.fetch('gone', { state: true, metadata: true, initialState: true, log: true })).toEqual({ log: [] });
    expect(await store.listChat('gone')).toEqual([]);
    expect(await store.listMatches()).toEqual(['kept']);
    await expect(store.appendChat('gone', { channel: 'public', from: '0', author: null, text: 'late', at: 3 })).rejects.toThrow('appendChat: no match gone');
    expect(await store.fetch('kept', { state: true, log: true })).toEqual(kept);
    expect(await store.listChat('kept')).toHaveLength(1);

    // A match created again under the same ID starts clean.
    await store.createMatch('gone', newMatch());
    expect(await store.fetch('gone', { log: true })).toEqual({ log: [] });
    expect(await store.appendChat('gone', { channel: 'public', from: '0', author: null, text: 'again', at: 4 })).toBe(1);
  });

  it('refuses a stale setState and leaves the stored state and log untouched', async () => {
    const before = await playedMatch('m1', 2);
    const replay = nextMove({ ...before.state, _stateID: 1 }, 'replayed');
    const older = nextMove({ ...before.state, _stateID: 0 }, 'older');

    for (const stale of [replay, older]) {
      const refused = await store.setState('m1', stale.state, [stale.entry]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StaleStateError);
      expect(refused).toMatchObject({ code: 'STALE_STATE', matchID: 'm1', storedStateID: 2, attemptedStateID: stale.state._stateID });
    }
    expect(await store.fetch('m1', { state: true, log: true })).toEqual(before);
  });

  it('refuses setState for an unknown match rather than storing a state without metadata', async () => {
    const { state, entry } = nextMove(newMatch().initialState);
    await expect(store.setState('nobody', state, [entry])).rejects.toThrow('setState: no match nobody');
    expect(await store.fetch('nobody', { state: true, log: true })).toEqual({ log: [] });
  });

  it('lets exactly one of two connections racing to store the same next state win', async () => {
    const other = await connection();
    const { initialState } = newMatch();
    await store.createMatch('race', { initialState, metadata: newMatch().metadata });
    let state = initialState;
    const log: LogEntry[] = [];
    for (let round = 0; round < 20; round++) {
      const mine = nextMove(state, 'mine');
      const theirs = nextMove(state, 'theirs');
      const results = await Promise.allSettled([
        store.setState('race', mine.state, [mine.entry]),
        other.setState('race', theirs.state, [theirs.entry]),
      ]);

      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const loser = results.find((result) => result.status === 'rejected');
      expect(loser?.reason).toBeInstanceOf(StaleStateError);
      const winner = results[0]?.status === 'fulfilled' ? mine : theirs;
      state = winner.state;
      log.push(winner.entry);
      // Both connections see the winner's state and only the winner's log entry.
      expect(await other.fetch('race', { state: true, log: true })).toEqual({ state, log });
    }
  });

  it('keeps chat with the match, numbered per match in the order it was appended', async () => {
    await store.createMatch('m1', newMatch());
    await store.createMatch('m2', newMatch());
    const lines = [
      { channel: 'public', from: '0', author: null, text: 'Hello, all', at: 100 },
      { channel: '0-3', from: '3', author: 'Ana', text: 'A secret between two powers', at: 101 },
      { channel: 'public', from: '1', author: null, text: 'Quotes \' " and emoji 🐉 survive', at: 102 },
    ];
    const seqs: number[] = [];
    for (const line of lines) seqs.push(await store.appendChat('m1', line));

    expect(seqs).toEqual([1, 2, 3]);
    expect(await store.listChat('m1')).toEqual(lines.map((line, i) => ({ seq: i + 1, ...line })));
    expect(await store.appendChat('m2', { channel: 'public', from: '0', author: null, text: 'first here', at: 200 })).toBe(1);
    expect(await store.listChat('nobody')).toEqual([]);
  });

  it('numbers chat appended concurrently from two connections without gaps or repeats', async () => {
    const other = await connection();
    await store.createMatch('m1', newMatch());
    const appends = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? store : other).appendChat('m1', { channel: 'public', from: String(i % 2), author: null, text: `line ${i}`, at: i }));
    const seqs = await Promise.all(appends);

    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await store.listChat('m1')).map((line) => line.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps everything after the connection is closed and the database opened again', async () => {
    const played = await playedMatch('m1', 3);
    const { metadata } = await store.fetch('m1', { metadata: true });
    await store.appendChat('m1', { channel: 'public', from: '0', author: null, text: 'remember me', at: 7 });
    await store.close();
    // connect() again on an open store must be harmless: boardgame.io's Server calls it on start.
    const reopened = await connection();
    await reopened.connect();

    expect(await reopened.fetch('m1', { state: true, log: true })).toEqual(played);
    expect(await reopened.fetch('m1', { metadata: true })).toEqual({ metadata });
    expect(await reopened.listChat('m1')).toEqual([{ seq: 1, channel: 'public', from: '0', author: null, text: 'remember me', at: 7 }]);
  });
});

/** The chat table as the first version made it, before lines kept their author. */
const chatTableBeforeAuthors = (table: string) =>
  `CREATE TABLE ${table} (match_id TEXT NOT NULL, seq INTEGER NOT NULL, channel TEXT NOT NULL, sender TEXT NOT NULL, body TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (match_id, seq))`;

describe('a database made before chat lines kept their author', () => {
  it('SQLite: the column is added when the file is opened; older lines have no author', async () => {
    const file = join(scratch, `${uniqueName('old_')}.sqlite`);
    const old = new Database(file);
    old.exec(chatTableBeforeAuthors(tableNames().chat));
    old.close();
    const store = new SqliteStorage({ file });
    await store.connect();
    try {
      await store.createMatch('m1', newMatch());
      expect(await store.appendChat('m1', { channel: 'public', from: '0', author: 'Ana', text: 'hi', at: 1 })).toBe(1);
      expect(await store.listChat('m1')).toEqual([{ seq: 1, channel: 'public', from: '0', author: 'Ana', text: 'hi', at: 1 }]);
    } finally {
      await store.close();
    }
    // Opening it again adds nothing twice.
    const again = new SqliteStorage({ file });
    await again.connect();
    await again.close();
  });

  it('PostgreSQL: the column is added when the tables are checked', async () => {
    const tablePrefix = `${uniqueName('t')}_`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(chatTableBeforeAuthors(tableNames(tablePrefix).chat));
    await admin.end();
    const store = new PostgresStorage({ connectionString: TEST_DATABASE_URL, tablePrefix });
    try {
      await store.connect();
      await store.createMatch('m1', newMatch());
      await store.appendChat('m1', { channel: 'public', from: '0', author: 'Ana', text: 'hi', at: 1 });
      expect(await store.listChat('m1')).toEqual([{ seq: 1, channel: 'public', from: '0', author: 'Ana', text: 'hi', at: 1 }]);
    } finally {
      await store.close();
      await dropTables(tablePrefix);
    }
  });
});

describe('openStorage', () => {
  it('uses an SQLite file in the data directory, creating the directory on first use', async () => {
    const dataDir = join(scratch, uniqueName('data_'), 'nested');
    const store = await openStorage({ dataDir, databaseUrl: '' });
    try {
      expect(store).toBeInstanceOf(SqliteStorage);
      expect(existsSync(join(dataDir, 'triangles.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('uses PostgreSQL when a database URL is given, creating its tables', async () => {
    const tablePrefix = `${uniqueName('t')}_`;
    const store = await openStorage({ dataDir: join(scratch, 'unused'), databaseUrl: TEST_DATABASE_URL, tablePrefix });
    try {
      expect(store).toBeInstanceOf(PostgresStorage);
      await store.createMatch('m1', newMatch());
      expect(await store.listMatches()).toEqual(['m1']);
      expect(existsSync(join(scratch, 'unused'))).toBe(false);
    } finally {
      await store.close();
      await dropTables(tablePrefix);
    }
  });

  it.each([
    ['a string that is not a URL', 'not a url', /not a URL; expected postgres:\/\//],
    ['another kind of URL', 'mysql://root@127.0.0.1/test', /must start with postgres:\/\/ or postgresql:\/\/, not mysql:\/\//],
    ['a port where nothing listens', 'postgres://postgres:hunter2@127.0.0.1:1/test', /cannot open postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test: .*ECONNREFUSED/],
    ['a database that does not exist', 'postgres://postgres@127.0.0.1:5432/no_such_database', /cannot open .*no_such_database: database "no_such_database" does not exist/],
  ])('explains a bad DATABASE_URL: %s', async (_case, databaseUrl, message) => {
    const failure = await openStorage({ dataDir: scratch, databaseUrl }).then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.message).toMatch(message);
    expect(failure?.message).not.toContain('hunter2');
  });
});
