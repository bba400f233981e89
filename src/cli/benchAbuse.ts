/**
 * npm run bench:abuse -- [--seconds S] [--seed X] [--quiet-moves N] [--think MS] [--heap-mb MB]
 *                        [--junk N] [--flood N] [--syncs N] [--lookups N] [--joins N] [--chat-lines N]
 *                        [--only junk,flood,syncs,lookups,joins,chat-lines]
 *
 * The attacks a tester found, played against the real server on loopback while a normal
 * match is played beside them, to see what the server does with them:
 *  - the server runs as `npm run serve` does, in a process of its own (serverProcess.ts:
 *    SQLite in a fresh temp dir), its V8 heap capped (--heap-mb, default 512) so a server
 *    that cannot bound its memory dies quickly instead of eating the machine; its memory
 *    is read from /proc (peak = VmHWM) and its death is seen;
 *  - quiet: a normal match (normalPlay.ts: six Normal bots over sockets from 127.0.0.1)
 *    plays --quiet-moves moves, each timed from sent to its seat's update;
 *  - attack: for --seconds the attacker (abuseAttacker.ts, a process of its own, every
 *    socket and request from 127.0.0.2) sends legal drafts carrying 60 kB junk
 *    arguments, a flood of legal drafts, syncs of its junk-laden match with and without
 *    credentials, guessed match codes, joins, and ten sockets' chat on one seat, each
 *    bounded in count and time and counted as accepted, refused or unanswered, while the
 *    normal match plays on;
 *  - after: does the server still answer; then it is stopped and its SQLite file is read
 *    for the junk (every junk string starts with a marker unique to the run).
 * Prints the figures and a verdict on each of the issue's targets: the server stays up,
 * no junk stored, memory bounded (peak RSS under twice the RSS before the attacks), the
 * normal match's move p95 under 3× its quiet figure. Everything on 127.0.0.1/127.0.0.2;
 * every loop ends by itself.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import type { AttackPlan, FromAttacker, ToAttacker } from './abuseAttacker.js';
import type { Tally } from './abuseAttacks.js';
import { intFlag, parseArgs } from './args.js';
import { quantile } from './benchHarness.js';
import { NormalPlay, type Phase } from './normalPlay.js';
import { watchMemory } from './processMemory.js';
import { spawnServer, type ServerProcess } from './serverProcess.js';
import { storedJunk, type StoredJunk } from './storedJunk.js';

const { flags } = parseArgs(process.argv.slice(2));
const seconds = intFlag(flags, 'seconds', 20);
const seed = flags.get('seed') ?? '1';
const quietMoves = intFlag(flags, 'quiet-moves', 60);
const thinkMs = intFlag(flags, 'think', 400, 0);
const heapMb = intFlag(flags, 'heap-mb', 512, 64);
const CHAT_SOCKETS = 10;
const JUNK_BYTES = 60_000;
const PLAYERS = '127.0.0.1';
const ATTACKER = '127.0.0.2';
const ATTACKS = ['junk', 'flood', 'syncs', 'lookups', 'joins', 'chat-lines'];
/** --only junk,syncs: those attacks alone (the others send nothing), to see which does what. */
const only = flags.get('only')?.split(',');
const unknownAttack = only?.find((name) => !ATTACKS.includes(name));
if (unknownAttack !== undefined) {
  console.error(`--only takes attacks from ${ATTACKS.join(', ')}, separated by commas; got "${unknownAttack}"`);
  process.exit(2);
}
/** How many of an attack's packets or requests to send at most: its own flag, else the default, or none when --only leaves it out. */
const count = (attack: string, fallback: number) => (only && !only.includes(attack) ? 0 : intFlag(flags, attack, fallback, 0));
/** The issue's targets. */
const MAX_P95_RATIO = 3;
const MAX_PEAK_RATIO = 2;

const root = fileURLToPath(new URL('../../', import.meta.url));
const scenario = loadScenarioFolder(`${root}scenarios`).get(DEFAULT_SCENARIO)!;
/** A wait that does not keep the process alive by itself (each is raced against something that does). */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const benchStart = performance.now();
/** A progress line, with the seconds since the bench began. */
const progress = (text: string) => console.log(`[${((performance.now() - benchStart) / 1000).toFixed(1).padStart(5)} s] ${text}`);

/** The attacker process, ready once its matches wait for it. */
function startAttacker(plan: AttackPlan) {
  const child = fork(fileURLToPath(new URL('./abuseAttacker.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let report: (tallies: Tally[] | string) => void;
  const reported = new Promise<Tally[] | string>((resolve) => (report = resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: FromAttacker) => {
      if (message.kind === 'ready') resolve();
      else if (message.kind === 'failed') (reject(new Error(`the attacker could not set up: ${message.error}`)), report(message.error));
      else report(message.tallies);
    });
    child.once('exit', (code) => {
      reject(new Error(`the attacker process exited (${code}) before it was ready`));
      report(`the attacker process exited (${code}) without a report`);
    });
  });
  const send = (message: ToAttacker) => {
    if (child.connected) child.send(message);
  };
  send({ kind: 'setup', plan });
  return { ready, reported, send, kill: () => child.kill() };
}

/** Whether the server answers a plain request now, and how fast. */
async function answers(base: string): Promise<{ ok: boolean; at: number; detail: string }> {
  const at = performance.now();
  try {
    const response = await fetch(`${base}/api/scenarios`, { signal: AbortSignal.timeout(10_000) });
    await response.text();
    return { ok: response.ok, at, detail: `HTTP ${response.status} in ${(performance.now() - at).toFixed(0)} ms` };
  } catch (error) {
    return { ok: false, at, detail: `no answer (${(error as Error).message})` };
  }
}

async function stopServer(server: ServerProcess): Promise<void> {
  const exited = server.stop('SIGTERM');
  if ((await Promise.race([exited.then(() => 'stopped'), sleep(20_000).then(() => 'stuck')])) === 'stuck') await server.stop('SIGKILL');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triangles-abuse-'));
  const marker = `ABUSEJUNK${randomBytes(6).toString('hex')}`;
  const loadBefore = loadavg();
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim();
  const server = await spawnServer({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'production', NODE_OPTIONS: nodeOptions });
  const memory = watchMemory(server.child.pid!);
  let died: { atMs: number; how: string } | null = null;
  /** Set when the bench itself stops the server: its exit is then no death. */
  let stopping = false;
  let attackStart = Infinity;
  const attacker = startAttacker({
    base: server.url,
    address: ATTACKER,
    seed,
    seconds,
    marker,
    junkBytes: JUNK_BYTES,
    junkDrafts: count('junk', 300),
    floodDrafts: count('flood', Math.round((2000 / 3) * seconds)),
    syncsPerSocket: count('syncs', 300),
    lookups: count('lookups', 200_000),
    lookupsInFlight: 16,
    joins: count('joins', 5000),
    chatSockets: CHAT_SOCKETS,
    chatLines: count('chat-lines', 2 * CHAT_SOCKETS * seconds),
  });
  const normal = new NormalPlay(server.url, scenario, seed, thinkMs);
  void server.exited.then(() => {
    if (stopping) return;
    died = { atMs: performance.now(), how: server.child.signalCode ? `was killed by ${server.child.signalCode}` : `exited with code ${server.child.exitCode}` };
    attacker.send('stop');
    normal.stop();
  });

  try {
    progress(`server ${server.url}, pid ${server.child.pid}, heap capped at ${heapMb} MB; setting up the attacker's matches from ${ATTACKER}`);
    await attacker.ready;
    const quietStart = performance.now();
    const quietDone = normal.quietMoves(quietMoves);
    const playing = normal.run().catch((error: Error) => void normal.errors.push(`normal match: ${error.message}`));
    progress(`quiet: a normal match from ${PLAYERS} until ${quietMoves} moves are timed`);
    if ((await Promise.race([quietDone.then(() => 'done'), server.exited.then(() => 'died'), sleep(180_000).then(() => 'slow')])) !== 'done') {
      throw new Error(`the quiet phase did not finish (${normal.latencies.quiet.length} moves timed; server ${died ? 'died' : 'alive'}; errors: ${normal.errors.slice(0, 3).join('; ')})`);
    }
    const before = memory.last();
    progress(`attack: after ${((performance.now() - quietStart) / 1000).toFixed(1)} s of quiet play, ${seconds} s of attacks from ${ATTACKER} while the match plays on`);
    normal.phase = 'attack';
    attackStart = performance.now();
    attacker.send('go');
    await Promise.race([sleep(seconds * 1000), server.exited]);
    normal.phase = 'after';
    progress('after: waiting for the attacker to count the last answers');
    const tallies = await attacker.reported;
    progress('after: does the server answer?');
    const up = died ? null : await answers(server.url);
    // A few more moves of the normal match once the attacks are over, if it still plays.
    await Promise.race([sleep(3000), server.exited]);
    normal.stop();
    await playing;
    const peak = memory.last();
    memory.stop();
    stopping = true;
    progress('stopping the server and reading its database');
    if (!died) await stopServer(server);
    let junk: StoredJunk | string;
    try {
      junk = storedJunk(dataDir, marker);
    } catch (error) {
      junk = `could not read the database: ${(error as Error).message}`;
    }
    report({ tallies, before, peak, up, died, attackStart, normal, junk, server, loadBefore, loadAfter: loadavg() });
  } finally {
    memory.stop();
    normal.stop();
    attacker.kill();
    stopping = true;
    if (server.child.exitCode === null && server.child.signalCode === null) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'never');

/** A phase's latencies with its unanswered moves counted as slower than any answer. */
function withUnanswered(normal: NormalPlay, phase: Phase): number[] {
  return [...normal.latencies[phase], ...Array<number>(normal.unanswered[phase]).fill(Infinity)].sort((a, b) => a - b);
}

function latencyLine(normal: NormalPlay, phase: Phase): string {
  const all = withUnanswered(normal, phase);
  if (all.length === 0) return 'no moves';
  const unanswered = normal.unanswered[phase];
  return `p50 ${ms(quantile(all, 0.5))}, p95 ${ms(quantile(all, 0.95))}, max ${ms(quantile(all, 1))} over ${all.length} moves${unanswered ? ` (${unanswered} never answered)` : ''}`;
}

function report(r: {
  tallies: Tally[] | string;
  before: ReturnType<ReturnType<typeof watchMemory>['last']>;
  peak: ReturnType<ReturnType<typeof watchMemory>['last']>;
  up: Awaited<ReturnType<typeof answers>> | null;
  died: { atMs: number; how: string } | null;
  attackStart: number;
  normal: NormalPlay;
  junk: StoredJunk | string;
  server: ServerProcess;
  loadBefore: number[];
  loadAfter: number[];
}): void {
  const { normal, died } = r;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`\nbench:abuse, seed ${seed}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${seconds} s of attacks${only ? ` (${only.join(', ')} only)` : ''} from ${ATTACKER} against the server (SQLite, heap capped at ${heapMb} MB by --max-old-space-size)`);
  console.log(`while a normal match plays from ${PLAYERS} (six Normal bots over sockets, 0-${2 * thinkMs} ms before each move; ${normal.matches} match${normal.matches === 1 ? '' : 'es'} started)`);
  console.log(`load average (1, 5, 15 min): ${load(r.loadBefore)} at the start, ${load(r.loadAfter)} at the end`);

  console.log('\nserver');
  const stayedUp = !died && r.up?.ok === true;
  // What the server said that matters (a fatal error, warnings), each kind once; else its last lines.
  const lines = r.server.output().trim().split('\n');
  const notable = [...new Set(lines.filter((line) => /FATAL|Error|Warning/.test(line)).map((line) => line.slice(0, 160)))].slice(0, 4);
  const quote = (shown: string[]) => shown.map((line) => `    | ${line.slice(0, 160)}`).join('\n');
  const since = (at: number) => `${((at - r.attackStart) / 1000).toFixed(1)} s after the attacks began`;
  const asked = r.up ? `GET /api/scenarios ${since(r.up.at)} (the attacker's last answers in): ${r.up.detail}` : 'not asked whether it answers: it was gone';
  console.log(`  stayed up: ${stayedUp ? 'yes' : 'NO'}; ${asked}`);
  if (died) console.log(`  it ${died.how} ${since(died.atMs)}; it said:\n${quote(notable.length ? notable : lines.slice(-3))}`);
  else if (notable.length) console.log(`  it logged:\n${quote(notable)}`);
  const beforeRss = r.before?.rssMb ?? NaN;
  const peakRss = r.peak?.hwmMb ?? NaN;
  console.log(`  memory: RSS ${beforeRss.toFixed(0)} MB before the attacks, peak (VmHWM) ${peakRss.toFixed(0)} MB, ${r.peak && !died ? `${r.peak.rssMb.toFixed(0)} MB at the end` : 'last read before it died'}`);

  console.log('\nnormal match, move sent → its seat has the update');
  console.log(`  quiet:  ${latencyLine(normal, 'quiet')}`);
  console.log(`  attack: ${latencyLine(normal, 'attack')}`);
  console.log(`  after:  ${latencyLine(normal, 'after')}`);
  const quietP95 = quantile(withUnanswered(normal, 'quiet'), 0.95);
  const attackMoves = withUnanswered(normal, 'attack');
  const attackP95 = quantile(attackMoves, 0.95);
  const ratio = attackP95 / quietP95;
  console.log(`  p95 during the attacks / quiet: ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'unbounded (moves never answered)'}`);
  if (normal.errors.length) console.log(`  errors: ${normal.errors.length}, first: ${normal.errors.slice(0, 3).join('; ')}`);

  console.log('\nattacks                    sent  accepted  refused  no answer');
  if (typeof r.tallies === 'string') console.log(`  none counted: ${r.tallies}`);
  else {
    for (const t of r.tallies.filter((tally) => tally.planned > 0)) {
      const noAnswer = t.sent - t.accepted - t.refused;
      console.log(`  ${t.attack.padEnd(22)} ${String(t.sent).padStart(8)} ${String(t.accepted).padStart(9)} ${String(t.refused).padStart(8)} ${String(noAnswer).padStart(10)}   ${t.what}`);
      const reasons = Object.entries(t.reasons).sort((a, b) => b[1] - a[1]);
      for (const [reason, count] of reasons.slice(0, 3)) console.log(`      refused ${count}×: ${reason}`);
      if (t.failed) console.log(`      ${t.failed} got no answer at all (connection refused or reset, timeout)`);
      if (t.bytes) console.log(`      answers ${mb(t.bytes)} MB in all, the largest ${mb(t.largest)} MB`);
      for (const note of t.notes) console.log(`      ${note}`);
    }
  }

  console.log('\nstorage (the SQLite file read after the server stopped)');
  let junkBytes = NaN;
  if (typeof r.junk === 'string') console.log(`  ${r.junk}`);
  else {
    junkBytes = r.junk.occurrences * JUNK_BYTES;
    const where = Object.entries(r.junk.found).map(([column, n]) => `${column} ${n}`).join(', ');
    console.log(`  junk stored: ${r.junk.occurrences} × ${JUNK_BYTES} bytes = ${mb(junkBytes)} MB${where ? ` (${where})` : ''}; database file ${mb(r.junk.fileBytes)} MB`);
  }

  const verdict = (met: boolean, text: string) => console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${text}`);
  console.log('\ntargets');
  verdict(stayedUp, 'the server stays up');
  verdict(junkBytes === 0, `stored junk 0 bytes (${Number.isNaN(junkBytes) ? 'not read' : `${junkBytes} bytes`})`);
  verdict(!died && peakRss <= MAX_PEAK_RATIO * beforeRss, `memory bounded: peak RSS under ${MAX_PEAK_RATIO}× the RSS before the attacks (${peakRss.toFixed(0)} MB against ${(MAX_PEAK_RATIO * beforeRss).toFixed(0)} MB), without dying at the heap cap`);
  verdict(ratio < MAX_P95_RATIO && attackMoves.length >= 20, `normal match p95 under ${MAX_P95_RATIO}× quiet (${ms(attackP95)} against ${ms(quietP95)}${attackMoves.length < 20 ? `; only ${attackMoves.length} moves during the attacks` : ''})`);
  if (!stayedUp || junkBytes !== 0) process.exitCode = 1;
}

await main();
