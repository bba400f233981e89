/**
 * A match on the game server, seen through one boardgame.io socket client: this
 * device's seat, or a spectator's (playerID null). The server's master is the only
 * one that runs the rules on the real state; this side checks an action against the
 * seat's own view first, so a person hears why at once instead of from the server.
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { awaiting } from '../../game/actions.js';
import { createTrianglesGame, type GameHost } from '../../game/game.js';
import type { PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { Action, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { REFUSED } from '../../view/chatProtocol.js';
import type { ChatSocket } from './chatClient.js';
import { precheck, type Match } from './match.js';
import type { HeldSeat } from './onlineSeats.js';

type SeatClient = ReturnType<typeof Client>;

/** The socket under boardgame.io's transport: for the server's refusals (socketGuard.ts), and the chat rides on it. */
interface TransportWithSocket {
  socket?: ChatSocket | null;
}

export class RemoteMatch implements Match {
  readonly humans: readonly PowerId[];
  private readonly client: SeatClient;
  private readonly listeners = new Set<() => void>();
  /** The server's last refusal of something this device sent, until the next change. */
  private refusal: string | null = null;

  constructor(
    readonly scenario: Scenario,
    host: GameHost,
    readonly matchID: string,
    readonly seat: HeldSeat | null,
    server: string,
  ) {
    this.humans = seat ? [seat.power] : [];
    const game = createTrianglesGame(host);
    this.client = Client({
      game,
      multiplayer: SocketIO({ server }),
      matchID,
      playerID: seat?.playerID ?? null,
      credentials: seat?.credentials,
      numPlayers: 6,
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

  /** Every seat of one device sees the same view: its own (or the spectator's). */
  view(_power: PowerId): SeatView {
    const state = this.client.getState();
    if (!state) throw new Error('the match has not arrived from the server yet');
    return state.G as unknown as SeatView;
  }

  awaiting(): PowerId[] {
    const state = this.client.getState();
    return state ? awaiting(state.G as unknown as SeatView) : [];
  }

  act(power: PowerId, action: Action): Reason | null {
    if (!this.seat || power !== this.seat.power) return { code: 'spectating' };
    const checked = precheck(this.scenario, this.view(power), power, action);
    if ('reason' in checked) return checked.reason;
    if (checked.action.type === 'orders') this.client.moves.submitOrders!(checked.action.orders);
    else this.client.moves.decide!(checked.action.option);
    return null;
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
