/** Match storage in PostgreSQL, for several server processes sharing one database. */
import pg from 'pg';
import type { LogEntry, Server, State } from 'boardgame.io';
import type { FetchOpts, FetchResult, ListMatchesOpts, CreateMatchOpts } from 'boardgame.io/dist/types/src/server/db/base';
import { Async } from 'boardgame.io/internal';
import { addedColumns, schemaStatements, tableNames, type TableNames } from './schema.js';
import { chatMessage, duplicateMatch, fetchResult, listFilter, listedColumns, refusal, requestedColumns, unknownMatch } from './rows.js';
import type { ChatMessage, MatchStore, StoredChatMessage } from './types.js';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Prepended to every table name, so tests (or several games) can share one database. */
  tablePrefix?: string;
}

export class PostgresStorage extends Async implements MatchStore {
  private readonly pool: pg.Pool;
  private readonly t: TableNames;
  /** The connection string without its password, for error messages and logs. */
  private readonly target: string;
  private ready: Promise<void> | undefined;
  private closed: Promise<void> | undefined;

  constructor({ connectionString, tablePrefix }: PostgresStorageOptions) {
    super();
    this.target = redactedUrl(connectionString);
    this.t = tableNames(tablePrefix);
    // Without a timeout, a host that drops packets would hang start-up forever instead of failing with a message.
    this.pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000 });
    // An idle pooled connection that drops (database restart) emits 'error' on the pool;
    // unhandled, that would kill the server. The pool replaces the connection by itself.
    this.pool.on('error', (error) => console.error(`PostgreSQL storage ${this.target}: idle connection lost: ${error.message}`));
  }

  /** Checks the database answers and creates missing tables; idempotent (boardgame.io's Server calls it again on start). */
  connect(): Promise<void> {
    this.ready ??= this.createTables().catch((error: unknown) => {
      this.ready = undefined;
      throw new Error(`PostgreSQL storage: cannot open ${this.target}: ${(error as Error).message}`, { cause: error });
    });
    return this.ready;
  }

  override async createMatch(matchID: string, { initialState, metadata }: CreateMatchOpts): Promise<void> {
    const { gameName, gameover, updatedAt } = listedColumns(metadata);
    const initial = JSON.stringify(initialState);
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.t.matches} (id, game_name, gameover, updated_at, state_id, state, initial_state, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [matchID, gameName, gameover, updatedAt, initialState._stateID, initial, JSON.stringify(metadata)],
    );
    if (rowCount === 0) throw duplicateMatch(matchID);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    // One statement is one transaction: the compare-and-set and the log append commit
    // together or not at all, in a single round trip. A concurrent writer of the same
    // match waits on the row lock, then re-checks state_id against the committed row,
    // so of two writers with the same new _stateID exactly one updates a row.
    const { rows } = await this.pool.query<{ stored: number }>(
      `WITH updated AS (
         UPDATE ${this.t.matches} SET state = $2, state_id = $3 WHERE id = $1 AND state_id < $3 RETURNING id
       ), logged AS (
         INSERT INTO ${this.t.log} (match_id, state_id, entries) SELECT id, $3, $4 FROM updated WHERE $4::text IS NOT NULL
       )
       SELECT count(*)::int AS stored FROM updated`,
      [matchID, JSON.stringify(state), state._stateID, deltalog && deltalog.length > 0 ? JSON.stringify(deltalog) : null],
    );
    if (rows[0]?.stored === 0) {
      const current = await this.pool.query<{ state_id: number }>(`SELECT state_id FROM ${this.t.matches} WHERE id = $1`, [matchID]);
      throw refusal(matchID, current.rows[0]?.state_id, state._stateID);
    }
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    const { gameName, gameover, updatedAt } = listedColumns(metadata);
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.t.matches} SET metadata = $2, game_name = $3, gameover = $4, updated_at = $5 WHERE id = $1`,
      [matchID, JSON.stringify(metadata), gameName, gameover, updatedAt],
    );
    if (rowCount === 0) throw unknownMatch(matchID, 'setMetadata');
  }

  async fetch<O extends FetchOpts>(matchID: string, opts: O): Promise<FetchResult<O>> {
    const columns = requestedColumns(opts);
    // The log comes from a subquery of the same statement, so it matches the state read
    // with it even while another process is writing the match.
    if (opts.log) columns.push(`ARRAY(SELECT entries FROM ${this.t.log} WHERE match_id = $1 ORDER BY state_id) AS log`);
    if (columns.length === 0) return fetchResult(opts, undefined, []);
    const { rows } = await this.pool.query(`SELECT ${columns.join(', ')} FROM ${this.t.matches} WHERE id = $1`, [matchID]);
    const { log, ...fields } = (rows[0] ?? {}) as Record<string, string> & { log?: string[] };
    return fetchResult(opts, rows[0] ? fields : undefined, log ?? []);
  }

  async wipe(matchID: string): Promise<void> {
    await this.pool.query(
      `WITH log AS (DELETE FROM ${this.t.log} WHERE match_id = $1), chat AS (DELETE FROM ${this.t.chat} WHERE match_id = $1)
       DELETE FROM ${this.t.matches} WHERE id = $1`,
      [matchID],
    );
  }

  override async listMatches(opts?: ListMatchesOpts): Promise<string[]> {
    const { where, params } = listFilter(opts, (n) => `$${n}`);
    const { rows } = await this.pool.query<{ id: string }>(`SELECT id FROM ${this.t.matches} ${where}`, params);
    return rows.map((row) => row.id);
  }

  async appendChat(matchID: string, { channel, from, author, text, at }: ChatMessage): Promise<number> {
    // Bumping the match's counter locks its row, so concurrent appends get distinct, gapless numbers.
    const { rows } = await this.pool.query<{ seq: number }>(
      `WITH counter AS (UPDATE ${this.t.matches} SET chat_seq = chat_seq + 1 WHERE id = $1 RETURNING chat_seq)
       INSERT INTO ${this.t.chat} (match_id, seq, channel, sender, author, body, at) SELECT $1, chat_seq, $2, $3, $4, $5, $6 FROM counter RETURNING seq`,
      [matchID, channel, from, author, text, at],
    );
    if (!rows[0]) throw unknownMatch(matchID, 'appendChat');
    return rows[0].seq;
  }

  async listChat(matchID: string): Promise<StoredChatMessage[]> {
    const { rows } = await this.pool.query(
      `SELECT seq, channel, sender AS "from", author, body AS text, at FROM ${this.t.chat} WHERE match_id = $1 ORDER BY seq`,
      [matchID],
    );
    return rows.map(chatMessage);
  }

  /** Idempotent, like SqliteStorage's: a shutdown path may close twice, and pg throws on a second end(). */
  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }

  private async createTables(): Promise<void> {
    // Sent as one multi-statement query, which PostgreSQL runs as one transaction. Two
    // processes starting together would race on CREATE ... IF NOT EXISTS and one could
    // fail; the advisory lock makes the second wait, then find the tables made.
    const lock = `SELECT pg_advisory_xact_lock(hashtext('${this.t.matches}'))`;
    const added = addedColumns(this.t).map(({ table, column, type }) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}`);
    await this.pool.query([lock, ...schemaStatements(this.t), ...added].join(';\n'));
  }
}

/** Validates the connection string and hides its password. */
function redactedUrl(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error('PostgreSQL storage: the connection string (DATABASE_URL) is not a URL; expected postgres://user@host:port/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`PostgreSQL storage: the connection string (DATABASE_URL) must start with postgres:// or postgresql://, not ${url.protocol}//`);
  }
  if (url.password) url.password = '***';
  return url.toString();
}
