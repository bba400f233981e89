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
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { botActionFor } from '../bots/levels.js';
import { awaiting, stepKey } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import { intFlag, parseArgs } from './args.js';
import { kb, latencySummary, memoryLine, post, seatSocket, sendMove, withBenchServer, type LogEntry } from './benchHarness.js';

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
  // One action per step: the update for another seat's move must not make this seat act twice.
  let actedFor = '';
  let finished: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const { socket, synced } = seatSocket<SeatView>(base, matchID, seat.playerID, seat.credentials, POWERS.length, `${matchID} ${seat.power}`, {
    onState: (state, update) => {
      if (update) {
        tracker.received(matchID, state._stateID, update.log);
        onActive();
      }
      const view = state.G;
      if (state.ctx.gameover !== undefined) return finished();
      const step = stepKey(view);
      if (actedFor === step || !awaiting(view).includes(seat.power)) return;
      actedFor = step;
      const { action } = botActionFor('normal', scenario, view, seat.power, `${seed}-${matchID}-${seat.power}`);
      const [type, args] = action.type === 'orders' ? ['submitOrders', [action.orders]] : ['decide', [action.option]];
      const move = () => {
        tracker.sent(matchID, seat.playerID);
        sendMove(socket, matchID, seat.playerID, seat.credentials, state._stateID, type, args);
      };
      // Timing only, not the game: an unseeded random wait is fine here.
      if (thinkMs > 0) setTimeout(move, Math.random() * 2 * thinkMs);
      else move();
    },
    onError: (message) => tracker.errors.push(message),
    onMessage: (size) => {
      tracker.bytes += size;
      tracker.messages += 1;
    },
  });
  return { socket, synced, done };
}

async function main(): Promise<void> {
  await withBenchServer(profile, async ({ base, before, errors: serverErrors, memory }) => {
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
            if (active.size === matches && !duringPlay) duringPlay = memory();
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

    const moves = tracker.latencies.length;
    const moveSeconds = (tracker.lastDone - tracker.firstSent) / 1000;
    console.log(`\n${matches} matches × 6 seats (${matches * POWERS.length} sockets), ${rounds} rounds each, seed ${seed}, think ${thinkMs} ms: ${outcome === 'timeout' ? `TIMED OUT after ${timeoutSeconds} s` : `all finished in ${seconds.toFixed(1)} s`}`);
    console.log(`latency, move sent → update at all six seats: ${latencySummary(tracker.latencies)}`);
    console.log(`throughput: ${(moves / moveSeconds).toFixed(1)} moves/s (${((moves * POWERS.length) / moveSeconds).toFixed(0)} seat updates/s) over ${moveSeconds.toFixed(1)} s`);
    if (during) console.log(memoryLine(before, during, matches, 'match'));
    else console.log('server memory: not measured (not every match got a move)');
    console.log(`traffic to the seats: ${tracker.messages} messages, mean ${kb(tracker.bytes / tracker.messages)} kB`);
    const lost = tracker.pending.size;
    console.log(`errors: ${tracker.errors.length} on sockets, ${serverErrors.length} logged by the server; lost moves (sent, never seen by all seats): ${lost}`);
    for (const line of [...tracker.errors, ...serverErrors].slice(0, 10)) console.log(`  ${line.split('\n')[0]}`);
    if (outcome === 'timeout' || lost > 0 || tracker.errors.length > 0 || serverErrors.length > 0) process.exitCode = 1;
  });
}

await main();
