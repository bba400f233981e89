/**
 * The plans Hard plays out: Normal's greedy plan, and the combinations of the orders
 * that look best one at a time (by Normal's one-step lookahead and doctrine), ranked
 * by the same lookahead applied to all three together. The search then tells which of
 * them actually does best once the others' orders and the rules' resolution are in.
 */
import { checkOrders } from '../game/orders.js';
import type { PowerId } from '../game/powers.js';
import type { RngState } from '../game/rng.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { candidateOrders } from './candidates.js';
import { postureBonus, type Posture } from './doctrine.js';
import { foresee, imagine, type Imagined } from './foresee.js';
import { planOrders, type PlannedOrder } from './normalOrders.js';
import type { Signals } from './signals.js';
import { appraiseAtRoundEnd } from './value.js';

/** How many single orders the combinations are drawn from: 8 give 120 three-order plans to rank. */
const TOP_SINGLES = 8;

/** A plan's orders foreseen one after another on the seat's imagined table, as Normal foresees its own. */
export function foreseePlan(sc: Scenario, seen: Imagined, power: PowerId, posture: Posture, orders: readonly Order[]): PlannedOrder[] {
  let before = foresee(sc, seen, {});
  return orders.map((order, i) => {
    const after = foresee(sc, seen, { [power]: orders.slice(0, i + 1) });
    const step = { order, before, after, bonus: postureBonus(posture, power, before, after, order.kind === 'card' ? order.card : null) };
    before = after;
    return step;
  });
}

function foreseenWorth(sc: Scenario, seen: Imagined, power: PowerId, posture: Posture, orders: readonly Order[]): number {
  const steps = foreseePlan(sc, seen, power, posture, orders);
  return appraiseAtRoundEnd(sc, steps[steps.length - 1]!.after, power) + steps.reduce((sum, s) => sum + s.bonus, 0);
}

/** Every multiset of `size` items, each listed once (i ≤ j ≤ k). */
function multisets<T>(items: readonly T[], size: number, from = 0): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  for (let i = from; i < items.length; i++) for (const rest of multisets(items, size - 1, i)) out.push([items[i]!, ...rest]);
  return out;
}

const keyOf = (orders: readonly Order[]) => orders.map((o) => JSON.stringify(o)).sort().join('|');

export function candidatePlans(sc: Scenario, view: SeatView, power: PowerId, posture: Posture, signals: Signals, rng: RngState, limit: number): Order[][] {
  const normal = planOrders(sc, view, power, posture, signals, rng).map((p) => p.order);
  const imagined = imagine(sc, view);
  const singles = candidateOrders(sc, view, power, [])
    .map(({ order }) => ({ order, worth: foreseenWorth(sc, imagined, power, posture, [order]) }))
    .sort((a, b) => b.worth - a.worth)
    .slice(0, TOP_SINGLES)
    .map((s) => s.order);
  const ranked = multisets(singles, sc.rules.ordersPerRound)
    .filter((plan) => checkOrders(sc, view, power, plan).ok)
    .map((plan) => ({ plan, worth: foreseenWorth(sc, imagined, power, posture, plan) }))
    .sort((a, b) => b.worth - a.worth);
  const plans = [normal];
  const seen = new Set([keyOf(normal)]);
  for (const { plan } of ranked) {
    if (plans.length >= limit) break;
    if (seen.has(keyOf(plan))) continue;
    seen.add(keyOf(plan));
    plans.push(plan);
  }
  return plans;
}
