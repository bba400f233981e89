/** Where integration tests find the machine's PostgreSQL and Redis (STACK.md, "Services on the machine"). */
import { randomBytes } from 'node:crypto';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A lower-case name unique to this run, so runs sharing the services never see each other's tables or channels. */
export function uniqueName(prefix: string): string {
  return `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
}
