/**
 * The Easy bot: random legal play with a light lean toward its own objectives. Like
 * the random bot it picks an order kind first (so a list long with aid amounts does
 * not drown the rest), then one of its forms, each form's chance growing with what
 * the one-step lookahead says it does for the power's objectives and agenda.
 */
import type { PowerId } from '../game/powers.js';
import { nextFloat, nextInt, seedRng, type RngState } from '../game/rng.js';
import type { Order, SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { BOT_SAYS } from '../view/text/en-bots.js';
import { asked, decisionSeed, seatViewOnly, type Bot, type BotChoice } from './bot.js';
import { candidateOrders } from './candidates.js';
import { meanValue, outlook } from './decisionOutlook.js';
import { foresee, imagine } from './foresee.js';
import { optionLabel, orderPhrase } from './rationale.js';
import { appraiseAtRoundEnd } from './value.js';

/** Extra weight per point an option is foreseen to gain: enough to lean, too little to plan. */
const LEAN = 1.5;

function weightedPick<T>(rng: RngState, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = nextFloat(rng) * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function leanWeights(values: readonly number[]): number[] {
  const worst = Math.min(...values);
  return values.map((v) => 1 + LEAN * (v - worst));
}

function easyOrders(sc: Scenario, view: SeatView, power: PowerId, rng: RngState): Order[] {
  const seen = imagine(sc, view);
  const chosen: Order[] = [];
  while (chosen.length < sc.rules.ordersPerRound) {
    const options = candidateOrders(sc, view, power, chosen);
    const kinds = [...new Set(options.map((o) => o.order.kind))];
    const kind = kinds[nextInt(rng, kinds.length)]!;
    const forms = options.filter((o) => o.order.kind === kind).map((o) => ({
      order: o.order,
      value: appraiseAtRoundEnd(sc, foresee(sc, seen, { [power]: [...chosen, o.order] }), power),
    }));
    chosen.push(weightedPick(rng, forms, leanWeights(forms.map((f) => f.value))).order);
  }
  return chosen;
}

function easyChoice(sc: Scenario, view: SeatView, power: PowerId, rng: RngState): BotChoice {
  const o = outlook(sc, view);
  const option = weightedPick(rng, o.options, leanWeights(o.options.map((x) => meanValue(o, power, x))));
  return { action: { type: 'decide', option }, rationale: BOT_SAYS.choiceOnAHunch(power, optionLabel(sc, o.deck, o.card, option)) };
}

export function easyBot(seed: string): Bot {
  return (sc, given, power) => {
    const view = seatViewOnly(given, power);
    const rng = seedRng(decisionSeed(seed, view, power));
    if (asked(sc, view, power) === 'decide') return easyChoice(sc, view, power, rng);
    const orders = easyOrders(sc, view, power, rng);
    return { action: { type: 'orders', orders }, rationale: BOT_SAYS.ordersOnAHunch(power, orderPhrase(sc, orders[0]!)) };
  };
}
