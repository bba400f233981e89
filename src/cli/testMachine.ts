/**
 * What `npm test` needs from the machine, and the commands that provide it on Debian:
 * Chromium (with CJK fonts, so the map's labels are drawn), PostgreSQL with a database
 * `test` that user postgres opens without a password, and Redis. Only the decisions
 * are here, as a pure function of what was found; prepareTests.ts looks and runs.
 */
import { DEFAULT_CHROMIUM_PATH } from './chromium.js';

/** Where the tests find the services; TEST_DATABASE_URL and TEST_REDIS_URL point them elsewhere. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** ok; up without the database; up but it would not let user postgres in without a password; no answer. */
export type PostgresState = 'ok' | 'no-database' | 'refused' | 'down';

export interface Findings {
  root: boolean;
  aptGet: boolean;
  chromium: { path: string; present: boolean };
  cjkFonts: boolean;
  /** `installed`: a Debian cluster (pg_ctlcluster and /etc/postgresql/VERSION). `detail`: the server's words when not ok. */
  postgres: { url: string; state: PostgresState; detail: string; installed: boolean };
  redis: { url: string; answers: boolean; detail: string; installed: boolean };
}

export interface Step {
  /** What is missing, in words. */
  why: string;
  /** Shell commands, one at a time, that provide it. */
  commands: string[];
  root: boolean;
  /**
   * prepareTests.ts may run it by itself. It installs, starts and creates a database;
   * it never changes who an existing PostgreSQL lets in, nor a setting someone chose.
   */
  auto: boolean;
  /** The service a start step brings up, to wait for before the next step. */
  waitFor?: 'postgres' | 'redis';
}

export interface Plan {
  steps: Step[];
  /** Said, but not worth failing the tests for. */
  notes: string[];
}

const CLUSTER = '"$(ls /etc/postgresql | head -1)"';
const START_POSTGRES = `pg_ctlcluster --skip-systemctl-redirect ${CLUSTER} main start`;
const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/tests.log';

export function planSetup(found: Findings): Plan {
  const steps: Step[] = [];
  const notes: string[] = [];
  const packages: string[] = [];
  const missing: string[] = [];
  const pg = found.postgres;
  const pgLocal = pg.url === DEFAULT_DATABASE_URL;
  const redisLocal = found.redis.url === DEFAULT_REDIS_URL;

  if (!found.chromium.present) {
    if (found.chromium.path === DEFAULT_CHROMIUM_PATH) {
      packages.push('chromium');
      missing.push('Chromium');
    } else {
      steps.push({ why: `CHROMIUM_PATH is ${found.chromium.path}, which does not exist`, commands: ['unset CHROMIUM_PATH'], root: false, auto: false });
    }
  }
  const freshPostgres = pg.state === 'down' && pgLocal && !pg.installed;
  if (freshPostgres) {
    packages.push('postgresql');
    missing.push('PostgreSQL');
  }
  const freshRedis = !found.redis.answers && redisLocal && !found.redis.installed;
  if (freshRedis) {
    packages.push('redis-server');
    missing.push('Redis');
  }
  // The fonts change only how screenshots look: installed along with the rest, never a reason to stop.
  if (!found.cjkFonts) {
    if (packages.length > 0 || (found.root && found.aptGet)) packages.push('fonts-noto-cjk');
    else notes.push('the map\'s Chinese, Japanese and Korean labels need fonts-noto-cjk (as root: apt-get install -y fonts-noto-cjk)');
  }
  if (packages.length > 0) {
    const why = missing.length > 0 ? `${listed(missing)} ${missing.length === 1 ? 'is' : 'are'} not installed` : 'the CJK fonts are not installed';
    steps.push({
      why,
      commands: ['apt-get update', `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(' ')}`],
      root: true,
      auto: found.aptGet,
    });
    if (!found.aptGet) notes.push('apt-get is not on this machine: install the same packages with its own package manager');
  }

  if (!pgLocal && pg.state !== 'ok' && pg.state !== 'no-database') {
    steps.push({ why: `TEST_DATABASE_URL is ${pg.url}, which ${pg.state === 'down' ? 'does not answer' : `refuses the tests (${pg.detail})`}`, commands: ['unset TEST_DATABASE_URL'], root: false, auto: false });
  } else if (freshPostgres) {
    // Debian's new cluster asks for a password on 127.0.0.1; the tests' one (its own, just installed) must not.
    steps.push({
      why: 'the new PostgreSQL must let user postgres in from 127.0.0.1 without a password, as the tests connect',
      commands: ["sed -i '1i host all postgres 127.0.0.1/32 trust' /etc/postgresql/*/main/pg_hba.conf", `pg_ctlcluster --skip-systemctl-redirect ${CLUSTER} main restart`],
      root: true,
      auto: true,
      waitFor: 'postgres',
    });
  } else if (pg.state === 'down') {
    steps.push({ why: 'PostgreSQL does not answer on 127.0.0.1:5432', commands: [START_POSTGRES], root: true, auto: true, waitFor: 'postgres' });
  } else if (pg.state === 'refused') {
    steps.push({
      why: `PostgreSQL on 127.0.0.1:5432 does not let user postgres in without a password (${pg.detail})`,
      commands: ["sed -i '1i host all postgres 127.0.0.1/32 trust' /etc/postgresql/*/main/pg_hba.conf", `pg_ctlcluster --skip-systemctl-redirect ${CLUSTER} main reload`],
      root: true,
      auto: false,
    });
  }
  // A new or stopped server may lack the database too; createdb would say so once it is up.
  if (pg.state === 'no-database' || freshPostgres) {
    const { database, args } = postgresArgs(pg.url);
    steps.push({ why: `PostgreSQL has no database "${database}"`, commands: [`createdb ${args} ${database}`], root: false, auto: true });
  }

  if (!found.redis.answers) {
    const detail = found.redis.detail ? ` (${found.redis.detail})` : '';
    if (!redisLocal) steps.push({ why: `TEST_REDIS_URL is ${found.redis.url}, which does not answer${detail}`, commands: ['unset TEST_REDIS_URL'], root: false, auto: false });
    else steps.push({ why: `Redis does not answer on 127.0.0.1:6379${detail}`, commands: ['mkdir -p /var/lib/redis /var/log/redis', START_REDIS], root: true, auto: true, waitFor: 'redis' });
  }
  return { steps, notes };
}

/** Whether prepareTests.ts may run every step itself. */
export function canRunAll(plan: Plan, root: boolean): boolean {
  return plan.steps.every((step) => step.auto && (root || !step.root));
}

/** What to run by hand, exactly: root's commands through sudo when not root. */
export function explain(plan: Plan, root: boolean): string {
  const lines = ['npm test needs what this machine lacks:', ...plan.steps.map((step) => `  - ${step.why}`), 'Run these, then npm test again:'];
  for (const step of plan.steps) for (const command of step.commands) lines.push(`  ${step.root && !root ? 'sudo ' : ''}${command}`);
  for (const note of plan.notes) lines.push(`Note: ${note}.`);
  return lines.join('\n');
}

function listed(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** createdb's connection flags and the database's name, from the tests' URL. */
function postgresArgs(url: string): { database: string; args: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1)) || 'postgres';
  return { database, args: `-h ${parsed.hostname} -p ${parsed.port || '5432'} -U ${decodeURIComponent(parsed.username) || 'postgres'}` };
}
