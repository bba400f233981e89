/**
 * npm test's first step (the `pretest` script): makes sure the machine has what the
 * tests use (testMachine.ts says what, and how to get it on Debian). As root it
 * installs and starts what is missing; otherwise, or when it cannot, it prints exactly
 * what to run and exits 1. With everything there it only looks, and says nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { CHROMIUM_PATH } from './chromium.js';
import { canRunAll, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, explain, planSetup, type Findings, type PostgresState } from './testMachine.js';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
/** Debian's fonts-noto-cjk. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** How long a service just started may take to answer. */
const START_SECONDS = 30;

async function main(): Promise<number> {
  const found = await look();
  const plan = planSetup(found);
  if (plan.steps.length === 0) {
    for (const note of plan.notes) console.log(`test set-up: ${note}`);
    return 0;
  }
  if (!canRunAll(plan, found.root)) {
    console.error(explain(plan, found.root));
    return 1;
  }
  for (const step of plan.steps) {
    console.log(`test set-up: ${step.why}`);
    for (const command of step.commands) {
      console.log(`$ ${command}`);
      const run = spawnSync('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (run.status !== 0) {
        console.error(`test set-up: "${command}" failed (exit ${run.status ?? run.signal}).`);
        console.error(explain(plan, found.root));
        return 1;
      }
    }
    if (step.waitFor && !(await answersWithin(step.waitFor, START_SECONDS))) {
      console.error(`test set-up: ${step.waitFor === 'postgres' ? 'PostgreSQL' : 'Redis'} does not answer ${START_SECONDS} s after it was started.`);
      return 1;
    }
  }
  // What was run must have been enough.
  const after = planSetup(await look());
  if (after.steps.length > 0) {
    console.error(explain(after, found.root));
    return 1;
  }
  console.log('test set-up: done');
  return 0;
}

async function look(): Promise<Findings> {
  const [postgres, redis] = await Promise.all([postgresState(DATABASE_URL), redisAnswer(REDIS_URL)]);
  return {
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get'),
    chromium: { path: CHROMIUM_PATH, present: existsSync(CHROMIUM_PATH) },
    cjkFonts: existsSync(CJK_FONT),
    postgres: { url: DATABASE_URL, ...postgres, installed: onPath('pg_ctlcluster') && existsSync('/etc/postgresql') && readdirSync('/etc/postgresql').length > 0 },
    redis: { url: REDIS_URL, ...redis, installed: onPath('redis-server') },
  };
}

async function postgresState(url: string): Promise<{ state: PostgresState; detail: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { state: 'ok', detail: '' };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === '3D000') return { state: 'no-database', detail: message };
    // Nothing listening, or nothing answering: the server is not up. Anything else is the server's refusal.
    const down = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EADDRNOTAVAIL'].includes(code ?? '') || /timeout/i.test(message);
    return { state: down ? 'down' : 'refused', detail: message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A PING over plain TCP; a server that wants a password (NOAUTH) is up, and the tests bring the URL's. */
function redisAnswer(url: string): Promise<{ answers: boolean; detail: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    const done = (answers: boolean, detail: string) => {
      socket.destroy();
      resolve({ answers, detail });
    };
    socket.setTimeout(3000, () => done(false, 'no answer in 3 s'));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      const reply = data.toString('utf8').trim();
      done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'), reply.slice(0, 200));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => done(false, error.code ?? error.message));
  });
}

async function answersWithin(service: 'postgres' | 'redis', seconds: number): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const up = service === 'postgres' ? (await postgresState(DATABASE_URL)).state !== 'down' : (await redisAnswer(REDIS_URL)).answers;
    if (up) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

process.exitCode = await main();
