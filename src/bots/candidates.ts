/**
 * The legal orders a bot weighs: `legalOrders`, with aid cut to the amounts that can
 * matter (one per Capital up to ten would be most of the list and add nothing a
 * smaller gift does not show).
 *
 * With `frontSteps`, aid to Ukraine is also offered in every whole number of Front
 * steps it buys (6 and 9 Capital move the Front two and three steps): the Hard bot
 * weighs these; Normal's doctrine sends the one step's worth, as the scenario's balance
 * was tuned with.
 */
import { legalOrders, type LegalOption } from '../game/orders.js';
import { UKRAINE, type PowerId } from '../game/powers.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';

export function candidateOrders(sc: Scenario, view: SeatView, power: PowerId, chosen: readonly Order[], frontSteps = false): LegalOption[] {
  const largest = Math.max(sc.rules.aidRelationThreshold, sc.rules.ukraineAidPerFront);
  return legalOrders(sc, view, power, chosen).options.filter(
    (o) => o.order.kind !== 'aid' || o.order.amount <= largest || (frontSteps && o.order.target === UKRAINE && o.order.amount % sc.rules.ukraineAidPerFront === 0),
  );
}
