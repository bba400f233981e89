/** Picks the storage from the configuration: PostgreSQL when a database URL is given, else an embedded SQLite file. */
import { join } from 'node:path';
import { PostgresStorage } from './postgres.js';
import { SqliteStorage } from './sqlite.js';
import type { MatchStore } from './types.js';

export interface StorageConfig {
  /** Where the SQLite file lives (created if missing); unused with PostgreSQL. */
  dataDir: string;
  /** A postgres:// URL (DATABASE_URL); empty or absent means SQLite. */
  databaseUrl?: string | undefined;
  /** PostgreSQL only: prepended to table names, so tests can share a database without seeing each other's matches. */
  tablePrefix?: string | undefined;
}

/** Opens and connects the storage, so a bad configuration fails at start-up rather than at the first move. */
export async function openStorage({ dataDir, databaseUrl, tablePrefix }: StorageConfig): Promise<MatchStore> {
  const store = databaseUrl
    ? new PostgresStorage({ connectionString: databaseUrl, tablePrefix })
    : new SqliteStorage({ file: join(dataDir, 'triangles.sqlite') });
  await store.connect();
  return store;
}
