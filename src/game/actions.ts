/**
 * The one entry point for a seat acting on the match: check the action against the
 * rules (refusing it with a reason and changing nothing), then apply it. The
 * boardgame.io moves, the simulator and the tests all come through here.
 */
import type { Scenario } from '../scenario/schema.js';
import { checkOrders, orderRefused } from './orders.js';
import type { PowerId } from './powers.js';
import type { Reason } from './reasons.js';
import { lockOrders, recordChoice } from './round.js';
import { catalog } from './catalog.js';
import type { Action, GameState, Order, Readable } from './types.js';

/** The options of the decision this seat must make now, or why it cannot decide. */
export function legalChoices(sc: Scenario, view: Readable, power: PowerId): { options: string[] } | { reason: Reason } {
  const step = view.step;
  if (step.kind === 'over') return { reason: { code: 'gameOver' } };
  if (step.kind !== 'decide' || !step.powers.includes(power)) return { reason: { code: 'notDeciding' } };
  if (view.ready.includes(power)) return { reason: { code: 'alreadySubmitted' } };
  const decision = step.deck === 'headline' ? catalog(sc).headline(step.card).decision! : catalog(sc).crisis(step.card).decision;
  return { options: decision.options.map((o) => o.id) };
}

/** Why this seat may not give orders now, or null if it may. */
export function ordersRefused(view: Readable, power: PowerId): Reason | null {
  if (view.step.kind === 'over') return { code: 'gameOver' };
  if (view.step.kind !== 'orders') return { code: 'notYourTurn' };
  if (view.ready.includes(power)) return { code: 'alreadySubmitted' };
  return null;
}

/** Submit this seat's orders for the round. Returns null on success, or the reason nothing changed. */
export function submitOrders(sc: Scenario, G: GameState, power: PowerId, raw: unknown): Reason | null {
  const refused = ordersRefused(G, power);
  if (refused) return refused;
  const checked = checkOrders(sc, G, power, raw);
  if (!checked.ok) return checked.reason;
  lockOrders(G, sc, power, checked.orders);
  return null;
}

/**
 * Save the orders a team is drafting together: checked like submitted orders, but the
 * list may be short. An empty list clears the draft. Returns null on success, or the
 * reason nothing changed (the draft already is these orders, too).
 */
export function saveDraft(sc: Scenario, G: GameState, power: PowerId, raw: unknown): Reason | null {
  const refused = ordersRefused(G, power);
  if (refused) return refused;
  const checked = checkOrders(sc, G, power, raw, true);
  if (!checked.ok) return checked.reason;
  // A team's devices send the draft as they see it, often unchanged (two members adding
  // the same order). Refusing the no-op here, where the draft is at hand, is what keeps
  // it out of the match: a refused move makes no new state, log entry or store write.
  if (sameOrders(checked.orders, G.seats[power].draft ?? [])) return { code: 'draftUnchanged' };
  if (checked.orders.length > 0) G.seats[power].draft = checked.orders;
  else delete G.seats[power].draft;
  return null;
}

/**
 * Lock in this seat's draft as it stands, for when its time is up: missing orders become
 * holds. A drafted order that something since made illegal (an inject took the Capital
 * it needed) becomes a hold too, so a timer never fails. Null on success, or the reason
 * the seat could not give orders.
 */
export function submitDraft(sc: Scenario, G: GameState, power: PowerId): Reason | null {
  const refused = ordersRefused(G, power);
  if (refused) return refused;
  const orders: Order[] = [];
  for (const order of G.seats[power].draft ?? []) {
    if (!orderRefused(sc, G, power, orders, order)) orders.push(order);
  }
  while (orders.length < sc.rules.ordersPerRound) orders.push({ kind: 'hold' });
  lockOrders(G, sc, power, orders);
  return null;
}

/** Make this seat's choice in the open decision. Returns null on success, or the reason nothing changed. */
export function decide(sc: Scenario, G: GameState, power: PowerId, option: unknown): Reason | null {
  const legal = legalChoices(sc, G, power);
  if ('reason' in legal) return legal.reason;
  if (typeof option !== 'string' || !legal.options.includes(option)) {
    return { code: 'noSuchOption', option: typeof option === 'string' ? option.slice(0, 64) : String(typeof option) };
  }
  recordChoice(G, sc, power, option);
  return null;
}

/** Apply a seat's action, whichever kind it is. Returns null on success, or the reason nothing changed. */
export function applyAction(sc: Scenario, G: GameState, power: PowerId, action: Action): Reason | null {
  return action.type === 'decide' ? decide(sc, G, power, action.option) : submitOrders(sc, G, power, action.orders);
}

/**
 * Names the step the match is at (a round's orders, or one decision): a bot, a timer or
 * a screen that must act or redraw once per step compares these.
 */
export function stepKey(view: Readable): string {
  const step = view.step;
  return `${view.round}/${step.kind}${step.kind === 'decide' ? `/${step.deck}/${step.card}` : ''}`;
}

/** Which seats the match is waiting for now. */
export function awaiting(view: Readable): PowerId[] {
  const step = view.step;
  if (step.kind === 'over') return [];
  const due = step.kind === 'decide' ? step.powers : (['CHN', 'RUS', 'PRK', 'USA', 'JPN', 'KOR'] as PowerId[]);
  return due.filter((p) => !view.ready.includes(p));
}

/** Parsed orders (parseOrder gives each kind its fields in one order) are the same list. */
function sameOrders(a: readonly Order[], b: readonly Order[]): boolean {
  return a.length === b.length && a.every((order, i) => JSON.stringify(order) === JSON.stringify(b[i]));
}
