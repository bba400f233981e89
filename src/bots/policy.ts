/**
 * What a bot is: given the rules and what its seat can see, choose orders or a
 * decision. A policy never receives the master's state, only a seat's view.
 */
import type { Scenario } from '../scenario/schema.js';
import type { PowerId } from '../game/powers.js';
import type { Order, Readable } from '../game/types.js';

export interface Policy {
  orders(sc: Scenario, view: Readable, power: PowerId): Order[];
  choose(sc: Scenario, view: Readable, power: PowerId, options: string[]): string;
}
