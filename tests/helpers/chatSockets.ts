/** Raw chat sockets for the chat integration tests: join as a seat, Control or a spectator, send, mute, and record all they hear. */
import { io, type Socket } from 'socket.io-client';
import { expect, vi } from 'vitest';
import { CHAT_HISTORY, CHAT_JOIN, CHAT_MESSAGE, CHAT_MUTED, CHAT_REFUSED, CHAT_SEND, type ChatChannel, type ChatHistory, type ChatLine, type ChatRefusal, type ChatTarget } from '../../src/view/chatProtocol.js';

/** A chat socket and everything it received. */
export interface ChatReader {
  socket: Socket;
  lines: ChatLine[];
  history: ChatHistory;
  /** Each mute change as it arrived. */
  muted: ChatChannel[][];
  refusals: ChatRefusal[];
}

export interface ChatSeatArgs {
  playerID: string;
  credentials: string;
}

/** `headers` go with the connection (X-Forwarded-For: a reader at its own address behind a proxy). */
export async function chatReader(url: string, headers: Record<string, string> = {}): Promise<ChatReader> {
  const socket = io(`${url}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  const r: ChatReader = { socket, lines: [], history: { channels: [], muted: [], lines: [] }, muted: [], refusals: [] };
  socket.on(CHAT_MESSAGE, (line: ChatLine) => r.lines.push(line));
  socket.on(CHAT_MUTED, (muted: ChatChannel[]) => r.muted.push(muted));
  socket.on(CHAT_REFUSED, (refusal: ChatRefusal) => r.refusals.push(refusal));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return r;
}

/** Join as a seat or Control (or a spectator with `seat` null) and wait for the history. */
export async function joinChat(r: ChatReader, matchID: string, seat: ChatSeatArgs | null): Promise<ChatHistory> {
  const history = new Promise<ChatHistory>((resolve) => r.socket.once(CHAT_HISTORY, resolve));
  r.socket.emit(CHAT_JOIN, matchID, seat?.playerID ?? null, seat?.credentials);
  r.history = await history;
  return r.history;
}

export async function joinedChat(url: string, matchID: string, seat: ChatSeatArgs | null, headers: Record<string, string> = {}): Promise<ChatReader> {
  const r = await chatReader(url, headers);
  await joinChat(r, matchID, seat);
  return r;
}

export function sendChat(r: ChatReader, matchID: string, to: ChatTarget | unknown, text: unknown): void {
  r.socket.emit(CHAT_SEND, matchID, { to, text });
}

/** The next refusal this socket gets after sending `args`. */
export async function refusalOf(r: ChatReader, event: string, ...args: unknown[]): Promise<ChatRefusal> {
  const before = r.refusals.length;
  r.socket.emit(event, ...args);
  await vi.waitFor(() => expect(r.refusals.length).toBeGreaterThan(before));
  return r.refusals[before]!;
}

export const texts = (lines: readonly ChatLine[]) => lines.map((line) => line.text);
