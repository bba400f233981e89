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

/** The socket under boardgame.io's transport: for the server's refusals (socketGuard.ts) and reconnecting, and the chat rides on it. */
interface TransportSocket extends ChatSocket {
  connect(): unknown;
  /** socket.io calls these before an event's own listeners. */
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
}

interface TransportWithSocket {
  socket?: TransportSocket | null;
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
  /** The state ID of the match as the server sent it at the last sync on this connection; null before one. */
  private syncedTo: number | null = null;

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
      this.notify();
    });
    this.client.start();
    const socket = this.transportSocket;
    // Heard before boardgame.io takes the sync in: it tells the listeners once with its old state (with the match's
    // players), then with the synced one. The match is current from the second.
    socket?.onAny((event, _matchID, sync) => {
      if (event === 'sync') this.syncedTo = (sync as { state?: { _stateID?: number } } | undefined)?.state?._stateID ?? null;
    });
    socket?.on('disconnect', (reason: string) => {
      // boardgame.io's listener came first and told the listeners while this still looked current: tell them again.
      this.syncedTo = null;
      this.notify();
      // socket.io reconnects by itself after a lost connection, but takes a disconnect the
      // server asked for as final: a page would wait on "reconnecting" until reloaded.
      // During a match that is never what the person wants (a server closing its sockets as
      // it stops, Control moving a team member): connect again, and the server decides at
      // the next sync what this seat may see.
      if (reason === 'io server disconnect') socket.connect();
    });
    // The chat's refusals come on their own event, for the chat panel to say where the person typed.
    socket?.on(REFUSED, (why: string) => {
      this.refusal = why;
      this.notify();
    });
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }

  private get transportSocket(): TransportSocket | null {
    return (this.client as unknown as { transport: TransportWithSocket }).transport.socket ?? null;
  }

  /** The match's socket (null once stopped), shared by the chat so a device holds one connection. */
  get socket(): ChatSocket | null {
    return this.transportSocket;
  }

  /** The server has sent the match (until then there is nothing to show). */
  get synced(): boolean {
    return this.client.getState() !== null;
  }

  /** The socket is up; socket.io reconnects by itself and boardgame.io syncs again when it does. */
  get connected(): boolean {
    return this.client.getState()?.isConnected ?? false;
  }

  /**
   * The socket is up and the server has sent the match since it last connected: a move
   * sent now is judged against the state this device shows. Between a reconnection and
   * its sync the view may be behind the server's.
   */
  get current(): boolean {
    const state = this.client.getState();
    return this.syncedTo !== null && state !== null && state.isConnected && state._stateID >= this.syncedTo;
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
