/** Where integration tests find the machine's PostgreSQL and Redis (STACK.md, "Services on the machine"). */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from '../../src/cli/testMachine.js';
import { tableNames } from '../../src/server/storage/schema.js';

/** npm test's set-up (src/cli/prepareTests.ts) makes sure these answer before the tests run. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;

/** A lower-case name unique to this run, so runs sharing the services never see each other's tables or channels. */
export function uniqueName(prefix: string): string {
  return `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Removes the tables a store made with `prefix` in the test database. */
export async function dropTables(prefix: string): Promise<void> {
  const { matches, log, chat } = tableNames(prefix);
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP TABLE IF EXISTS ${matches}, ${log}, ${chat}`);
  } finally {
    await admin.end();
  }
}
