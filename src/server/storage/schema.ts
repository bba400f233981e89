/**
 * The tables both SQL adapters share. The DDL is plain enough for SQLite and PostgreSQL
 * alike, so one definition serves both and the two cannot drift apart.
 */

export interface TableNames {
  matches: string;
  log: string;
  chat: string;
}

/** Table names are spliced into SQL text, so the prefix is limited to a safe identifier. */
export function tableNames(prefix = ''): TableNames {
  if (!/^([a-z_][a-z0-9_]*)?$/.test(prefix)) {
    throw new Error(`storage table prefix must be lower-case letters, digits and underscores, got ${JSON.stringify(prefix)}`);
  }
  return { matches: `${prefix}matches`, log: `${prefix}match_log`, chat: `${prefix}match_chat` };
}

export function schemaStatements(t: TableNames): string[] {
  return [
    // State, initial state and metadata are opaque JSON text; the metadata fields that
    // listMatches filters on are copied into their own columns so they can be indexed.
    // gameover is 0/1 rather than a boolean because better-sqlite3 cannot bind booleans.
    // chat_seq is the per-match chat counter: bumping it locks the match row, which
    // serialises concurrent chat appends without a separate sequence per match.
    `CREATE TABLE IF NOT EXISTS ${t.matches} (
      id TEXT PRIMARY KEY,
      game_name TEXT NOT NULL,
      gameover SMALLINT NOT NULL,
      updated_at BIGINT NOT NULL,
      state_id INTEGER NOT NULL,
      state TEXT NOT NULL,
      initial_state TEXT NOT NULL,
      metadata TEXT NOT NULL,
      chat_seq INTEGER NOT NULL DEFAULT 0
    )`,
    // The lobby lists one game's open matches; clean-up jobs look for old matches of any game.
    `CREATE INDEX IF NOT EXISTS ${t.matches}_listing ON ${t.matches} (game_name, gameover, updated_at)`,
    `CREATE INDEX IF NOT EXISTS ${t.matches}_updated ON ${t.matches} (updated_at)`,
    // One row per stored state that came with a deltalog: appending a move is one small
    // insert instead of rewriting a log that grows all match long.
    `CREATE TABLE IF NOT EXISTS ${t.log} (
      match_id TEXT NOT NULL,
      state_id INTEGER NOT NULL,
      entries TEXT NOT NULL,
      PRIMARY KEY (match_id, state_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${t.chat} (
      match_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      channel TEXT NOT NULL,
      sender TEXT NOT NULL,
      author TEXT,
      body TEXT NOT NULL,
      at BIGINT NOT NULL,
      PRIMARY KEY (match_id, seq)
    )`,
  ];
}

/**
 * Columns added to a table after it was first created: a database made by an older
 * version gets them when it is opened (each adapter adds a missing one its own way).
 */
export function addedColumns(t: TableNames): Array<{ table: string; column: string; type: string }> {
  return [{ table: t.chat, column: 'author', type: 'TEXT' }];
}
