/**
 * npm run bench:classroom -- --exercises N --seed S [--rounds R] [--order-seconds T] [--think MS] [--timeout SECONDS] [--profile]
 *
 * Classroom exercises under load on loopback: the real server in a child process
 * (benchHarness.ts: SQLite in a temp dir) and, in this process, N exercises of 40 raw
 * socket.io clients each: six teams (7, 7, 6, 6, 6 and 6 students, each on a device of
 * their own), Control and a projector, through whole games (the scenario's rounds unless
 * --rounds). In each orders step a team's members take turns editing the shared draft
 * (draft moves, each waited for before the next, with a pause of 0.4 to 1.6 times --think
 * between them: the default 375 ms keeps every team editing, far denser than a class
 * talks), then the captain locks the orders in;
 * in one round (the second) half the teams never lock in, so the orders timer
 * (--order-seconds) expires and locks their drafts in as they stand. Captains take each
 * decision (a Normal bot's choice from the captain's view). Control pauses and resumes in
 * odd rounds and puts a headline on top in the first.
 *
 * Prints the latency from a move sent to the moment all 40 clients of its exercise have
 * the update (p50, p95, p99), the errors, lost drafts and orders (a draft the server
 * acknowledged, or orders a captain locked in, that differ from the orders recorded for
 * the round), how often a timer expired, and the server's memory per exercise (after a
 * forced GC, minus the same before). Both processes share the machine's cores, so the
 * clients' own work (parsing 40 views per move) is in the figures.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Socket } from 'socket.io-client';
import { botActionFor } from '../bots/levels.js';
import { awaiting, stepKey } from '../game/actions.js';
import { checkControl } from '../game/control.js';
import { CONTROL_SEAT, POWERS, type PowerId } from '../game/powers.js';
import { nextInt, seedRng, type RngState } from '../game/rng.js';
import type { ControlCommand, ControlView, Order, SeatView } from '../game/types.js';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import { intFlag, parseArgs } from './args.js';
import { cpuSeconds, latencySummary, memoryLine, post, seatSocket, sendMove, withBenchServer, type LogEntry, type SeenState } from './benchHarness.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scenario = loadScenarioFolder(`${root}scenarios`).get(DEFAULT_SCENARIO)!;

const { flags } = parseArgs(process.argv.slice(2));
const exercises = intFlag(flags, 'exercises', 10);
const seed = flags.get('seed') ?? '1';
const rounds = intFlag(flags, 'rounds', scenario.rounds);
const orderSeconds = intFlag(flags, 'order-seconds', 20, 5);
/** Mean pause before each draft edit, lock-in and decision of a team. */
const thinkMs = intFlag(flags, 'think', 375, 0);
const timeoutSeconds = intFlag(flags, 'timeout', 900);
const profile = flags.has('profile');

/** Students per team, in POWERS order: with Control and the projector, 40 clients an exercise. */
const TEAM_SIZES = [7, 7, 6, 6, 6, 6];
const CLIENTS = TEAM_SIZES.reduce((a, b) => a + b, 0) + 2;
/** The round in which half the teams leave their drafts for the timer. */
const TIMER_ROUND = Math.min(2, rounds);
/** Control's own commands; the server's timer sends the others (setTimer, advance) from the same seat. */
const BENCH_COMMANDS = new Set(['pause', 'resume', 'inject']);
/** How long a client waits for its move to come back, or for the next step, before it is an error. */
const ACK_WAIT_MS = 30_000;
const STEP_WAIT_MS = Math.max(120_000, orderSeconds * 4000);

type View = SeatView | ControlView;

/** Everything measured, over all exercises. */
const results = {
  latencies: [] as number[],
  errors: [] as string[],
  /** Updates from the server's own moves (the orders timer): no client sent them. */
  timerMoves: 0,
  draftsAcked: 0,
  ordersAcked: 0,
  /** Drafts or orders that arrived after the timer had locked the team in: refused, and so never acknowledged. */
  overtaken: 0,
  lost: [] as string[],
  firstSent: Infinity,
  lastDone: 0,
};

/** Same value, whatever order its keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The move an update came from, as its deltalog names it (another seat's arguments are redacted). */
function madeMove(log: LogEntry[] | undefined) {
  return log?.find((e) => e.action?.type === 'MAKE_MOVE')?.action?.payload;
}

/** True when this update is the move `type` by `playerID` with this first argument. */
function isMove(log: LogEntry[] | undefined, playerID: string, type: string, arg: unknown): boolean {
  const move = madeMove(log);
  return move?.playerID === playerID && move.type === type && canonical(move.args?.[0]) === canonical(arg);
}

/** One client: its socket, the last state it had, and who waits on its next one. */
interface Client {
  label: string;
  playerID: string | null;
  credentials: string | undefined;
  socket: Socket;
  synced: Promise<void>;
  state: SeenState<View> | null;
  watchers: Set<(state: SeenState<View>, log: LogEntry[] | undefined) => void>;
}

/** The first `check` that is not null on a state this client gets from now on, or null after `ms`. */
function until<T>(client: Client, check: (state: SeenState<View>, log: LogEntry[] | undefined) => T | null, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), ms);
    const watcher = (state: SeenState<View>, log: LogEntry[] | undefined) => {
      const found = check(state, log);
      if (found !== null) finish(found);
    };
    const finish = (value: T | null) => {
      clearTimeout(timer);
      client.watchers.delete(watcher);
      resolve(value);
    };
    client.watchers.add(watcher);
  });
}

/** The moves of one exercise in flight, and how many of its clients have each update. */
class Exercise {
  readonly clients: Client[] = [];
  readonly teams: Array<{ power: PowerId; index: number; members: Client[] }> = [];
  control!: Client;
  /** `${playerID}/${type}` → when it was sent: one at a time per team and type, and per Control. */
  private readonly pending = new Map<string, number>();
  private readonly arrivals = new Map<number, { count: number; mover?: string; kind?: string }>();
  /** Per round and team: the last draft the server acknowledged, and the orders the captain locked in. */
  readonly expected = new Map<string, { draft: Order[] | null; submitted: Order[] | null }>();
  hadMove = false;

  constructor(
    readonly code: string,
    readonly controlToken: string,
    readonly rng: RngState,
  ) {}

  connect(base: string, playerID: string | null, credentials: string | undefined, label: string): Client {
    // The socket's events come later, once `client` is made.
    let client: Client;
    const { socket, synced } = seatSocket<View>(base, this.code, playerID, credentials, POWERS.length + 1, `${this.code} ${label}`, {
      onState: (state, update) => {
        client.state = state;
        if (update) this.received(state._stateID, update.log, client === this.control);
        for (const watcher of [...client.watchers]) watcher(state, update?.log);
      },
      onError: (message) => results.errors.push(message),
    });
    client = { label: `${this.code} ${label}`, playerID, credentials, socket, synced, state: null, watchers: new Set() };
    this.clients.push(client);
    return client;
  }

  /** Send a move from this client (a seat's member or captain, or Control). */
  send(client: Client, type: string, arg: unknown): void {
    const now = performance.now();
    results.firstSent = Math.min(results.firstSent, now);
    this.pending.set(`${client.playerID}/${type}`, now);
    sendMove(client.socket, this.code, client.playerID!, client.credentials!, client.state!._stateID, type, [arg]);
  }

  /** A move that will never be acknowledged (the timer locked the team in first). */
  cancel(client: Client, type: string): void {
    this.pending.delete(`${client.playerID}/${type}`);
    results.overtaken += 1;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private received(stateID: number, log: LogEntry[] | undefined, fromControl: boolean): void {
    this.hadMove = true;
    let entry = this.arrivals.get(stateID);
    if (!entry) this.arrivals.set(stateID, (entry = { count: 0 }));
    const move = madeMove(log);
    if (move) entry.mover ??= `${move.playerID}/${move.type}`;
    // Only Control's own socket sees its commands' arguments: which were the bench's, which the timer's.
    if (fromControl && move?.playerID === CONTROL_SEAT) entry.kind = (move.args?.[0] as { kind?: string } | undefined)?.kind;
    entry.count += 1;
    if (entry.count < CLIENTS) return;
    this.arrivals.delete(stateID);
    const now = performance.now();
    results.lastDone = now;
    if (!entry.mover) return void results.errors.push(`${this.code}: update ${stateID} came from no move`);
    if (entry.mover === `${CONTROL_SEAT}/control` && !BENCH_COMMANDS.has(entry.kind ?? '')) return void (results.timerMoves += 1);
    const sentAt = this.pending.get(entry.mover);
    this.pending.delete(entry.mover);
    if (sentAt === undefined) results.errors.push(`${this.code}: update ${stateID} (${entry.mover}) matched no move sent`);
    else results.latencies.push(now - sentAt);
  }

  /** The orders recorded for each round against what was acknowledged; the timer's expiries. */
  check(): number {
    const G = this.control.state?.G as ControlView | undefined;
    if (!G) return 0;
    let expiries = 0;
    for (const record of G.history) {
      if (record.control?.some((c) => c.kind === 'advance')) expiries += 1;
      for (const { power } of this.teams) {
        const locked = record.orders[power];
        if (!locked) continue;
        const sent = this.expected.get(`${record.round}/${power}`);
        const want = sent?.submitted ?? padded(sent?.draft ?? []);
        if (canonical(locked) !== canonical(want)) this.lost(`${this.code} round ${record.round} ${power}: locked ${canonical(locked)}, acknowledged ${canonical(want)}`);
      }
    }
    return expiries;
  }

  lost(what: string): void {
    results.lost.push(what);
  }
}

function padded(draft: Order[]): Order[] {
  const orders = [...draft];
  while (orders.length < scenario.rules.ordersPerRound) orders.push({ kind: 'hold' });
  return orders;
}

const think = (ex: Exercise) => sleep(thinkMs * (0.4 + nextInt(ex.rng, 1201) / 1000));
const over = (state: SeenState<View>) => state.ctx.gameover !== undefined;

/** A team through the game: decisions by the captain; in each orders step drafts by the members in turn, then the captain's lock-in. */
async function playTeam(ex: Exercise, team: Exercise['teams'][number]): Promise<void> {
  const captain = team.members[0]!;
  const playerID = captain.playerID!;
  let last = '';
  const due = (state: SeenState<View>) => (over(state) || (stepKey(state.G) !== last && awaiting(state.G).includes(team.power)) ? state : null);
  steps: for (;;) {
    const state = captain.state && due(captain.state) ? captain.state : await until(captain, due, STEP_WAIT_MS);
    if (!state) return void results.errors.push(`${captain.label}: no step for ${team.power} in ${STEP_WAIT_MS / 1000} s`);
    if (over(state)) return;
    const G = state.G as SeatView;
    const step = (last = stepKey(G));
    const { action } = botActionFor('normal', scenario, G, team.power, `${seed}-${ex.code}-${team.power}`);
    await think(ex);
    if (action.type === 'decide') {
      ex.send(captain, 'decide', action.option);
      continue;
    }
    const orders = action.orders;
    const expected = { draft: null as Order[] | null, submitted: null as Order[] | null };
    ex.expected.set(`${G.round}/${team.power}`, expected);
    const moved = (s: SeenState<View>) => stepKey(s.G) !== step;
    const edits = 3 + nextInt(ex.rng, 4);
    for (let i = 0; i < edits; i++) {
      const member = team.members[(i + 1) % team.members.length]!;
      const draft = orders.slice(0, (i % orders.length) + 1);
      ex.send(member, 'draft', draft);
      const outcome = await until(member, (s, log) => (isMove(log, playerID, 'draft', draft) ? 'acked' : moved(s) ? 'overtaken' : null), ACK_WAIT_MS);
      if (outcome === 'overtaken') {
        ex.cancel(member, 'draft');
        continue steps;
      }
      if (!outcome) results.errors.push(`${member.label}: draft not acknowledged in ${ACK_WAIT_MS / 1000} s`);
      expected.draft = draft;
      results.draftsAcked += 1;
      await think(ex);
    }
    // Half the teams leave this round to the timer.
    if (G.round === TIMER_ROUND && team.index % 2 === 0) continue;
    ex.send(captain, 'submitOrders', orders);
    const outcome = await until(captain, (s, log) => (isMove(log, playerID, 'submitOrders', orders) ? 'acked' : moved(s) ? 'overtaken' : null), ACK_WAIT_MS);
    if (outcome === 'acked') {
      expected.submitted = orders;
      results.ordersAcked += 1;
    } else if (outcome === 'overtaken') ex.cancel(captain, 'submitOrders');
    else results.errors.push(`${captain.label}: orders not acknowledged in ${ACK_WAIT_MS / 1000} s`);
  }
}

/** Control: in each orders step of an odd round a pause and a resume; in the first, a headline put on top. */
async function runControl(ex: Exercise): Promise<void> {
  const control = ex.control;
  let last = '';
  const ordersStep = (state: SeenState<View>) => (over(state) || (state.G.step.kind === 'orders' && stepKey(state.G) !== last) ? state : null);
  const command = async (make: (G: ControlView) => ControlCommand | null): Promise<void> => {
    const G = control.state!.G as ControlView;
    const cmd = make(G);
    // As Control's console does: a command the match would refuse now is not sent.
    if (!cmd || !checkControl(scenario, G, cmd).ok) return;
    const step = stepKey(G);
    ex.send(control, 'control', cmd);
    const outcome = await until(control, (s, log) => (isMove(log, CONTROL_SEAT, 'control', cmd) ? 'acked' : stepKey(s.G) !== step ? 'overtaken' : null), ACK_WAIT_MS);
    if (outcome === 'overtaken') ex.cancel(control, 'control');
    else if (!outcome) results.errors.push(`${control.label}: ${cmd.kind} not acknowledged in ${ACK_WAIT_MS / 1000} s`);
  };
  for (;;) {
    const state = control.state && ordersStep(control.state) ? control.state : await until(control, ordersStep, STEP_WAIT_MS);
    if (!state) return void results.errors.push(`${control.label}: no orders step in ${STEP_WAIT_MS / 1000} s`);
    if (over(state)) return;
    last = stepKey(state.G);
    const round = state.G.round;
    if (round === 1) await command((G) => ({ kind: 'inject', card: scenario.headlines.map((h) => h.id).find((card) => checkControl(scenario, G, { kind: 'inject', card }).ok) ?? '' }));
    if (round % 2 === 1) {
      await sleep(800);
      await command(() => ({ kind: 'pause', at: Date.now() }));
      await sleep(700);
      await command(() => ({ kind: 'resume', at: Date.now() }));
    }
  }
}

/** Create the exercise and seat its 38 students (through the API, as their devices would). */
async function openExercise(base: string, index: number): Promise<{ ex: Exercise; members: Array<{ power: PowerId; playerID: string; memberToken: string }> }> {
  const { code, controlToken } = await post(`${base}/api/exercises`, { teamSize: Math.max(...TEAM_SIZES), rounds, seed: `${seed}-${index}`, orderSeconds, bots: 'easy', chat: true });
  const members = [];
  for (const [i, power] of POWERS.entries()) {
    for (let k = 0; k < TEAM_SIZES[i]!; k++) members.push({ power, ...(await post(`${base}/api/exercises/${code}/join`, { name: `${power} student ${k + 1}`, power })) });
  }
  return { ex: new Exercise(code, controlToken, seedRng(`${seed}-${index}-timing`)), members };
}

async function main(): Promise<void> {
  await withBenchServer(profile, async ({ base, before, errors: serverErrors, memory, cpu }) => {
    const opened = [];
    for (let i = 0; i < exercises; i++) opened.push(await openExercise(base, i));
    console.log(`${exercises} exercises created and joined; connecting ${exercises * CLIENTS} sockets`);
    const all: Exercise[] = [];
    // One exercise's 40 devices at a time, as a class arrives.
    for (const { ex, members } of opened) {
      for (const [i, power] of POWERS.entries()) {
        const team = { power, index: i, members: members.filter((m) => m.power === power).map((m, k) => ex.connect(base, m.playerID, m.memberToken, `${power}#${k + 1}`)) };
        ex.teams.push(team);
      }
      ex.control = ex.connect(base, CONTROL_SEAT, ex.controlToken, 'Control');
      ex.connect(base, null, undefined, 'projector');
      await Promise.all(ex.clients.map((c) => c.synced));
      all.push(ex);
    }

    const started = performance.now();
    const cpuAtStart = { server: await cpu(), clients: process.cpuUsage() };
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeoutSeconds * 1000, 'timeout').unref());
    // Every class starts within a few seconds: the exercises run side by side.
    const runs = all.map(async (ex) => {
      await post(`${base}/api/exercises/${ex.code}/start`, { controlToken: ex.controlToken });
      await Promise.all([...ex.teams.map((team) => playTeam(ex, team)), runControl(ex)]);
      // Every client has the end (the last update may still be on its way to some).
      await Promise.all(ex.clients.map((c) => (c.state && over(c.state) ? null : until(c, (s) => (over(s) ? true : null), ACK_WAIT_MS))));
    });
    // Memory with every exercise under way, measured after a few rounds' worth of moves.
    const during = (async () => {
      while (!all.every((ex) => ex.hadMove)) await sleep(200);
      await sleep(5000);
      return memory();
    })();
    const outcome = await Promise.race([Promise.all(runs), timedOut]);
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(cpuAtStart.server, await cpu());
    const clientsCpu = cpuSeconds(cpuAtStart.clients, process.cpuUsage());
    const usage = await Promise.race([during, sleep(10_000).then(() => null)]);
    const expiries = all.map((ex) => ex.check());
    all.forEach((ex) => ex.clients.forEach((c) => c.socket.close()));
    const inFlight = all.reduce((n, ex) => n + ex.inFlight, 0);

    console.log(
      `\n${exercises} exercises × ${CLIENTS} clients (${exercises * CLIENTS} sockets: teams of ${TEAM_SIZES.join(', ')}, Control, projector), ${rounds} rounds, orders timer ${orderSeconds} s, think ${thinkMs} ms, seed ${seed}: ` +
        (outcome === 'timeout' ? `TIMED OUT after ${timeoutSeconds} s` : `all finished in ${seconds.toFixed(1)} s`),
    );
    console.log(`latency, move sent → update at all ${CLIENTS} clients of the exercise: ${latencySummary(results.latencies)}`);
    const moveSeconds = (results.lastDone - results.firstSent) / 1000;
    console.log(`throughput: ${(results.latencies.length / moveSeconds).toFixed(1)} moves/s (${((results.latencies.length * CLIENTS) / moveSeconds).toFixed(0)} client updates/s) over ${moveSeconds.toFixed(1)} s`);
    // Both processes share the machine (and, here, other people's work): which of them the time went to.
    console.log(`CPU over the play: server ${serverCpu.toFixed(1)} s (${((serverCpu * 1000) / (results.latencies.length + results.timerMoves)).toFixed(1)} ms per move), bench clients ${clientsCpu.toFixed(1)} s, in ${seconds.toFixed(1)} s`);
    console.log(`moves: ${results.draftsAcked} drafts and ${results.ordersAcked} lock-ins acknowledged, ${results.overtaken} overtaken by the timer (refused, not lost), ${results.timerMoves} timer moves`);
    console.log(`timer expiries per exercise: ${expiries.join(', ')}`);
    if (usage) console.log(memoryLine(before, usage, exercises, 'exercise'));
    else console.log('server memory: not measured (not every exercise got a move)');
    console.log(`errors: ${results.errors.length} on sockets, ${serverErrors.length} logged by the server; lost drafts or orders: ${results.lost.length}; moves sent and never seen by all clients: ${inFlight}`);
    for (const line of [...results.errors, ...serverErrors, ...results.lost].slice(0, 10)) console.log(`  ${line.split('\n')[0]}`);
    const timerMissed = expiries.some((n) => n === 0);
    if (timerMissed) console.log('  an exercise had no timer expiry');
    if (outcome === 'timeout' || timerMissed || inFlight > 0 || results.lost.length > 0 || results.errors.length > 0 || serverErrors.length > 0) process.exitCode = 1;
  });
}

await main();
