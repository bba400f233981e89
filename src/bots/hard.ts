/**
 * The Hard bot: determinisation search. For each of a fixed number of guessed worlds
 * (every hidden part sampled consistently with the seat's view: src/bots/imaginedWorld)
 * it plays each of its candidate plans, or each option of a decision, through the rest
 * of the round with the rules' own functions, the other seats played by Normal on
 * their own views of that world. A result is scored for every power by its points so
 * far plus Normal's appraisal of what it can still score (and, for the seat itself, what
 * its reserve can do next round); the seat takes the plan with the best mean over the
 * worlds of its own score less a share of the best rival's.
 *
 * The work is fixed (worlds × plans), so the same seed and view give the same choice;
 * a wall-clock cap stops early on a slow machine, the only way the clock can matter.
 */
import { legalChoices } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { seedRng, type RngState } from '../game/rng.js';
import type { Action, GameState, Order, SeatView } from '../game/types.js';
import { playerView } from '../game/view.js';
import type { Scenario } from '../scenario/schema.js';
import { BOT_SAYS } from '../view/text/en-bots.js';
import { asked, decisionSeed, seatViewOnly, type Bot, type BotChoice } from './bot.js';
import { candidateOrders } from './candidates.js';
import { postureFor, type Posture } from './doctrine.js';
import { DOCTRINES } from './doctrines/index.js';
import { leadReason, strongestReason } from './explain.js';
import { foresee, imagine, sketchOf } from './foresee.js';
import { candidatePlans, foreseePlan } from './hardPlans.js';
import { forkWorld, imagineWorld } from './imaginedWorld.js';
import { normalBot } from './normal.js';
import { optionLabel, orderPhrase } from './rationale.js';
import { act, playOn } from './rollout.js';
import { readSignals, type Signals } from './signals.js';
import { appraiseAtRoundEnd } from './value.js';

export interface HardBudget {
  /** Guessed worlds per decision. */
  worlds: number;
  /** Plans weighed per order decision (a headline or crisis weighs each of its options). */
  plans: number;
  /** Stop sampling worlds after this long, whatever is left of the budget. */
  capMs: number;
}

/** Sized for a 95th-percentile decision well under a second on a 2-core machine. */
export const HARD_BUDGET: HardBudget = { worlds: 12, plans: 16, capMs: 800 };

/**
 * How much a rival's score counts against the seat's own: enough to stop it handing
 * the leader points for a sliver of its own, too little to make it a spoiler.
 */
const RIVAL_WEIGHT = 0.25;

/**
 * The share of a reserve force's next-round worth that the search counts. A search that
 * ends with this round cannot see a two-round plan: withdraw a force now, deploy it
 * where the objectives need it next round (Russia, from the Far East to the Ukraine
 * Front). Without this it held instead, and scored 2–6 points a game less than Normal
 * as Russia. Under 1, so deploying now still beats keeping the force for later.
 */
const RESERVE_OUTLOOK = 0.6;

/** A power's standing in a played-out world: points held, plus what Normal's appraisal expects it to add. */
function standing(sc: Scenario, G: GameState, power: PowerId): number {
  const held = G.powers[power].vp;
  return G.step.kind === 'over' ? held : held + appraiseAtRoundEnd(sc, sketchOf(sc, playerView(G, power)), power);
}

/** What a force in the seat's reserve can add next round: the best one-step gain of deploying it, as Normal foresees it. */
function reserveOutlook(sc: Scenario, G: GameState, power: PowerId): number {
  if (G.step.kind === 'over' || G.powers[power].reserve === 0) return 0;
  const view = playerView(G, power);
  const seen = imagine(sc, view);
  const base = appraiseAtRoundEnd(sc, foresee(sc, seen, {}), power);
  let gain = 0;
  for (const { order } of candidateOrders(sc, view, power, [])) {
    if (order.kind !== 'deploy') continue;
    gain = Math.max(gain, appraiseAtRoundEnd(sc, foresee(sc, seen, { [power]: [order] }), power) - base);
  }
  return RESERVE_OUTLOOK * gain;
}

function worth(sc: Scenario, G: GameState, power: PowerId): number {
  let rival = -Infinity;
  for (const p of POWERS) if (p !== power) rival = Math.max(rival, standing(sc, G, p));
  return standing(sc, G, power) + reserveOutlook(sc, G, power) - RIVAL_WEIGHT * rival;
}

/**
 * Play each of the seat's alternatives through every guessed world and return the mean
 * worth of each, with the number of worlds played and, from the last world, the view
 * after each alternative (for the rationale).
 */
function search(
  sc: Scenario,
  view: SeatView,
  power: PowerId,
  alternatives: readonly Action[],
  seed: string,
  budget: HardBudget,
  rng: RngState,
): { means: number[]; futures: number; after: SeatView[] } {
  const started = performance.now();
  const totals = alternatives.map(() => 0);
  const after: SeatView[] = [];
  const { round } = view;
  // Orders run to the end of the round; a decision runs until it is revealed.
  const done = (G: GameState) => G.round !== round || (view.step.kind === 'decide' && (G.step.kind !== 'decide' || G.step.card !== view.step.card));
  let futures = 0;
  while (futures < budget.worlds && (futures === 0 || performance.now() - started < budget.capMs)) {
    const world = imagineWorld(sc, view, power, rng);
    const normal = normalBot(`${seed}/world${futures}`);
    // The others choose once per world: they cannot see which plan this seat picks.
    const theirs = (world.step.kind === 'decide' ? world.step.powers : POWERS)
      .filter((p) => p !== power)
      .map((p) => [p, normal(sc, playerView(world, p), p).action] as const);
    for (const [i, mine] of alternatives.entries()) {
      const G = forkWorld(world);
      for (const [p, action] of theirs) act(sc, G, p, action);
      act(sc, G, power, mine);
      playOn(sc, G, normal, done);
      totals[i]! += worth(sc, G, power);
      after[i] = playerView(G, power);
    }
    futures++;
  }
  return { means: totals.map((t) => t / futures), futures, after };
}

function best(means: readonly number[]): number {
  // Ties keep the earlier alternative: Normal's own plan comes first.
  return means.reduce((b, m, i) => (m > means[b]! + 1e-9 ? i : b), 0);
}

function hardOrders(sc: Scenario, view: SeatView, power: PowerId, posture: Posture, signals: Signals, seed: string, budget: HardBudget, rng: RngState): BotChoice {
  const plans = candidatePlans(sc, view, power, posture, signals, rng, budget.plans);
  const actions: Action[] = plans.map((orders) => ({ type: 'orders', orders }));
  const { means, futures } = search(sc, view, power, actions, seed, budget, rng);
  const orders: Order[] = plans[best(means)]!;
  const lead = leadReason(sc, power, posture, foreseePlan(sc, imagine(sc, view), power, posture, orders));
  return { action: { type: 'orders', orders }, rationale: BOT_SAYS.searchedOrders(power, orderPhrase(sc, lead.order), lead.reason.goal, plans.length, futures) };
}

function hardChoice(sc: Scenario, view: SeatView, power: PowerId, posture: Posture, seed: string, budget: HardBudget, rng: RngState): BotChoice {
  const choices = legalChoices(sc, view, power);
  if (!('options' in choices) || view.step.kind !== 'decide') throw new Error(`${power} has no decision to make`);
  const { deck, card } = view.step;
  const options = choices.options;
  const { means, futures, after } = search(sc, view, power, options.map((option) => ({ type: 'decide', option })), seed, budget, rng);
  const chosen = best(means);
  const runnerUp = best(means.map((m, i) => (i === chosen ? -Infinity : m)));
  // What the choice gained over the runner-up in the last world played, in the words Normal uses.
  const reason = strongestReason(sc, power, posture, sketchOf(sc, after[runnerUp]!), sketchOf(sc, after[chosen]!), 0);
  const option = options[chosen]!;
  return { action: { type: 'decide', option }, rationale: BOT_SAYS.searchedChoice(power, optionLabel(sc, deck, card, option), reason.goal, futures) };
}

export function hardBot(seed: string, budget: HardBudget = HARD_BUDGET): Bot {
  return (sc, given, power) => {
    const view = seatViewOnly(given, power);
    const decision = decisionSeed(seed, view, power);
    const rng = seedRng(decision);
    const signals = readSignals(sc, view, power);
    const posture = postureFor(DOCTRINES[power], { sc, view, power, signals });
    // The Normal bots playing the imagined worlds get seeds of their own, from the same seed and view.
    const worldsSeed = `${decision}/worlds`;
    return asked(sc, view, power) === 'decide'
      ? hardChoice(sc, view, power, posture, worldsSeed, budget, rng)
      : hardOrders(sc, view, power, posture, signals, worldsSeed, budget, rng);
  };
}
