/**
 * The legal orders a bot weighs: `legalOrders`, with aid cut to the amounts that can
 * matter (one per Capital up to rules.maxAid would be most of the list and add nothing a
 * smaller gift does not show), and aid to Ukraine also in every larger whole number of
 * Front steps it buys (each moves the Front one step further: a power with Capital to
 * spare that sent only one step's worth would leave its objective to chance).
 */
import { legalOrders, type LegalOption } from '../game/orders.js';
import { UKRAINE, type PowerId } from '../game/powers.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';

export function candidateOrders(sc: Scenario, view: SeatView, power: PowerId, chosen: readonly Order[]): LegalOption[] {
  const largest = Math.max(sc.rules.aidRelationThreshold, sc.rules.ukraineAidPerFront);
  return legalOrders(sc, view, power, chosen).options.filter(
    (o) => o.order.kind !== 'aid' || o.order.amount <= largest || (o.order.target === UKRAINE && o.order.amount % sc.rules.ukraineAidPerFront === 0),
  );
}
