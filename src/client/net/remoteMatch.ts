/**
 * A match on the game server, seen through one boardgame.io socket client: this
 * device's seat, or a spectator's (playerID null). The server's master is the only
 * one that runs the rules on the real state; this side checks an action against the
 * seat's own view first, so a person hears why at once instead of from the server.
 */
import { awaiting, ordersRefused } from '../../game/actions.js';
import type { GameHost } from '../../game/game.js';
import { POWERS, type PowerId } from '../../game/powers.js';
import { checkOrders } from '../../game/orders.js';
import type { Reason } from '../../game/reasons.js';
import type { Action, Order, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { ChatSocket } from './chatClient.js';
import { precheck, type Match } from './match.js';
import type { HeldSeat } from './onlineSeats.js';
import { SeatSocket } from './seatSocket.js';

export class RemoteMatch implements Match {
  readonly humans: readonly PowerId[];
  private readonly seatSocket: SeatSocket<SeatView>;

  constructor(
    readonly scenario: Scenario,
    host: GameHost,
    readonly matchID: string,
    readonly seat: HeldSeat | null,
    server: string,
    /** Seats of the match: a classroom exercise has a seventh, Control's. */
    numPlayers: number = POWERS.length,
  ) {
    this.humans = seat ? [seat.power] : [];
    this.seatSocket = new SeatSocket(host, matchID, seat, numPlayers, server);
  }

  /** The match's socket (null once stopped), shared by the chat so a device holds one connection. */
  get socket(): ChatSocket | null {
    return this.seatSocket.socket;
  }

  get synced(): boolean {
    return this.seatSocket.synced;
  }

  get connected(): boolean {
    return this.seatSocket.connected;
  }

  get refused(): string | null {
    return this.seatSocket.refused;
  }

  /** Every seat of one device sees the same view: its own (or the spectator's). */
  view(_power: PowerId): SeatView {
    return this.seatSocket.view();
  }

  awaiting(): PowerId[] {
    return this.seatSocket.synced ? awaiting(this.seatSocket.view()) : [];
  }

  act(power: PowerId, action: Action): Reason | null {
    if (!this.seat || power !== this.seat.power) return { code: 'spectating' };
    const checked = precheck(this.scenario, this.view(power), power, action);
    if ('reason' in checked) return checked.reason;
    if (checked.action.type === 'orders') this.seatSocket.move('submitOrders', checked.action.orders);
    else this.seatSocket.move('decide', checked.action.option);
    return null;
  }

  /**
   * Save the team's shared draft (a classroom seat): checked like orders, but it may be
   * short. Every member's device sees it in the seat's view once the server has it.
   */
  saveDraft(orders: Order[]): Reason | null {
    if (!this.seat) return { code: 'spectating' };
    const view = this.view(this.seat.power);
    const refused = ordersRefused(view, this.seat.power);
    if (refused) return refused;
    const checked = checkOrders(this.scenario, view, this.seat.power, orders, true);
    if (!checked.ok) return checked.reason;
    this.seatSocket.move('draft', checked.orders);
    return null;
  }

  onChange(listener: () => void): () => void {
    return this.seatSocket.onChange(listener);
  }

  stop(): void {
    this.seatSocket.stop();
  }
}
