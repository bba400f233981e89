/**
 * The legal orders a bot weighs: `legalOrders`, with aid cut to the amounts that can
 * matter (one per Capital up to ten would be most of the list and add nothing a
 * smaller gift does not show).
 */
import { legalOrders, type LegalOption } from '../game/orders.js';
import type { PowerId } from '../game/powers.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';

export function candidateOrders(sc: Scenario, view: SeatView, power: PowerId, chosen: readonly Order[]): LegalOption[] {
  const largest = Math.max(sc.rules.aidRelationThreshold, sc.rules.ukraineAidPerFront);
  return legalOrders(sc, view, power, chosen).options.filter((o) => o.order.kind !== 'aid' || o.order.amount <= largest);
}
