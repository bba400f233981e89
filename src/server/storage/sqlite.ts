/** Match storage in one embedded SQLite file: the default, needing no set-up. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { LogEntry, Server, State } from 'boardgame.io';
import type { FetchOpts, FetchResult, ListMatchesOpts, CreateMatchOpts } from 'boardgame.io/dist/types/src/server/db/base';
import { Async } from 'boardgame.io/internal';
import { addedColumns, schemaStatements, tableNames } from './schema.js';
import { chatMessage, duplicateMatch, fetchResult, listFilter, listedColumns, refusal, requestedColumns, unknownMatch } from './rows.js';
import type { ChatMessage, MatchStore, StoredChatMessage } from './types.js';

export class SqliteStorage extends Async implements MatchStore {
  private db: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly t = tableNames();

  constructor(private readonly options: { file: string }) {
    super();
  }

  /** Opens (creating if needed) the file and its tables; boardgame.io's Server calls this again on start, so it is idempotent. */
  async connect(): Promise<void> {
    if (this.db) return;
    mkdirSync(dirname(this.options.file), { recursive: true });
    const db = new Database(this.options.file);
    // WAL lets readers (other processes, backups) work while a move is written. With WAL,
    // synchronous=NORMAL still survives a killed process; only a power cut can lose the
    // last commits, and it saves an fsync per move.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    for (const statement of schemaStatements(this.t)) db.exec(statement);
    for (const { table, column, type } of addedColumns(this.t)) {
      const columns = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
    this.db = db;
  }

  override async createMatch(matchID: string, { initialState, metadata }: CreateMatchOpts): Promise<void> {
    const { gameName, gameover, updatedAt } = listedColumns(metadata);
    const initial = JSON.stringify(initialState);
    const { changes } = this.sql(
      `INSERT INTO ${this.t.matches} (id, game_name, gameover, updated_at, state_id, state, initial_state, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(matchID, gameName, gameover, updatedAt, initialState._stateID, initial, initial, JSON.stringify(metadata));
    if (changes === 0) throw duplicateMatch(matchID);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    // IMMEDIATE takes the write lock up front, so another process cannot slip in between
    // the compare-and-set and the log append; throwing inside rolls both back.
    this.open().transaction(() => {
      const { changes } = this.sql(`UPDATE ${this.t.matches} SET state = ?, state_id = ? WHERE id = ? AND state_id < ?`)
        .run(JSON.stringify(state), state._stateID, matchID, state._stateID);
      if (changes === 0) {
        const stored = this.sql(`SELECT state_id FROM ${this.t.matches} WHERE id = ?`).pluck().get(matchID) as number | undefined;
        throw refusal(matchID, stored, state._stateID);
      }
      if (deltalog && deltalog.length > 0) {
        this.sql(`INSERT INTO ${this.t.log} (match_id, state_id, entries) VALUES (?, ?, ?)`).run(matchID, state._stateID, JSON.stringify(deltalog));
      }
    }).immediate();
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    const { gameName, gameover, updatedAt } = listedColumns(metadata);
    const { changes } = this.sql(`UPDATE ${this.t.matches} SET metadata = ?, game_name = ?, gameover = ?, updated_at = ? WHERE id = ?`)
      .run(JSON.stringify(metadata), gameName, gameover, updatedAt, matchID);
    if (changes === 0) throw unknownMatch(matchID, 'setMetadata');
  }

  async fetch<O extends FetchOpts>(matchID: string, opts: O): Promise<FetchResult<O>> {
    const columns = requestedColumns(opts);
    // One connection, synchronous calls: nothing can write between these two reads.
    const row = columns.length > 0
      ? (this.sql(`SELECT ${columns.join(', ')} FROM ${this.t.matches} WHERE id = ?`).get(matchID) as Record<string, string> | undefined)
      : undefined;
    const batches = opts.log ? (this.sql(`SELECT entries FROM ${this.t.log} WHERE match_id = ? ORDER BY state_id`).pluck().all(matchID) as string[]) : [];
    return fetchResult(opts, row, batches);
  }

  async wipe(matchID: string): Promise<void> {
    this.open().transaction(() => {
      this.sql(`DELETE FROM ${this.t.log} WHERE match_id = ?`).run(matchID);
      this.sql(`DELETE FROM ${this.t.chat} WHERE match_id = ?`).run(matchID);
      this.sql(`DELETE FROM ${this.t.matches} WHERE id = ?`).run(matchID);
    }).immediate();
  }

  override async listMatches(opts?: ListMatchesOpts): Promise<string[]> {
    const { where, params } = listFilter(opts, () => '?');
    return this.sql(`SELECT id FROM ${this.t.matches} ${where}`).pluck().all(...params) as string[];
  }

  async appendChat(matchID: string, { channel, from, author, text, at }: ChatMessage): Promise<number> {
    return this.open().transaction(() => {
      const seq = this.sql(`UPDATE ${this.t.matches} SET chat_seq = chat_seq + 1 WHERE id = ? RETURNING chat_seq`).pluck().get(matchID) as number | undefined;
      if (seq === undefined) throw unknownMatch(matchID, 'appendChat');
      this.sql(`INSERT INTO ${this.t.chat} (match_id, seq, channel, sender, author, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(matchID, seq, channel, from, author, text, at);
      return seq;
    }).immediate();
  }

  async listChat(matchID: string): Promise<StoredChatMessage[]> {
    const rows = this.sql(`SELECT seq, channel, sender AS "from", author, body AS text, at FROM ${this.t.chat} WHERE match_id = ? ORDER BY seq`).all(matchID);
    return (rows as Parameters<typeof chatMessage>[0][]).map(chatMessage);
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    this.statements.clear();
  }

  private open(): Database.Database {
    if (!this.db) throw new Error(`SQLite storage ${this.options.file} is not open: call connect() first`);
    return this.db;
  }

  /** Prepared statements are cached by their text: each is compiled once per connection. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.open().prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
