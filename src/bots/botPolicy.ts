/**
 * A bot as a `Policy`, so `playToEnd` can drive it. The policy is handed whatever
 * `playToEnd` gives; it passes the bot only a seat's view and refuses the master's
 * state, so a tournament run with `trustedState` fails loudly instead of letting a
 * bot peek.
 */
import type { PowerId } from '../game/powers.js';
import type { Readable } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { seatViewOnly, type Bot } from './bot.js';
import type { Policy } from './policy.js';

export function botPolicy(bot: Bot): Policy {
  const ask = (sc: Scenario, view: Readable, power: PowerId) => bot(sc, seatViewOnly(view, power), power).action;
  return {
    orders(sc, view, power) {
      const action = ask(sc, view, power);
      if (action.type !== 'orders') throw new Error(`${power}'s bot decided when orders were due`);
      return action.orders;
    },
    choose(sc, view, power) {
      const action = ask(sc, view, power);
      if (action.type !== 'decide') throw new Error(`${power}'s bot gave orders when a decision was due`);
      return action.option;
    },
  };
}
