/**
 * A match on the game server, seen through one boardgame.io socket client: this
 * device's seat, or a spectator's (playerID null). The server's master is the only
 * one that runs the rules on the real state; this side checks an action against the
 * seat's own view first, so a person hears why at once instead of from the server.
 */
import { awaiting, ordersRefused, stepKey } from '../../game/actions.js';
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

/** An action made offline that was never sent: when the connection came back, its step no longer waited for it. */
export interface UnsentAction {
  round: number;
  type: Action['type'];
}

/**
 * This seat's action until the server's view shows it arrived. Made while the
 * connection is down, or lost in flight when it dropped, it is sent again once the
 * socket is back and the match has synced, if the step it was made for still waits
 * for this seat; it is never sent into a later step.
 *
 * Queued rather than refused: the person locked in and may have looked away, and a
 * round should not wait on them for a connection that came back by itself. The screen
 * says it is not sent yet, and the draft it came from stays on the device until the
 * step passes (drafts.ts), so a reload meanwhile loses nothing either.
 */
interface Outbox {
  action: Action;
  step: string;
  round: number;
  /** Sent on the current connection (a new one sends it again). */
  sent: boolean;
  /** Sent at least once: the server may have it even if this device never heard back. */
  everSent: boolean;
}

export class RemoteMatch implements Match {
  readonly humans: readonly PowerId[];
  private readonly seatSocket: SeatSocket<SeatView>;
  private outbox: Outbox | null = null;
  private lost: UnsentAction | null = null;

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
    // First among the listeners, so the screens hear of a change with the outbox already settled.
    this.seatSocket.onChange(() => this.deliver());
  }

  /** The match's socket (null once stopped), shared by the chat so a device holds one connection. */
  get socket(): ChatSocket | null {
    return this.seatSocket.socket;
  }

  get synced(): boolean {
    return this.seatSocket.synced;
  }

  /** Connected and synced: an action made now goes against the state on screen. */
  get connected(): boolean {
    return this.seatSocket.current;
  }

  get refused(): string | null {
    return this.seatSocket.refused;
  }

  /** An action made while offline that the server never got, until the next action. */
  get unsent(): UnsentAction | null {
    return this.lost;
  }

  /** Shown as waiting only while offline: once connected it is sent, and the server's answer follows. */
  queued(power: PowerId): Action | null {
    return this.outbox && !this.connected && power === this.seat?.power ? this.outbox.action : null;
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
    const view = this.view(power);
    const checked = precheck(this.scenario, view, power, action);
    if ('reason' in checked) return checked.reason;
    this.lost = null;
    this.outbox = { action: checked.action, step: stepKey(view), round: view.round, sent: false, everSent: false };
    this.deliver();
    return null;
  }

  /** Send the outbox when it can go, and let it go once the server's view shows it arrived or its step passed. */
  private deliver(): void {
    const entry = this.outbox;
    if (!entry || !this.seat) return;
    if (!this.connected) {
      entry.sent = false;
      return;
    }
    const view = this.seatSocket.view();
    // The server answered it with a refusal (the notice says why), or has it, or no longer waits for it: its
    // step is over, or a bot stood in for the seat. Never sent, it is lost, and the person is told.
    if ((entry.sent && this.refused) || stepKey(view) !== entry.step || !awaiting(view).includes(this.seat.power)) {
      this.outbox = null;
      if (!entry.everSent) this.lost = { round: entry.round, type: entry.action.type };
      return;
    }
    if (entry.sent) return;
    // Marked first: sending tells the listeners, and this runs again among them.
    entry.sent = entry.everSent = true;
    if (entry.action.type === 'orders') this.seatSocket.move('submitOrders', entry.action.orders);
    else this.seatSocket.move('decide', entry.action.option);
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
