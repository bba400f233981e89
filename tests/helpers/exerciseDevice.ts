/**
 * One device of a classroom exercise, as a test drives it over a real socket: a raw
 * socket.io client of one seat (a team's, Control's "6", or none for a projector) that
 * records everything it hears, keeps the last state, and sends moves as a modified
 * client could.
 */
import { io, type Socket } from 'socket.io-client';
import type { ControlView, SeatView } from '../../src/game/types.js';

export interface Heard {
  event: string;
  args: unknown[];
}

export interface DeviceState<View = SeatView | ControlView> {
  G: View;
  ctx: { gameover?: unknown };
  _stateID: number;
}

/** Exercise matches have seven seats: the six powers and Control. */
const EXERCISE_SEATS = 7;

/** `headers` go with the connection (X-Forwarded-For: a device at its own address behind a proxy). */
export function exerciseDevice<View = SeatView | ControlView>(url: string, matchID: string, playerID: string | null, credentials?: string, headers: Record<string, string> = {}) {
  const heard: Heard[] = [];
  const refusals: string[] = [];
  let state: DeviceState<View> | null = null;
  const socket: Socket = io(`${url}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  socket.onAny((event: string, ...args: unknown[]) => {
    heard.push({ event, args });
    if (event === 'sync') state = (args[1] as { state: DeviceState<View> }).state;
    if (event === 'update') state = args[1] as DeviceState<View>;
    if (event === 'triangles:refused') refusals.push(args[0] as string);
  });
  socket.on('connect', () => socket.emit('sync', matchID, playerID, credentials, EXERCISE_SEATS));
  return {
    heard,
    refusals,
    socket,
    state: () => state,
    /** The last state's view, read as a seat's (a team device's or the projector's). */
    view: () => state?.G as SeatView,
    move: (type: string, args: unknown[]) =>
      socket.emit('update', { type: 'MAKE_MOVE', payload: { type, args, playerID, credentials } }, state?._stateID ?? 0, matchID, playerID),
  };
}
