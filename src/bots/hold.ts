/**
 * The seat that does nothing: it holds with every order and takes every decision's
 * last option (scenarios list the cautious one last, as Control's `advance` assumes).
 * The analysis sets it in one seat among bots to ask whether that seat's play matters
 * (MODEL.md, M8).
 */
import type { Order } from '../game/types.js';
import type { Policy } from './policy.js';

export function holdPolicy(): Policy {
  return {
    orders: (sc) => Array.from({ length: sc.rules.ordersPerRound }, (): Order => ({ kind: 'hold' })),
    choose: (_sc, _view, _power, options) => options[options.length - 1]!,
  };
}
