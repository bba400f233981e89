/**
 * npm run bench:server -- --matches M --seed S [--rounds R] [--think MS] [--timeout SECONDS] [--profile]
 *
 * The game server under load on loopback: the real server in a child process
 * (benchServerProcess.ts, SQLite in a temp dir) and, in this process, M matches of six
 * raw socket.io seat clients, each played by a Normal bot from the seat's own view.
 * Prints the latency from a move sent to the moment every seat of its match has the
 * update (p50, p95, p99), moves per second, the server's memory per active match
 * (heap and RSS after a forced GC, minus the same before the matches), and errors
 * and lost moves. Without --think every bot moves the moment it may, so a round's
 * orders from all matches arrive at once: a flood, far denser than people play.
 * Both processes share the machine's cores, so the clients' own work
 * (parsing six views per move, the bots) is in the figures.
 * --profile writes a CPU profile of the server process (node --cpu-prof) to ./profiles.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { botActionFor } from '../bots/levels.js';
import { awaiting, stepKey } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import { intFlag, parseArgs } from './args.js';
import type { FromServer, ToServer } from './benchServerProcess.js';

const { flags } = parseArgs(process.argv.slice(2));
const matches = intFlag(flags, 'matches', 200);
const seed = flags.get('seed') ?? '1';
const rounds = intFlag(flags, 'rounds', 3);
const timeoutSeconds = intFlag(flags, 'timeout', 600);
/** Mean wait before each move (uniform over 0 to twice this); 0 = every bot moves at once, the worst burst. */
const thinkMs = intFlag(flags, 'think', 0, 0);
const profile = flags.has('profile');
/** Matches whose sockets connect together; the next batch waits until these have synced. */
const CONNECT_BATCH = 10;
const root = fileURLToPath(new URL('../../', import.meta.url));
const scenario = loadScenarioFolder(`${root}scenarios`).get(DEFAULT_SCENARIO)!;

interface Seat {
  power: PowerId;
  playerID: string;
  credentials: string;
}

/** What a seat's socket receives: boardgame.io's state, the seat's view in G. */
interface SeenState {
  G: SeatView;
  ctx: { gameover?: unknown };
  _stateID: number;
}
type LogEntry = { action?: { type?: string; payload?: { playerID?: string } } };

/** Moves in flight, and when every seat of the match had each resulting update. */
class Tracker {
  readonly latencies: number[] = [];
  readonly errors: string[] = [];
  /** `${matchID}/${playerID}` → when the seat sent its move (one at a time per seat). */
  readonly pending = new Map<string, number>();
  /** `${matchID}/${stateID}` → the move's send time and how many seats have the update. */
  private readonly arrivals = new Map<string, { sentAt: number | undefined; seats: number }>();
  /** Bytes of socket.io messages the seats received (updates, syncs, match data). */
  bytes = 0;
  messages = 0;
  firstSent = Infinity;
  lastDone = 0;

  sent(matchID: string, playerID: string): void {
    const now = performance.now();
    this.firstSent = Math.min(this.firstSent, now);
    this.pending.set(`${matchID}/${playerID}`, now);
  }

  /** A seat got the update that made `stateID`; its log names the seat whose move it was. */
  received(matchID: string, stateID: number, log: LogEntry[] | undefined): void {
    const key = `${matchID}/${stateID}`;
    let entry = this.arrivals.get(key);
    if (!entry) {
      const mover = log?.find((e) => e.action?.type === 'MAKE_MOVE')?.action?.payload?.playerID;
      const moverKey = `${matchID}/${mover}`;
      entry = { sentAt: this.pending.get(moverKey), seats: 0 };
      this.pending.delete(moverKey);
      this.arrivals.set(key, entry);
    }
    entry.seats += 1;
    if (entry.seats < POWERS.length) return;
    this.arrivals.delete(key);
    const now = performance.now();
    this.lastDone = now;
    if (entry.sentAt !== undefined) this.latencies.push(now - entry.sentAt);
    else this.errors.push(`match ${matchID}: update ${stateID} matched no move sent`);
  }
}

/** The server child; resolves once it listens. */
function startServerProcess(dataDir: string, onLog: (line: string) => void) {
  const child = fork(fileURLToPath(new URL('./benchServerProcess.ts', import.meta.url)), {
    // As npm start runs it: production builds of immer and boardgame.io skip their development checks.
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir },
    execArgv: ['--import', 'tsx', '--expose-gc', ...(profile ? ['--cpu-prof', '--cpu-prof-dir=profiles'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<(usage: NodeJS.MemoryUsage) => void> = [];
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process exited (code ${code}) before it was ready`)));
    child.on('message', (message: FromServer) => {
      if (message.kind === 'ready') resolve(message.url);
      else if (message.kind === 'memory') waiting.shift()?.(message.usage);
      else onLog(message.line);
    });
  });
  const ask = (message: ToServer) => child.send(message);
  return {
    ready,
    memory: () => new Promise<NodeJS.MemoryUsage>((resolve) => (waiting.push(resolve), ask('memory'))),
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), ask('stop'))),
  };
}

async function post(url: string, body: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A started match with all six seats taken (through the lobby API, as players would). */
async function openMatch(base: string, index: number): Promise<{ matchID: string; seats: Seat[] }> {
  const { matchID, hostToken } = await post(`${base}/api/matches`, { rounds, seed: `${seed}-${index}` });
  const seats: Seat[] = [];
  for (const power of POWERS) {
    const { playerID, credentials } = await post(`${base}/api/matches/${matchID}/join`, { power, name: `bench ${power}` });
    seats.push({ power, playerID, credentials });
  }
  await post(`${base}/api/matches/${matchID}/start`, { hostToken });
  return { matchID, seats };
}

/** One seat over a raw socket, played by a Normal bot; resolves when the game is over. */
function playSeat(base: string, matchID: string, seat: Seat, tracker: Tracker, onActive: () => void): { socket: Socket; synced: Promise<void>; done: Promise<void> } {
  const socket = io(`${base}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false });
  // One action per step: the update for another seat's move must not make this seat act twice.
  let actedFor = '';
  // A socket that fails to connect counts as an error and must not hold up the next batch.
  const synced = new Promise<void>((resolve) => ['sync', 'connect_error', 'disconnect'].forEach((event) => socket.once(event, () => resolve())));
  const done = new Promise<void>((resolve) => {
    const onState = (state: SeenState) => {
      const view = state.G;
      if (state.ctx.gameover !== undefined) return resolve();
      const step = stepKey(view);
      if (actedFor === step || !awaiting(view).includes(seat.power)) return;
      actedFor = step;
      const { action } = botActionFor('normal', scenario, view, seat.power, `${seed}-${matchID}-${seat.power}`);
      const [type, args] = action.type === 'orders' ? ['submitOrders', [action.orders]] : ['decide', [action.option]];
      const move = () => {
        tracker.sent(matchID, seat.playerID);
        socket.emit('update', { type: 'MAKE_MOVE', payload: { type, args, playerID: seat.playerID, credentials: seat.credentials } }, state._stateID, matchID, seat.playerID);
      };
      // Timing only, not the game: an unseeded random wait is fine here.
      if (thinkMs > 0) setTimeout(move, Math.random() * 2 * thinkMs);
      else move();
    };
    socket.on('sync', (_id: string, info: { state: SeenState }) => onState(info.state));
    socket.on('update', (_id: string, state: SeenState, log: LogEntry[]) => {
      tracker.received(matchID, state._stateID, log);
      onActive();
      onState(state);
    });
    socket.on('triangles:refused', (reason: string) => tracker.errors.push(`${matchID} ${seat.power}: refused: ${reason}`));
    socket.on('connect_error', (error: Error) => tracker.errors.push(`${matchID} ${seat.power}: cannot connect: ${error.message}`));
    socket.on('disconnect', (reason: string) => {
      if (reason !== 'io client disconnect') tracker.errors.push(`${matchID} ${seat.power}: disconnected: ${reason}`);
    });
    socket.on('connect', () => socket.emit('sync', matchID, seat.playerID, seat.credentials, POWERS.length));
    socket.io.engine.on('packet', ({ type, data }) => {
      if (type !== 'message' || typeof data !== 'string') return;
      tracker.bytes += data.length;
      tracker.messages += 1;
    });
  });
  return { socket, synced, done };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triangles-bench-'));
  const serverErrors: string[] = [];
  let serverReady = false;
  const server = startServerProcess(dataDir, (line) => (serverReady ? serverErrors.push(line) : console.log(line)));
  try {
    const base = await server.ready;
    serverReady = true;
    const before = await server.memory();

    const opened = [];
    // A few lobby requests at a time: the lobby is not what is measured.
    for (let i = 0; i < matches; i += 10) opened.push(...(await Promise.all(Array.from({ length: Math.min(10, matches - i) }, (_, k) => openMatch(base, i + k)))));
    console.log(`${matches} matches created, joined and started; connecting ${matches * POWERS.length} sockets`);

    const tracker = new Tracker();
    // Memory with every match live: measured once each match has had its first move.
    const active = new Set<string>();
    let duringPlay: Promise<NodeJS.MemoryUsage> | null = null;
    const started = performance.now();
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeoutSeconds * 1000, 'timeout').unref());
    const seats: Array<ReturnType<typeof playSeat>> = [];
    // Players do not all arrive in the same second: sockets connect a batch of matches at a time.
    for (let i = 0; i < opened.length; i += CONNECT_BATCH) {
      const batch = opened.slice(i, i + CONNECT_BATCH).flatMap(({ matchID, seats }) =>
        seats.map((seat) =>
          playSeat(base, matchID, seat, tracker, () => {
            active.add(matchID);
            if (active.size === matches && !duringPlay) duringPlay = server.memory();
          }),
        ),
      );
      seats.push(...batch);
      if ((await Promise.race([Promise.all(batch.map((s) => s.synced)), timedOut])) === 'timeout') break;
    }
    const outcome = await Promise.race([Promise.all(seats.map((s) => s.done)), timedOut]);
    const seconds = (performance.now() - started) / 1000;
    seats.forEach((s) => s.socket.close());
    const during = (await (duringPlay as Promise<NodeJS.MemoryUsage> | null)) ?? null;

    const sorted = [...tracker.latencies].sort((a, b) => a - b);
    const moveSeconds = (tracker.lastDone - tracker.firstSent) / 1000;
    console.log(`\n${matches} matches × 6 seats (${matches * POWERS.length} sockets), ${rounds} rounds each, seed ${seed}, think ${thinkMs} ms: ${outcome === 'timeout' ? `TIMED OUT after ${timeoutSeconds} s` : `all finished in ${seconds.toFixed(1)} s`}`);
    console.log(`latency, move sent → update at all six seats: p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms, max ${quantile(sorted, 1).toFixed(1)} ms over ${sorted.length} moves`);
    console.log(`throughput: ${(sorted.length / moveSeconds).toFixed(1)} moves/s (${(sorted.length * POWERS.length / moveSeconds).toFixed(0)} seat updates/s) over ${moveSeconds.toFixed(1)} s`);
    if (during) {
      console.log(
        `server memory per active match (after GC, minus before): heap ${kb((during.heapUsed - before.heapUsed) / matches)} kB, RSS ${kb((during.rss - before.rss) / matches)} kB ` +
          `(heap ${mb(before.heapUsed)} → ${mb(during.heapUsed)} MB, RSS ${mb(before.rss)} → ${mb(during.rss)} MB)`,
      );
    } else console.log('server memory: not measured (not every match got a move)');
    console.log(`traffic to the seats: ${tracker.messages} messages, mean ${kb(tracker.bytes / tracker.messages)} kB`);
    const lost = tracker.pending.size;
    console.log(`errors: ${tracker.errors.length} on sockets, ${serverErrors.length} logged by the server; lost moves (sent, never seen by all seats): ${lost}`);
    for (const line of [...tracker.errors, ...serverErrors].slice(0, 10)) console.log(`  ${line.split('\n')[0]}`);
    if (outcome === 'timeout' || lost > 0 || tracker.errors.length > 0 || serverErrors.length > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
