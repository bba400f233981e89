/** Turn a policy's answer into the action a seat should take now, from its view alone. */
import { legalChoices } from '../game/actions.js';
import type { PowerId } from '../game/powers.js';
import type { Action, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Policy } from './policy.js';

export function botAction(sc: Scenario, view: SeatView, power: PowerId, policy: Policy): Action {
  const choices = legalChoices(sc, view, power);
  if ('options' in choices) return { type: 'decide', option: policy.choose(sc, view, power, choices.options) };
  return { type: 'orders', orders: policy.orders(sc, view, power) };
}
