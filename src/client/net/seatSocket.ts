/**
 * One boardgame.io socket client on a match of the game server, for any seat: a
 * power's (RemoteMatch), Control's in a classroom exercise (ControlMatch), or a
 * spectator's. It holds the connection, the server's last refusal and the listeners;
 * what a seat may send is its owner's business.
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { createTrianglesGame, type GameHost } from '../../game/game.js';
import { REFUSED } from '../../view/chatProtocol.js';
import type { ChatSocket } from './chatClient.js';

type SeatClient = ReturnType<typeof Client>;

/** The socket under boardgame.io's transport: for the server's refusals (socketGuard.ts), and the chat rides on it. */
interface TransportWithSocket {
  socket?: ChatSocket | null;
}

export interface SocketSeat {
  playerID: string;
  credentials: string;
}

export class SeatSocket<View> {
  private readonly client: SeatClient;
  private readonly listeners = new Set<() => void>();
  /** The server's last refusal of something this device sent, until the next change. */
  private refusal: string | null = null;

  constructor(host: GameHost, matchID: string, seat: SocketSeat | null, numPlayers: number, server: string) {
    this.client = Client({
      game: createTrianglesGame(host),
      multiplayer: SocketIO({ server }),
      matchID,
      playerID: seat?.playerID ?? null,
      credentials: seat?.credentials,
      numPlayers,
      debug: false,
    } as never);
    this.client.subscribe(() => {
      this.refusal = null;
      this.listeners.forEach((listener) => listener());
    });
    this.client.start();
    // The chat's refusals come on their own event, for the chat panel to say where the person typed.
    this.socket?.on(REFUSED, (why: string) => {
      this.refusal = why;
      this.listeners.forEach((listener) => listener());
    });
  }

  /** The match's socket (null once stopped), shared by the chat so a device holds one connection. */
  get socket(): ChatSocket | null {
    return (this.client as unknown as { transport: TransportWithSocket }).transport.socket ?? null;
  }

  /** The server has sent the match (until then there is nothing to show). */
  get synced(): boolean {
    return this.client.getState() !== null;
  }

  /** The socket is up; socket.io reconnects by itself and boardgame.io syncs again when it does. */
  get connected(): boolean {
    return this.client.getState()?.isConnected ?? false;
  }

  /** Why the server refused the last thing sent, if it did. */
  get refused(): string | null {
    return this.refusal;
  }

  /** The seat's view as the server last sent it. */
  view(): View {
    const state = this.client.getState();
    if (!state) throw new Error('the match has not arrived from the server yet');
    return state.G as unknown as View;
  }

  /** Make a move of the game (the master checks it again and has the last word). */
  move(name: 'submitOrders' | 'decide' | 'draft' | 'control', arg: unknown): void {
    this.client.moves[name]!(arg);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.client.stop();
    this.listeners.clear();
  }
}
