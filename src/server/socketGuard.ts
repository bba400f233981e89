/**
 * Every socket message is checked here before boardgame.io sees it. boardgame.io
 * trusts its clients' packets (shape, sizes, which events exist); a malformed one
 * could throw inside its handlers and take the process down, and whatever a move
 * carries is kept in the match's log for good. A refused packet gets a
 * `triangles:refused` message naming what was wrong, and goes no further. One thing is
 * changed rather than refused: a Control command's time far from the server's.
 *
 * Moves and syncs are counted against their client address before anything is read,
 * then against their seat once its credentials have proven it, so a stranger naming a
 * seat cannot spend its players' budget. A seat's devices share one budget (a team's
 * drafting devices, ten tabs of one player).
 */
import type { Server as IOServer, Socket } from 'socket.io';
import { CONTROL_SEAT, isControlSeat, powerOfSeat } from '../game/powers.js';
import { authenticateSeat } from './auth.js';
import { socketAddress } from './clientAddress.js';
import { boundCommandTime } from './exercise/commandTime.js';
import type { Limits } from './limits.js';
import { normaliseCode } from './lobby/codes.js';
import { lobbyOf, type MatchMetadata } from './lobby/matchInfo.js';
import { RateLimiter } from './lobby/rateLimit.js';

export interface GuardHooks {
  /** The match's record, or null when no match has this code. */
  metadata: (matchID: string) => Promise<MatchMetadata | null>;
  limits: SocketLimits;
  /** A seat's socket synced (took part in a match) or went away. */
  onSeen?: (socket: Socket, matchID: string, playerID: string | null, credentials: unknown) => void;
  /** Who of a seat's people may make this move (exercise/moveRules.ts); a refusal reason, or null. */
  checkMove?: (matchID: string, metadata: MatchMetadata, playerID: string, type: string, credentials: unknown) => Check;
  /** Why the match may store no more moves (storedMoves.ts), or null. */
  checkStored?: (matchID: string) => Promise<Check>;
  /** Our own events on the game's socket (chat): each handler answers for itself, refusals included. */
  custom?: Record<string, (socket: Socket, args: unknown[]) => Promise<void>>;
}

/** The rate limits on moves and syncs, and where a socket's client address comes from. */
export interface SocketLimits {
  addressOf: (socket: Socket) => string;
  moves: { seat: RateLimiter; address: RateLimiter };
  syncs: { seat: RateLimiter; address: RateLimiter };
}

export function socketLimits(limits: Limits, trustProxy: boolean): SocketLimits {
  return {
    addressOf: (socket) => socketAddress(socket, trustProxy),
    moves: { seat: new RateLimiter(limits.seatMoves), address: new RateLimiter(limits.addressMoves) },
    syncs: { seat: new RateLimiter(limits.seatSyncs), address: new RateLimiter(limits.addressSyncs) },
  };
}

const MOVES = new Set(['submitOrders', 'decide', 'draft', 'control']);
const MAX_CREDENTIALS = 200;
/** boardgame.io's move action (makeMove) has these fields and no others: anything more would be stored in the log. */
const ACTION_FIELDS = new Set(['type', 'payload']);
const PAYLOAD_FIELDS = new Set(['type', 'args', 'playerID', 'credentials']);

/**
 * Every move takes one argument, and the largest legal one is Control's written inject:
 * a 120-character title, a 2,000-character text and ten effects, about 15,000
 * characters of JSON when every character of its text is escaped (a control character
 * is six: "\u0001"), under 3,000 as people write (tests/integration/abuse.test.ts
 * sends it). Orders and choices are under 1,000.
 */
export const MAX_MOVE_ARGUMENT = 16 * 1024;

/** A problem to refuse a packet with, or null when there is none. */
export type Check = string | null;

export function guardSockets(io: IOServer, namespace: string, hooks: GuardHooks): void {
  io.of(namespace).use((socket, next) => {
    socket.on('error', (error: Error) => socket.emit('triangles:refused', error.message));
    socket.use(([event, ...args], proceed) => {
      // Own keys only: an event named "constructor" is no handler.
      const own = hooks.custom && Object.hasOwn(hooks.custom, event) ? hooks.custom[event] : undefined;
      // Handled here and never passed on: boardgame.io's own chat is replaced by ours (private channels, kept with the match).
      if (own) return void own(socket, args).catch((error: Error) => socket.emit('triangles:refused', `could not handle the message: ${error.message}`));
      void checkPacket(socket, event, args, hooks).then(
        (problem) => (problem ? refuse(socket, problem, proceed) : proceed()),
        (error: Error) => proceed(new Error(`could not check the message: ${error.message}`)),
      );
    });
    next();
  });
}

/**
 * A connection that goes on sending what the guard refuses is closed: our own pages never
 * earn this many refusals, and each refusal still costs the server a parse, a check and
 * an answer, which a flood from one connection would otherwise buy at no cost of its own.
 */
export const MAX_REFUSALS = 100;

function refuse(socket: Socket, problem: string, proceed: (error: Error) => void): void {
  const refusals = ((socket.data as { refusals?: number }).refusals ?? 0) + 1;
  (socket.data as { refusals?: number }).refusals = refusals;
  proceed(new Error(problem));
  // After this refusal has gone out (socket.io answers it on its 'error' event), say why and close.
  if (refusals === MAX_REFUSALS) {
    setImmediate(() => {
      socket.emit('triangles:refused', `this connection sent ${refusals} refused messages and is closed`);
      socket.disconnect(true);
    });
  }
}

async function checkPacket(socket: Socket, event: string, args: unknown[], hooks: GuardHooks): Promise<Check> {
  switch (event) {
    case 'sync': {
      const problem = await checkSync(socket, args, hooks);
      return problem && `sync refused: ${problem}`;
    }
    case 'update': {
      const problem = await checkUpdate(socket, args, hooks);
      return problem && `move refused: ${problem}`;
    }
    default:
      return `unknown message "${String(event).slice(0, 40)}"`;
  }
}

async function checkSync(socket: Socket, [matchID, playerID, credentials, numPlayers]: unknown[], hooks: GuardHooks): Promise<Check> {
  const problem = checkMatch(matchID) ?? checkGameSeat(playerID) ?? checkCredentials(credentials);
  if (problem) return problem;
  if (numPlayers !== undefined && typeof numPlayers !== 'number') return 'numPlayers must be a number';
  const { limits } = hooks;
  if (!limits.syncs.address.take(limits.addressOf(socket))) return 'too many syncs from this address; wait a moment';
  const metadata = await hooks.metadata(matchID as string);
  if (!metadata) return `no match with code ${matchID as string}`;
  const seat = (playerID as string | null | undefined) ?? null;
  if (seat !== null) {
    // A device without the seat's credentials may watch (sync without a seat), never see a seat's view.
    if (!authenticateSeat(credentials, metadata.players[Number(seat)])) return `those credentials do not open seat ${seat}; sync without a seat to watch`;
    if (!limits.syncs.seat.take(`${matchID as string}/${seat}`)) return 'too many syncs for this seat; wait a moment';
  }
  hooks.onSeen?.(socket, matchID as string, seat, credentials);
  return null;
}

async function checkUpdate(socket: Socket, [action, stateID, matchID, playerID]: unknown[], hooks: GuardHooks): Promise<Check> {
  const problem = checkMatch(matchID) ?? checkGameSeat(playerID) ?? checkAction(action, playerID) ?? checkStateID(stateID);
  if (problem) return problem;
  const { limits } = hooks;
  if (!limits.moves.address.take(limits.addressOf(socket))) return 'too many moves from this address; wait a moment';
  const code = matchID as string;
  const seat = playerID as string;
  const metadata = await hooks.metadata(code);
  if (!metadata) return `no match with code ${code}`;
  if (!lobbyOf(metadata)?.started) return 'the host has not started the match yet';
  const { type, credentials, args } = (action as { payload: { type: string; credentials?: unknown; args: [unknown] } }).payload;
  // The master checks them again; checked here too, so only the seat's own people spend its budget.
  if (!authenticateSeat(credentials, metadata.players[Number(seat)])) return `those credentials do not open seat ${seat}`;
  if (!limits.moves.seat.take(`${code}/${seat}`)) return 'too many moves for this seat; wait a moment';
  const refused = hooks.checkMove?.(code, metadata, seat, type, credentials) ?? (await hooks.checkStored?.(code));
  if (refused) return refused;
  // A clock command's time from Control's device goes on only if it is near the server's (exercise/commandTime.ts).
  if (type === 'control') boundCommandTime(args, Date.now());
  return null;
}

export function checkMatch(matchID: unknown): Check {
  if (typeof matchID !== 'string' || normaliseCode(matchID) !== matchID) return 'matchID must be a match code';
  return null;
}

export function checkSeat(playerID: unknown): Check {
  if (playerID === null || playerID === undefined) return null;
  if (typeof playerID !== 'string' || !powerOfSeat(playerID)) return 'playerID must be a seat from "0" to "5"';
  return null;
}

/** A seat of the game's sockets: a power's, or Control's in a classroom exercise. */
function checkGameSeat(playerID: unknown): Check {
  return playerID === CONTROL_SEAT ? null : checkSeat(playerID);
}

export function checkCredentials(credentials: unknown): Check {
  if (credentials === undefined || credentials === null) return null;
  if (typeof credentials !== 'string' || credentials.length > MAX_CREDENTIALS) return 'credentials must be a short string';
  return null;
}

function checkStateID(stateID: unknown): Check {
  return Number.isInteger(stateID) && (stateID as number) >= 0 ? null : 'stateID must be a whole number';
}

function checkAction(action: unknown, playerID: unknown): Check {
  if (typeof action !== 'object' || action === null) return 'the action must be an object';
  const { type, payload } = action as { type?: unknown; payload?: unknown };
  if (type !== 'MAKE_MOVE') return 'only moves are accepted';
  if (typeof payload !== 'object' || payload === null) return 'the move needs a payload';
  const move = payload as { type?: unknown; args?: unknown; playerID?: unknown; credentials?: unknown };
  if (typeof move.type !== 'string' || !MOVES.has(move.type)) return `unknown move "${String(move.type).slice(0, 40)}"`;
  const extra = Object.keys(action).find((key) => !ACTION_FIELDS.has(key)) ?? Object.keys(payload).find((key) => !PAYLOAD_FIELDS.has(key));
  if (extra !== undefined) return `the move has an unknown field "${extra.slice(0, 40)}"`;
  if (!Array.isArray(move.args) || move.args.length !== 1) {
    return `a move takes exactly one argument, not ${Array.isArray(move.args) ? move.args.length : 'none'}`;
  }
  const size = JSON.stringify(move.args[0])?.length ?? 0;
  if (size > MAX_MOVE_ARGUMENT) return `the move's argument is ${size} characters of JSON, more than the ${MAX_MOVE_ARGUMENT} the largest move needs`;
  if (move.playerID !== playerID) return 'a move must be made by the seat that sends it';
  // Control gives commands and nothing else; no power's seat may give one.
  if ((move.type === 'control') !== isControlSeat(playerID as string | null)) return 'only Control (seat "6") gives commands, and only commands';
  return checkCredentials(move.credentials);
}
