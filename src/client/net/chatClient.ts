/**
 * Chat over the match's own socket (RemoteMatch's): joins as the seat or as a
 * spectator, again after every reconnect (the server knows readers by socket, and a
 * reconnected socket is a new one), keeps what arrives in a ChatLog, and sends lines.
 * The protocol is in src/view/chatProtocol.ts.
 */
import type { PowerId } from '../../game/powers.js';
import { CHAT_HISTORY, CHAT_JOIN, CHAT_MESSAGE, CHAT_SEND, REFUSED, isChatRefusal, type ChatJoinArgs, type ChatLine, type ChatSendArgs, type ChatTarget } from '../../view/chatProtocol.js';
import { ChatLog } from '../../view/chatModel.js';
import type { HeldSeat } from './onlineSeats.js';

/** The part of a socket.io client socket the chat uses. */
export interface ChatSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export interface ChatEvents {
  /** New lines arrived (live or in a history). */
  onLines(): void;
  /** The server refused a join or a line: its reason. */
  onRefused(reason: string): void;
}

export class ChatClient {
  readonly log: ChatLog;
  private readonly listeners: Array<[string, (...args: never[]) => void]>;

  constructor(
    private readonly socket: ChatSocket,
    private readonly matchID: string,
    seat: HeldSeat | null,
    events: ChatEvents,
  ) {
    this.log = new ChatLog(seat?.power ?? null);
    const joinArgs: ChatJoinArgs = seat ? [matchID, seat.playerID, seat.credentials] : [matchID, null];
    const join = () => socket.emit(CHAT_JOIN, ...joinArgs);
    const lines = (incoming: ChatLine[]) => {
      if (this.log.add(incoming)) events.onLines();
    };
    this.listeners = [
      ['connect', join],
      [CHAT_HISTORY, (history: ChatLine[]) => lines(history)],
      [CHAT_MESSAGE, (line: ChatLine) => lines([line])],
      [REFUSED, (reason: string) => isChatRefusal(reason) && events.onRefused(reason)],
    ];
    for (const [event, listener] of this.listeners) socket.on(event, listener);
    if (socket.connected) join();
  }

  get me(): PowerId | null {
    return this.log.me;
  }

  send(to: ChatTarget, text: string): void {
    const args: ChatSendArgs = [this.matchID, { to, text }];
    this.socket.emit(CHAT_SEND, ...args);
  }

  stop(): void {
    for (const [event, listener] of this.listeners) this.socket.off(event, listener);
  }
}
