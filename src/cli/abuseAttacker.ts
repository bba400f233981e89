/**
 * bench:abuse's attacker: a child process of its own (forked by benchAbuse.ts), so its
 * work (thousands of requests, syncs tens of MB long) is not in the event loop that
 * times the normal match. Every socket and request it makes comes from the plan's
 * `address` (bench:abuse: 127.0.0.2), the normal match's from 127.0.0.1, so the server's
 * per-address limits tell the two apart as they would two people. Over IPC:
 *   ← { kind: 'setup', plan }  → { kind: 'ready' } once its matches wait for it, or { kind: 'failed', error }
 *   ← 'go'                     → { kind: 'report', tallies } once every attack has ended
 *   ← 'stop'                   (the server died: stop sending, report what was counted)
 * Set-up, before the normal match's quiet phase: three matches of its own, created and
 * joined through the lobby like anyone's. "junk" and "flood" are started with one seat
 * taken and five played by the server's bots, and brought (a Normal bot deciding for the
 * seat) to an orders step that waits for the attacker alone; "joins" stays open.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { botActionFor } from '../bots/levels.js';
import { awaiting, stepKey } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { seedRng } from '../game/rng.js';
import type { SeatView } from '../game/types.js';
import { DEFAULT_SCENARIO } from '../scenario/defaultScenario.js';
import { loadScenarioFolder } from '../server/scenarios.js';
import { chatFlood, codeGuessing, countMoves, draftFlood, joinChat, joinFlood, junkDrafts, newTally, syncFlood, type AttackerSeat, type Tally, type Window } from './abuseAttacks.js';
import { seatSocket, sendMove } from './benchHarness.js';
import { httpFrom } from './httpFrom.js';
import { lightParser } from './lightParser.js';

export interface AttackPlan {
  base: string;
  /** The loopback address every socket and request of the attacker's comes from. */
  address: string;
  seed: string;
  seconds: number;
  /** Starts every junk string; unique to the run, so storedJunk.ts can count what was stored. */
  marker: string;
  junkBytes: number;
  junkDrafts: number;
  floodDrafts: number;
  syncsPerSocket: number;
  lookups: number;
  lookupsInFlight: number;
  joins: number;
  chatSockets: number;
  chatLines: number;
}

export type FromAttacker = { kind: 'ready' } | { kind: 'failed'; error: string } | { kind: 'report'; tallies: Tally[] };
export type ToAttacker = { kind: 'setup'; plan: AttackPlan } | 'go' | 'stop';

const SETUP_WAIT_MS = 60_000;
/** After the window, how long answers may still arrive before the report is made. */
const SETTLE_MS = 5000;
const root = fileURLToPath(new URL('../../', import.meta.url));
const scenario = loadScenarioFolder(`${root}scenarios`).get(DEFAULT_SCENARIO)!;

if (!process.send) {
  console.error('abuseAttacker: run by npm run bench:abuse (needs an IPC channel)');
  process.exit(2);
}
const tell = (message: FromAttacker) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

let plan: AttackPlan | null = null;
/** Set from 'go' on: the seats' sockets count their updates and stop decoding them. */
let attacking = false;
let stopped = false;
const socketOptions = () => ({ localAddress: plan!.address, parser: lightParser(() => attacking) });

/** One of the attacker's matches with `power`'s seat taken, at an orders step that waits only for it. */
async function attackerSeat(plan: AttackPlan, http: ReturnType<typeof httpFrom>, power: PowerId, label: string): Promise<AttackerSeat> {
  const { matchID, hostToken } = await http.json('POST', '/api/matches', {});
  const { playerID, credentials } = await http.json('POST', `/api/matches/${matchID}/join`, { power, name: `attacker ${label}` });
  await http.json('POST', `/api/matches/${matchID}/start`, { hostToken });
  let decidedFor = '';
  let stateID = 0;
  let found: (drafts: AttackerSeat['drafts']) => void;
  let failed: (error: Error) => void;
  const drafts = new Promise<AttackerSeat['drafts']>((resolve, reject) => ((found = resolve), (failed = reject)));
  const { socket } = seatSocket<SeatView>(
    plan.base,
    matchID,
    playerID,
    credentials,
    POWERS.length,
    `attacker ${label}`,
    {
      onState: (state) => {
        if (attacking) return;
        const view = state.G;
        stateID = state._stateID;
        const due = awaiting(view);
        if (!due.includes(power)) return;
        const { action } = botActionFor('normal', scenario, view, power, `${plan.seed}-${label}`);
        if (view.step.kind === 'orders' && due.length === 1 && action.type === 'orders') return found([action.orders.slice(0, 1), action.orders.slice(0, 2)]);
        if (action.type !== 'decide' || decidedFor === stepKey(view)) return;
        decidedFor = stepKey(view);
        sendMove(socket, matchID, playerID, credentials, stateID, 'decide', [action.option]);
      },
      onError: (message) => {
        if (!attacking) failed(new Error(message));
      },
    },
    socketOptions(),
  );
  const timer = setTimeout(() => failed(new Error(`the attacker's ${label} match did not reach an orders step waiting for ${power} alone in ${SETUP_WAIT_MS / 1000} s`)), SETUP_WAIT_MS);
  const ready = await drafts.finally(() => clearTimeout(timer));
  return { matchID, playerID, credentials, socket, drafts: ready, stateID };
}

/** A socket of the attacker's that syncs nothing by itself (sync floods, chat), once connected or refused: a refused one stays disconnected and sends nothing. */
async function bareSocket(base: string): Promise<Socket> {
  const socket = io(`${base}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false, ...socketOptions() });
  await new Promise<void>((resolve) => ['connect', 'connect_error'].forEach((event) => socket.once(event, () => resolve())));
  return socket;
}

async function setup(plan: AttackPlan) {
  // Enough sockets for the lookups and joins at once, and one more for anything else.
  const http = httpFrom(plan.base, plan.address, plan.lookupsInFlight + 5);
  const junk = await attackerSeat(plan, http, 'USA', 'junk');
  const flood = await attackerSeat(plan, http, 'JPN', 'flood');
  const { matchID: openMatch } = await http.json('POST', '/api/matches', {});
  const syncSockets = await Promise.all([bareSocket(plan.base), bareSocket(plan.base)]);
  // The chat's sockets join before the attacks (their lines are the attack), and a spectator who counts the lines heard.
  const chatSockets = await Promise.all(Array.from({ length: plan.chatSockets }, () => bareSocket(plan.base)));
  const seat = { playerID: junk.playerID, credentials: junk.credentials };
  const chatJoins = await Promise.all(chatSockets.map((socket) => joinChat(socket, junk.matchID, seat)));
  const reader = await bareSocket(plan.base);
  const readerJoin = await joinChat(reader, junk.matchID, null);
  return { http, junk, flood, openMatch, syncSockets, chatSockets, chatJoins, reader, readerJoin };
}

async function attack(plan: AttackPlan, set: Awaited<ReturnType<typeof setup>>): Promise<Tally[]> {
  const { http, junk, flood, openMatch, syncSockets, chatSockets, chatJoins, reader, readerJoin } = set;
  const window: Window = { until: performance.now() + plan.seconds * 1000, stopped: () => stopped };
  const kB = Math.round(plan.junkBytes / 1000);
  const tallies = {
    junk: newTally('junk drafts', plan.junkDrafts, `${plan.junkDrafts} legal drafts, each with a ${kB} kB extra argument, at once`),
    flood: newTally('draft flood', plan.floodDrafts, `${plan.floodDrafts} legal drafts (two alternating) over ${plan.seconds} s`),
    syncSeat: newTally('sync flood, seat', plan.syncsPerSocket, `${plan.syncsPerSocket} syncs of the junk match from one socket, as its seat with credentials`),
    syncStranger: newTally('sync flood, stranger', plan.syncsPerSocket, `${plan.syncsPerSocket} syncs of the junk match from one socket, no seat or credentials`),
    lookups: newTally('code guessing', plan.lookups, `GET /api/matches/<guess>, ${plan.lookupsInFlight} at a time, at most ${plan.lookups}`),
    joins: newTally('join flood', plan.joins, `POST /api/matches/<open match>/join, 4 at a time, at most ${plan.joins}`),
    chat: newTally('chat, one seat', plan.chatLines, `${plan.chatSockets} sockets in one seat's chat, ${plan.chatLines} lines over ${plan.seconds} s`),
  };
  const refusedJoins = chatJoins.filter((refusal) => refusal !== null);
  tallies.chat.notes.push(`${chatJoins.length - refusedJoins.length} of ${chatJoins.length} sockets joined the seat's chat before the attacks${refusedJoins.length ? ` (refused: ${refusedJoins.join(', ')})` : ''}`);
  if (readerJoin) tallies.chat.notes.push(`the spectator who counts the lines heard could not join (${readerJoin}): "accepted" is not counted`);
  countMoves(junk, tallies.junk, () => attacking);
  countMoves(flood, tallies.flood, () => attacking);
  attacking = true;
  const junkString = (plan.marker + 'x'.repeat(plan.junkBytes)).slice(0, plan.junkBytes);
  const junkSent = junkDrafts(junk, plan.junkDrafts, junkString, window, tallies.junk);
  const seat = { playerID: junk.playerID, credentials: junk.credentials };
  await Promise.all([
    junkSent,
    draftFlood(flood, plan.floodDrafts, window, tallies.flood),
    // The syncs come once the junk is sent: each then reads and sends the junk-laden log.
    junkSent.then(() => syncFlood(syncSockets[0]!, junk.matchID, seat, plan.syncsPerSocket, window, tallies.syncSeat)),
    junkSent.then(() => syncFlood(syncSockets[1]!, junk.matchID, null, plan.syncsPerSocket, window, tallies.syncStranger)),
    codeGuessing(http.request, seedRng(`${plan.seed}-codes`), plan.lookupsInFlight, plan.lookups, window, tallies.lookups),
    joinFlood(http.request, openMatch, seedRng(`${plan.seed}-joins`), 4, plan.joins, window, tallies.joins),
    chatFlood(chatSockets, reader, junk.matchID, plan.chatLines, window, tallies.chat),
  ]);
  // Answers to the last packets may still be on their way: wait until each socket attack is answered, or a while.
  const socketAttacks = [tallies.junk, tallies.flood, tallies.syncSeat, tallies.syncStranger, tallies.chat];
  const settleBy = performance.now() + SETTLE_MS;
  while (!stopped && performance.now() < settleBy && socketAttacks.some((t) => t.accepted + t.refused < t.sent)) await new Promise((r) => setTimeout(r, 100));
  for (const socket of [junk.socket, flood.socket, ...syncSockets, ...chatSockets, reader]) socket.close();
  http.close();
  return Object.values(tallies);
}

let prepared: ReturnType<typeof setup> | null = null;
process.on('message', (message: ToAttacker) => {
  if (message === 'stop') {
    stopped = true;
  } else if (message === 'go') {
    void prepared!
      .then((set) => attack(plan!, set))
      .then(
        (tallies) => tell({ kind: 'report', tallies }),
        (error: Error) => tell({ kind: 'failed', error: error.stack ?? error.message }),
      )
      .then(() => process.exit(0));
  } else if (message.kind === 'setup') {
    plan = message.plan;
    prepared = setup(plan);
    prepared.then(
      () => tell({ kind: 'ready' }),
      (error: Error) => tell({ kind: 'failed', error: error.message }).then(() => process.exit(1)),
    );
  }
});
