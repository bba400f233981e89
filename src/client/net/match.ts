/**
 * What the screens and the controller ask of a match, wherever it is played: in this
 * browser (LocalMatch) or on the game server (RemoteMatch).
 */
import { legalChoices, ordersRefused } from '../../game/actions.js';
import { checkOrders } from '../../game/orders.js';
import type { PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { Action, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';

export interface Match {
  readonly scenario: Scenario;
  /** Seats played by people on this device (none for a spectator). */
  readonly humans: readonly PowerId[];
  /** What this seat may see now. */
  view(power: PowerId): SeatView;
  /** Seats the match waits for now. */
  awaiting(): PowerId[];
  /** Act for a seat: why it was refused, or null once it is sent (or queued until the connection is back). */
  act(power: PowerId, action: Action): Reason | null;
  /** An action made now reaches the match at once: false while an online match's connection is down. */
  readonly connected: boolean;
  /** The seat's action made while offline, to be sent when the connection is back; null when none waits. */
  queued(power: PowerId): Action | null;
  onChange(listener: () => void): () => void;
  stop(): void;
}

/**
 * The rules' verdict on an action, from the seat's own view, before it is sent: the
 * person gets the reason at once, and the master checks it again and has the last
 * word. Accepted orders come back in the rules' own form.
 */
export function precheck(scenario: Scenario, view: SeatView, power: PowerId, action: Action): { reason: Reason } | { action: Action } {
  if (action.type === 'orders') {
    const refused = ordersRefused(view, power);
    if (refused) return { reason: refused };
    const checked = checkOrders(scenario, view, power, action.orders);
    if (!checked.ok) return { reason: checked.reason };
    return { action: { type: 'orders', orders: checked.orders } };
  }
  const choices = legalChoices(scenario, view, power);
  if ('reason' in choices) return choices;
  if (!choices.options.includes(action.option)) return { reason: { code: 'noSuchOption', option: action.option } };
  return { action };
}
