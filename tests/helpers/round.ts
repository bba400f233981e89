/** Building blocks for rules tests that play single rounds on the tiny scenario. */
import { expect } from 'vitest';
import { submitOrders } from '../../src/game/actions.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import type { GameState, Order } from '../../src/game/types.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';

export type CardInput = ScenarioInput['policies'][number];

/** A policy card written for a test. */
export function policy(id: string, power: PowerId, effects: CardInput['effects'], more: Partial<CardInput> = {}): CardInput {
  return { id, power, title: id, sources: ['C1'], text: 'A card made for a test.', cost: 0, effects, ...more };
}

export const HOLD3: Order[] = [{ kind: 'hold' }, { kind: 'hold' }, { kind: 'hold' }];

/** Fill up to three orders with holds. */
export function withHolds(...orders: Order[]): Order[] {
  return [...orders, ...HOLD3].slice(0, 3);
}

/** Every seat not yet locked in submits its orders (hold x3 unless given); all must be accepted. */
export function playRound(sc: Scenario, G: GameState, orders: Partial<Record<PowerId, Order[]>> = {}): void {
  expect(G.step.kind).toBe('orders');
  const due = POWERS.filter((p) => !G.ready.includes(p));
  for (const p of due) expect(submitOrders(sc, G, p, orders[p] ?? HOLD3), `${p}'s orders`).toBeNull();
}

/**
 * Put a policy card into a power's hand, swapping a filler back into the deck in its
 * place so every card stays in exactly one place and the hand size is unchanged.
 */
export function giveCard(G: GameState, power: PowerId, card: string): void {
  const seat = G.seats[power];
  if (seat.hand.includes(card)) return;
  const deck = G.secret.decks[power];
  const at = deck.indexOf(card);
  if (at < 0) throw new Error(`${card} is not in ${power}'s deck`);
  const out = seat.hand.findIndex((c) => c.includes('-filler-'));
  if (out < 0) throw new Error(`${power} has no filler to swap out`);
  deck[at] = seat.hand[out]!;
  seat.hand[out] = card;
}
