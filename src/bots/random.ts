/**
 * The legal-move bot: picks an order kind at random, then one of its legal forms.
 * Choosing the kind first keeps it from drowning in aid amounts (one option per
 * amount) and makes it a fair baseline and fuzzer.
 */
import { legalOrders } from '../game/orders.js';
import { nextInt, seedRng, type RngState } from '../game/rng.js';
import type { Order } from '../game/types.js';
import type { Policy } from './policy.js';

export function randomPolicy(seed: string): Policy {
  const rng: RngState = seedRng(seed);
  const pick = <T>(items: readonly T[]): T => items[nextInt(rng, items.length)]!;
  return {
    orders(sc, view, power) {
      const chosen: Order[] = [];
      while (chosen.length < sc.rules.ordersPerRound) {
        const { options } = legalOrders(sc, view, power, chosen);
        const kinds = [...new Set(options.map((o) => o.order.kind))];
        const kind = pick(kinds);
        chosen.push(pick(options.filter((o) => o.order.kind === kind)).order);
      }
      return chosen;
    },
    choose: (_sc, _view, _power, options) => pick(options),
  };
}
