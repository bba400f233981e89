/**
 * Every socket message is checked here before boardgame.io sees it. boardgame.io
 * trusts its clients' packets (shape, sizes, which events exist); a malformed one
 * could throw inside its handlers and take the process down. A refused packet gets a
 * `triangles:refused` message naming what was wrong, and goes no further. One thing is
 * changed rather than refused: a Control command's time far from the server's.
 */
import type { Server as IOServer, Socket } from 'socket.io';
import { CONTROL_SEAT, isControlSeat, powerOfSeat } from '../game/powers.js';
import { boundCommandTime } from './exercise/commandTime.js';
import { normaliseCode } from './lobby/codes.js';

export interface GuardHooks {
  /** Moves only once the host has started the match. */
  isStarted: (matchID: string) => Promise<boolean>;
  /** A seat's socket synced (took part in a match) or went away. */
  onSeen?: (socket: Socket, matchID: string, playerID: string | null, credentials: unknown) => void;
  /** Who of a seat's people may make this move (exercise/moveRules.ts); a refusal reason, or null. */
  checkMove?: (matchID: string, playerID: string, type: string, credentials: unknown) => Promise<Check>;
  /** Our own events on the game's socket (chat): each handler answers for itself, refusals included. */
  custom?: Record<string, (socket: Socket, args: unknown[]) => Promise<void>>;
}

const MOVES = new Set(['submitOrders', 'decide', 'draft', 'control']);
const MAX_CREDENTIALS = 200;

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
        (problem) => (problem ? proceed(new Error(problem)) : proceed()),
        (error: Error) => proceed(new Error(`could not check the message: ${error.message}`)),
      );
    });
    next();
  });
}

async function checkPacket(socket: Socket, event: string, args: unknown[], hooks: GuardHooks): Promise<Check> {
  switch (event) {
    case 'sync': {
      const [matchID, playerID, credentials, numPlayers] = args;
      const problem = checkMatch(matchID) ?? checkGameSeat(playerID) ?? checkCredentials(credentials);
      if (problem) return `sync refused: ${problem}`;
      if (numPlayers !== undefined && typeof numPlayers !== 'number') return 'sync refused: numPlayers must be a number';
      hooks.onSeen?.(socket, normaliseCode(matchID as string)!, (playerID as string | null | undefined) ?? null, credentials);
      return null;
    }
    case 'update': {
      const [action, stateID, matchID, playerID] = args;
      const problem = checkMatch(matchID) ?? checkGameSeat(playerID) ?? checkAction(action, playerID) ?? checkStateID(stateID);
      if (problem) return `move refused: ${problem}`;
      if (!(await hooks.isStarted(matchID as string))) return 'move refused: the host has not started the match yet';
      const { type, credentials: sent, args: moveArgs } = (action as { payload: { type: string; credentials?: unknown; args?: unknown } }).payload;
      const refused = await hooks.checkMove?.(matchID as string, playerID as string, type, sent);
      if (refused) return `move refused: ${refused}`;
      // A clock command's time from Control's device goes on only if it is near the server's (exercise/commandTime.ts).
      if (type === 'control') boundCommandTime(moveArgs, Date.now());
      return null;
    }
    default:
      return `unknown message "${String(event).slice(0, 40)}"`;
  }
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
  if (move.args !== undefined && !Array.isArray(move.args)) return 'the move arguments must be a list';
  if (move.playerID !== playerID) return 'a move must be made by the seat that sends it';
  // Control gives commands and nothing else; no power's seat may give one.
  if ((move.type === 'control') !== isControlSeat(playerID as string | null)) return 'only Control (seat "6") gives commands, and only commands';
  return checkCredentials(move.credentials);
}
