/**
 * The Normal bot: a doctrine per power (src/bots/doctrines) sets its posture from what
 * it can see, and it chooses greedily by a one-step lookahead of its own objectives
 * and agenda. In a decision it expects each other decider to follow its own public
 * objectives, and it never raises Tension once a crisis is on the table.
 */
import type { PowerId } from '../game/powers.js';
import { nextFloat, seedRng } from '../game/rng.js';
import type { SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { BOT_SAYS } from '../view/text/en-bots.js';
import { asked, decisionSeed, seatViewOnly, type Bot, type BotChoice } from './bot.js';
import { likelyChoice, outlook, type Outlook } from './decisionOutlook.js';
import { postureBonus, postureFor, type Posture } from './doctrine.js';
import { DOCTRINES } from './doctrines/index.js';
import { leadReason, strongestReason } from './explain.js';
import { sketchOf } from './foresee.js';
import { planOrders } from './normalOrders.js';
import { optionLabel, orderPhrase } from './rationale.js';
import { readSignals } from './signals.js';

/** How sure a bot is that another decider picks what its objectives favour. */
const CONFIDENCE = 0.75;

function chooseOption(sc: Scenario, view: SeatView, power: PowerId, posture: Posture, jitter: () => number): BotChoice {
  const o: Outlook = outlook(sc, view);
  const others = o.deciders.filter((p) => p !== power);
  const predicted = Object.fromEntries(others.map((p) => [p, likelyChoice(o, p)])) as Partial<Record<PowerId, string>>;
  const base = sketchOf(sc, view);
  const worstTension = (option: string) =>
    Math.max(...o.profiles.filter((p) => p.choices[power] === option).map((p) => p.sketch.view.tracks.tension));
  const safest = Math.min(...o.options.map(worstTension));
  // At crisis Tension, only the options that cannot make it worse than the safest choice would.
  const crisisCalm = view.tracks.tension >= sc.rules.crisisAt;
  const allowed = crisisCalm ? o.options.filter((option) => worstTension(option) <= safest) : o.options;
  const scores = new Map<string, number>();
  for (const option of allowed) {
    let score = 0;
    for (const profile of o.profiles) {
      if (profile.choices[power] !== option) continue;
      const weight = others.reduce(
        (w, q) => w * (profile.choices[q] === predicted[q] ? CONFIDENCE : (1 - CONFIDENCE) / (o.options.length - 1)),
        1,
      );
      score += weight * (profile.values[power]! + postureBonus(posture, power, base, profile.sketch, null));
    }
    scores.set(option, score + jitter());
  }
  const ranked = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!);
  const best = ranked[0]!;
  const label = optionLabel(sc, o.deck, o.card, best);
  if (crisisCalm && allowed.length < o.options.length) return { action: { type: 'decide', option: best }, rationale: BOT_SAYS.crisisCalm(power, label) };
  // The reason is what the choice gains over the runner-up, with the others doing what they are expected to.
  const expected = (option: string) => o.profiles.find((p) => p.choices[power] === option && others.every((q) => p.choices[q] === predicted[q]))!.sketch;
  const runnerUp = ranked[1] ?? o.options.find((x) => x !== best) ?? best;
  const postureGain = postureBonus(posture, power, expected(runnerUp), expected(best), null);
  const reason = strongestReason(sc, power, posture, expected(runnerUp), expected(best), postureGain);
  const rationale = reason.goal ? BOT_SAYS.choice(power, label, reason.goal) : BOT_SAYS.choiceWithoutReason(power, label);
  return { action: { type: 'decide', option: best }, rationale };
}

export function normalBot(seed: string): Bot {
  return (sc, given, power) => {
    const view = seatViewOnly(given, power);
    const rng = seedRng(decisionSeed(seed, view, power));
    const signals = readSignals(sc, view, power);
    const posture = postureFor(DOCTRINES[power], { sc, view, power, signals });
    if (asked(sc, view, power) === 'decide') return chooseOption(sc, view, power, posture, () => 0.05 * nextFloat(rng));
    const plan = planOrders(sc, view, power, posture, signals, rng);
    const lead = leadReason(sc, power, posture, plan);
    const phrase = orderPhrase(sc, lead.order);
    return {
      action: { type: 'orders', orders: plan.map((p) => p.order) },
      rationale: lead.reason.goal ? BOT_SAYS.orders(power, phrase, lead.reason.goal) : BOT_SAYS.ordersWithoutReason(power, phrase),
    };
  };
}
