/**
 * Chat over the match's own socket (RemoteMatch's, or a classroom page's): joins as
 * the seat, as Control or as a spectator, again after every reconnect (the server
 * knows readers by socket, and a reconnected socket is a new one), keeps what arrives
 * in a ChatLog, sends lines and, for Control, mutes. The protocol is in
 * src/view/chatProtocol.ts.
 */
import { isControlSeat, powerOfSeat } from '../../game/powers.js';
import {
  CHAT_HISTORY,
  CHAT_JOIN,
  CHAT_MESSAGE,
  CHAT_MUTE,
  CHAT_MUTED,
  CHAT_REFUSED,
  CHAT_SEND,
  CONTROL,
  type ChatChannel,
  type ChatHistory,
  type ChatJoinArgs,
  type ChatLine,
  type ChatMuteArgs,
  type ChatReader,
  type ChatRefusal,
  type ChatSendArgs,
} from '../../view/chatProtocol.js';
import { ChatLog, targetOf } from '../../view/chatModel.js';

/** The part of a socket.io client socket the chat uses. */
export interface ChatSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/** Whose chat to join: a power's seat (a HeldSeat, or a team member's seat and token), or Control's seat "6" with the control token. */
export interface ChatSeat {
  playerID: string;
  credentials: string;
}

export interface ChatEvents {
  /** New lines arrived (live or in a history), or the conversations or mutes changed. */
  onLines(): void;
  /** The server refused a join, a line or a mute. */
  onRefused(refusal: ChatRefusal): void;
}

export class ChatClient {
  readonly log: ChatLog;
  private readonly listeners: Array<[string, (...args: never[]) => void]>;

  constructor(
    private readonly socket: ChatSocket,
    private readonly matchID: string,
    seat: ChatSeat | null,
    events: ChatEvents,
  ) {
    this.log = new ChatLog(readerOf(seat));
    const joinArgs: ChatJoinArgs = seat ? [matchID, seat.playerID, seat.credentials] : [matchID, null];
    const join = () => socket.emit(CHAT_JOIN, ...joinArgs);
    this.listeners = [
      ['connect', join],
      [
        CHAT_HISTORY,
        (history: ChatHistory) => {
          const changed = this.log.reset(history.channels, history.muted);
          if (this.log.add(history.lines) || changed) events.onLines();
        },
      ],
      [CHAT_MESSAGE, (line: ChatLine) => this.log.add([line]) && events.onLines()],
      [CHAT_MUTED, (muted: ChatChannel[]) => this.log.setMuted(muted) && events.onLines()],
      [CHAT_REFUSED, (refusal: ChatRefusal) => events.onRefused(refusal)],
    ];
    for (const [event, listener] of this.listeners) socket.on(event, listener);
    if (socket.connected) join();
  }

  get reader(): ChatReader {
    return this.log.reader;
  }

  /** Write in a conversation the reader may write in (chatModel's `targetOf`). */
  send(channel: ChatChannel, text: string): void {
    const to = targetOf(channel, this.reader);
    if (!to) throw new Error(`${String(this.reader)} cannot write in ${channel}`);
    this.log.sending(channel, text);
    const args: ChatSendArgs = [this.matchID, { to, text }];
    this.socket.emit(CHAT_SEND, ...args);
  }

  /** Control only: mute a conversation, or let it speak again. */
  mute(channel: ChatChannel, muted: boolean): void {
    const args: ChatMuteArgs = [this.matchID, channel, muted];
    this.socket.emit(CHAT_MUTE, ...args);
  }

  stop(): void {
    for (const [event, listener] of this.listeners) this.socket.off(event, listener);
  }
}

function readerOf(seat: ChatSeat | null): ChatReader {
  if (!seat) return null;
  return isControlSeat(seat.playerID) ? CONTROL : powerOfSeat(seat.playerID);
}
