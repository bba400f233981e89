/**
 * How much of an attacker's junk reached a server's SQLite file: every junk string the
 * bench sends starts with one marker (unique to the run), so the marker's occurrences in
 * each stored text column, times the junk's length, is what was stored. Read after the
 * server has stopped (or died), read-only; a file a killed server left mid-write is read
 * with its write-ahead log as SQLite would.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tableNames } from '../server/storage/schema.js';

export interface StoredJunk {
  /** Marker occurrences per `table.column` that holds any. */
  found: Record<string, number>;
  occurrences: number;
  /** The database file and its write-ahead log, in bytes. */
  fileBytes: number;
}

export function storedJunk(dataDir: string, marker: string): StoredJunk {
  const file = join(dataDir, 'triangles.sqlite');
  const t = tableNames();
  const columns: Array<[string, string]> = [
    [t.matches, 'state'],
    [t.matches, 'initial_state'],
    [t.matches, 'metadata'],
    [t.log, 'entries'],
    [t.chat, 'body'],
    [t.chat, 'author'],
  ];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const found: Record<string, number> = {};
  let occurrences = 0;
  try {
    for (const [table, column] of columns) {
      const count = db
        .prepare(`SELECT COALESCE(SUM((LENGTH(${column}) - LENGTH(REPLACE(${column}, ?, ''))) / LENGTH(?)), 0) FROM ${table} WHERE INSTR(${column}, ?) > 0`)
        .pluck()
        .get(marker, marker, marker) as number;
      if (count > 0) found[`${table}.${column}`] = count;
      occurrences += count;
    }
  } finally {
    db.close();
  }
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return { found, occurrences, fileBytes: size(file) + size(`${file}-wal`) };
}
