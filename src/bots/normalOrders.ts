/**
 * Normal's orders: greedy, one order at a time. Each legal order, with those already
 * chosen, is resolved by the rules on a copy of the seat's view (its own orders only:
 * the others' are unknown) and scored by the power's objectives and agenda at the
 * round's end, plus its doctrine's posture; the best is kept and the next is chosen
 * on top of it.
 */
import type { PowerId } from '../game/powers.js';
import { nextFloat, type RngState } from '../game/rng.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { candidateOrders } from './candidates.js';
import { postureBonus, type Posture } from './doctrine.js';
import { foresee, imagine, type Sketch } from './foresee.js';
import type { Signals } from './signals.js';
import { appraiseAtRoundEnd } from './value.js';

/** Random tie-breaking, small against one objective point, so equal orders are not always picked in list order. */
const JITTER = 0.3;

export interface PlannedOrder {
  order: Order;
  /** The foreseen table before and after this order, for the rationale. */
  before: Sketch;
  after: Sketch;
  /** What the doctrine's posture made of it. */
  bonus: number;
}

export function planOrders(sc: Scenario, view: SeatView, power: PowerId, posture: Posture, signals: Signals, rng: RngState): PlannedOrder[] {
  // At crisis Tension no order may raise it: war is too close to gamble on the others' restraint.
  const calmOnly = view.tracks.tension >= sc.rules.crisisAt;
  const seen = imagine(sc, view);
  let sketch = foresee(sc, seen, {});
  const plan: PlannedOrder[] = [];
  while (plan.length < sc.rules.ordersPerRound) {
    let best: { order: Order; next: Sketch; score: number; bonus: number } | null = null;
    const chosen = plan.map((p) => p.order);
    for (const { order } of candidateOrders(sc, view, power, chosen)) {
      const orders = [...chosen, order];
      const next = foresee(sc, seen, { [power]: orders });
      if (calmOnly && next.view.tracks.tension > sketch.view.tracks.tension) continue;
      let value = appraiseAtRoundEnd(sc, next, power);
      if (order.kind === 'engage') {
        // If the engaged power engages back, the rules make it a summit.
        const chance = signals.summitChance[order.target] ?? 0;
        if (chance > 0) {
          const summit = foresee(sc, seen, { [power]: orders, [order.target]: [{ kind: 'engage', target: power }] });
          value = (1 - chance) * value + chance * appraiseAtRoundEnd(sc, summit, power);
        }
      }
      const bonus = postureBonus(posture, power, sketch, next, order.kind === 'card' ? order.card : null);
      const score = value + bonus + JITTER * nextFloat(rng);
      if (!best || score > best.score) best = { order, next, score, bonus };
    }
    // Holding is always legal and never raises Tension, so there is always a best order.
    if (!best) throw new Error(`${power} found no order to give`);
    plan.push({ order: best.order, before: sketch, after: best.next, bonus: best.bonus });
    sketch = best.next;
  }
  return plan;
}
