/**
 * The attacks bench:abuse plays (the attacker process, abuseAttacker.ts, runs them),
 * each bounded in count and in time, each counting what it sent and how the server
 * answered: accepted (it did what was asked), refused (it said no, and why), or no
 * answer by the end (dropped silently, still queued, or lost with a dead server).
 */
import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { POWERS } from '../game/powers.js';
import { nextInt, type RngState } from '../game/rng.js';
import type { Order } from '../game/types.js';
import { normaliseCode } from '../server/lobby/codes.js';
import { CHAT_HISTORY, CHAT_JOIN, CHAT_MESSAGE, CHAT_REFUSED, CHAT_SEND, REFUSED, type ChatLine, type ChatRefusal } from '../view/chatProtocol.js';
import { sendMove } from './benchHarness.js';
import type { Answer } from './httpFrom.js';
import { isSkipped, type Skipped } from './lightParser.js';

export interface Tally {
  attack: string;
  /** What was sent, in words. */
  what: string;
  /** The most it was to send (0: not played this run). */
  planned: number;
  sent: number;
  accepted: number;
  refused: number;
  /** Refusal reasons (HTTP status and error, or the socket's refusal) and how often each came. */
  reasons: Record<string, number>;
  /** Requests that got no answer at all (connection refused or reset, timeout). */
  failed: number;
  /** The answers' sizes in characters, where they are measured (syncs). */
  bytes: number;
  largest: number;
  /** Anything else worth printing (a socket the server closed, how fast lookups were answered). */
  notes: string[];
}

export function newTally(attack: string, planned: number, what: string): Tally {
  return { attack, what, planned, sent: 0, accepted: 0, refused: 0, reasons: {}, failed: 0, bytes: 0, largest: 0, notes: [] };
}

function refuse(tally: Tally, reason: string): void {
  // The server's farewell to a connection it closes (socketGuard.ts) answers no one packet: a note, not a refusal.
  if (/ refused messages and is closed$/.test(reason)) {
    tally.notes.push(`the server closed the connection: ${reason}`);
    return;
  }
  tally.refused += 1;
  const key = reason.slice(0, 90);
  tally.reasons[key] = (tally.reasons[key] ?? 0) + 1;
}

/** A seat of one of the attacker's own matches, at an orders step that waits for it alone. */
export interface AttackerSeat {
  matchID: string;
  playerID: string;
  credentials: string;
  socket: Socket;
  /** Two different legal drafts, so no two drafts in a row are the same. */
  drafts: [Order[], Order[]];
  stateID: number;
}

export interface Window {
  /** performance.now() when the attacks end. */
  until: number;
  stopped: () => boolean;
}

const TICK_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Send up to `count` items spread evenly from now until `until`, in ticks; stop early when
 * told to or when `send` returns false. Returns when done: the count sent, or the time up.
 */
async function paced(count: number, until: number, window: Window, send: (i: number) => boolean): Promise<void> {
  const from = performance.now();
  let sent = 0;
  while (sent < count && !window.stopped()) {
    const now = performance.now();
    if (now >= until) return;
    const due = Math.min(count, Math.ceil((count * (now - from + TICK_MS)) / (until - from)));
    while (sent < due) if (!send(sent++)) return;
    await sleep(TICK_MS);
  }
}

/** `inFlight` requests at a time, back to back, until `limit` are sent or the time is up; stops after three requests in a row get no answer (the server is gone). */
async function hammer(inFlight: number, limit: number, window: Window, tally: Tally, request: (i: number) => Promise<Answer>, accepted: (answer: Answer) => boolean): Promise<void> {
  let next = 0;
  let noAnswerInARow = 0;
  const worker = async () => {
    while (next < limit && performance.now() < window.until && !window.stopped() && noAnswerInARow < 3) {
      const i = next++;
      tally.sent += 1;
      const answer = await request(i);
      noAnswerInARow = answer.status === 0 ? noAnswerInARow + 1 : 0;
      if (answer.status === 0) tally.failed += 1;
      else if (accepted(answer)) tally.accepted += 1;
      else refuse(tally, `${answer.status} ${errorOf(answer.text)}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

function errorOf(text: string): string {
  try {
    return String(JSON.parse(text).error ?? text);
  } catch {
    return text;
  }
}

/**
 * Moves from one seat of the attacker's match, counted by the updates its socket gets
 * back: nobody else moves in that match (its bots have given their orders and wait for
 * this seat), so each update is one of these moves stored.
 */
export function countMoves(seat: AttackerSeat, tally: Tally, counting: () => boolean): void {
  seat.socket.on('update', () => {
    if (counting()) tally.accepted += 1;
  });
  seat.socket.on(REFUSED, (reason: string) => refuse(tally, reason));
  seat.socket.on('disconnect', (reason: string) => {
    if (reason !== 'io client disconnect') tally.notes.push(`socket closed: ${reason}`);
  });
}

/** Legal drafts, each carrying `junk` as an extra argument that the move never reads: the tester's 60 kB junk, `count` times as fast as the socket takes them. */
export async function junkDrafts(seat: AttackerSeat, count: number, junk: string, window: Window, tally: Tally): Promise<void> {
  for (let i = 0; i < count && !window.stopped() && seat.socket.connected; i++) {
    tally.sent += 1;
    sendMove(seat.socket, seat.matchID, seat.playerID, seat.credentials, seat.stateID, 'draft', [seat.drafts[i % 2], junk]);
    // A breath every ten, so the socket writes as it goes instead of buffering them all.
    if (i % 10 === 9) await sleep(TICK_MS);
  }
}

/** Legal drafts, alternating between two so each changes the match, `count` of them spread over the window (the tester sent 2,000 in 3 s). */
export async function draftFlood(seat: AttackerSeat, count: number, window: Window, tally: Tally): Promise<void> {
  await paced(count, window.until, window, (i) => {
    if (seat.socket.disconnected) return false;
    tally.sent += 1;
    sendMove(seat.socket, seat.matchID, seat.playerID, seat.credentials, seat.stateID, 'draft', [seat.drafts[i % 2]]);
    return true;
  });
}

/**
 * `count` syncs of one match from one socket, spread over the rest of the window; as a
 * seat with its credentials, or as a stranger (playerID null, no credentials). Each answer
 * is counted with its size (a light socket skips decoding it).
 */
export async function syncFlood(socket: Socket, matchID: string, seat: { playerID: string; credentials: string } | null, count: number, window: Window, tally: Tally): Promise<void> {
  socket.on('sync', (first: Skipped | string, info?: unknown) => {
    tally.accepted += 1;
    const size = isSkipped(first) ? first.bytes : JSON.stringify([first, info]).length;
    tally.bytes += size;
    tally.largest = Math.max(tally.largest, size);
  });
  socket.on(REFUSED, (reason: string) => refuse(tally, reason));
  socket.on('disconnect', (reason: string) => {
    if (reason !== 'io client disconnect') tally.notes.push(`socket closed: ${reason}`);
  });
  if (socket.disconnected) tally.notes.push('the socket could not connect');
  await paced(count, window.until, window, () => {
    if (socket.disconnected) return false;
    tally.sent += 1;
    socket.emit('sync', matchID, seat?.playerID ?? null, seat?.credentials, POWERS.length);
    return true;
  });
}

/** Letters and digits a guesser would try; codes the server could not have issued are skipped (normaliseCode). */
const CODE_GUESSES = '23456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function guessCode(rng: RngState): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 6; i++) code += CODE_GUESSES[nextInt(rng, CODE_GUESSES.length)];
    if (normaliseCode(code) === code) return code;
  }
}

/** GET /api/matches/:code with guessed codes, `inFlight` at a time, as fast as the server answers; a "no such match" is an answer (accepted), 429 a refusal. */
export async function codeGuessing(request: (method: string, path: string) => Promise<Answer>, rng: RngState, inFlight: number, limit: number, window: Window, tally: Tally): Promise<void> {
  const started = performance.now();
  let found = 0;
  await hammer(inFlight, limit, window, tally, () => request('GET', `/api/matches/${guessCode(rng)}`), (answer) => {
    if (answer.status === 200) found += 1;
    return answer.status === 200 || answer.status === 404;
  });
  const seconds = (performance.now() - started) / 1000;
  tally.notes.push(`${Math.round(tally.accepted / seconds)} answered lookups/s, ${found} real codes found`);
}

/** POST /api/matches/:code/join on one of the attacker's open matches, a random power each time, `inFlight` at a time. */
export async function joinFlood(request: (method: string, path: string, body: unknown) => Promise<Answer>, matchID: string, rng: RngState, inFlight: number, limit: number, window: Window, tally: Tally): Promise<void> {
  await hammer(inFlight, limit, window, tally, (i) => request('POST', `/api/matches/${matchID}/join`, { power: POWERS[nextInt(rng, POWERS.length)], name: `flood ${i}` }), (answer) => answer.status === 200);
}

/** Join a match's chat as a seat (or a spectator, `seat` null): null once joined, or why not. */
export function joinChat(socket: Socket, matchID: string, seat: { playerID: string; credentials: string } | null): Promise<string | null> {
  if (socket.disconnected) return Promise.resolve('could not connect');
  return new Promise((resolve) => {
    socket.once(CHAT_HISTORY, () => resolve(null));
    socket.once(CHAT_REFUSED, (refusal: ChatRefusal) => resolve(refusal.code));
    socket.once('disconnect', (reason: string) => resolve(`disconnected: ${reason}`));
    setTimeout(() => resolve('no answer in 10 s'), 10_000);
    socket.emit(CHAT_JOIN, matchID, seat?.playerID ?? null, seat?.credentials);
  });
}

/**
 * Sockets that joined one seat's chat send `count` public lines between them, round-robin,
 * spread over the window. A line is accepted when the `reader` (a spectator who joined
 * the same chat) hears it.
 */
export async function chatFlood(sockets: Socket[], reader: Socket, matchID: string, count: number, window: Window, tally: Tally): Promise<void> {
  const prefix = `flood line ${performance.now().toFixed(0)}`;
  reader.on(CHAT_MESSAGE, (line: ChatLine) => {
    if (line.text.startsWith(prefix)) tally.accepted += 1;
  });
  for (const socket of sockets) socket.on(CHAT_REFUSED, (refusal: ChatRefusal) => refuse(tally, `${refusal.code}: ${refusal.detail}`));
  await paced(count, window.until, window, (i) => {
    const socket = sockets[i % sockets.length]!;
    if (socket.disconnected) return true;
    tally.sent += 1;
    socket.emit(CHAT_SEND, matchID, { to: 'all', text: `${prefix}-${i}` });
    return true;
  });
}
