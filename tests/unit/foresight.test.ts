/**
 * The bots' foresight and the rules agree (issue 13, part 1): what a bot foresees on
 * its seat's view from its own orders, or from a decision's choices, is the table the
 * rules make of the same acts on the master state, over views taken from whole games
 * (covert units, cards, shields, summits, crises and war among them).
 */
import { describe, expect, it } from 'vitest';
import { decide, submitOrders } from '../../src/game/actions.js';
import { catalog } from '../../src/game/catalog.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { nextInt, seedRng } from '../../src/game/rng.js';
import { objectivePoints } from '../../src/game/scoring.js';
import type { GameState, Order, Table } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import { foresee, foreseeDecision, imagine, roundClosed } from '../../src/bots/foresee.js';
import { randomPolicy } from '../../src/bots/random.js';
import { snapshots } from '../helpers/botGames.js';
import { HOLD3 } from '../helpers/round.js';
import { realScenario } from '../helpers/scenarios.js';

const sc = realScenario();

/** What the rules change on the table, forces as every unit's owner holds them (empty stacks dropped). */
function tableOf(t: Table) {
  const forces = Object.fromEntries(
    Object.entries(t.forces).map(([theatre, stacks]) => [theatre, Object.fromEntries(Object.entries(stacks).filter(([, s]) => s!.open + s!.covert > 0))]),
  );
  const powers = Object.fromEntries(POWERS.map((p) => [p, { capital: t.powers[p].capital, income: t.powers[p].income, reserve: t.powers[p].reserve }]));
  return { tracks: t.tracks, relations: t.relations, forces, powers, flags: [...t.flags].sort(), aidGiven: t.stats.aidGiven, roundsAtFront: t.stats.roundsAtFront };
}

/** The same table with every power's Capital less `gained`, what it gained elsewhere. */
function lessCapital(t: ReturnType<typeof tableOf>, gained: number) {
  return { ...t, powers: Object.fromEntries(POWERS.map((p) => [p, { ...t.powers[p]!, capital: t.powers[p]!.capital - gained }])) };
}

/** A copy of the master state that ends with this round, so its close is the last thing the rules do. */
function lastRound(G: GameState): GameState {
  const real = structuredClone(G);
  real.rounds = real.round;
  return real;
}

/** States from whole Easy games (varied, with cards and covert units: the seed is one whose games have them), every one before any seat acted. */
const states = snapshots(sc, 'easy', 6, 'foresee').filter((G) => G.ready.length === 0);
const ordersSteps = states.filter((G) => G.step.kind === 'orders');

/** The same state with Tension set to `tension`. */
function atTension(G: GameState, tension: number): GameState {
  const copy = structuredClone(G);
  copy.tracks.tension = tension;
  return copy;
}

/** Orders steps as played, and each again one step short of war, where an order of the seat's may start one. */
const ordersStates = [...ordersSteps, ...ordersSteps.map((G) => atTension(G, sc.rules.warAt - 1))];

/** Headline decisions as played, and a crisis drawn after each orders step (at crisis Tension, everyone holding). */
const decisionStates = [
  ...states.filter((G) => G.step.kind === 'decide'),
  ...ordersSteps.map((G) => {
    const crisis = atTension(G, sc.rules.crisisAt);
    for (const p of POWERS) expect(submitOrders(sc, crisis, p, HOLD3)).toBeNull();
    return crisis;
  }),
].filter((G) => G.step.kind === 'decide');

const holdGain = 3 * sc.rules.holdGain;

describe("the bots' foresight is the rules' resolution", () => {
  it("foresees a seat's orders as the rules resolve them, the others holding", () => {
    let compared = 0;
    let crises = 0;
    let wars = 0;
    let unseenUnits = 0;
    for (const [i, G] of ordersStates.entries()) {
      for (const power of POWERS) {
        const view = playerView(G, power);
        const plans: Order[][] = [0, 1, 2].map((k) => randomPolicy(`foresight/${i}/${power}/${k}`).orders(sc, view, power));
        for (const plan of plans) {
          const real = lastRound(G);
          for (const p of POWERS) expect(submitOrders(sc, real, p, p === power ? plan : HOLD3)).toBeNull();
          // The others' holds are given to the foresight too, so every power's Capital compares.
          const others = Object.fromEntries(POWERS.filter((p) => p !== power).map((p) => [p, HOLD3]));
          const sketch = foresee(sc, imagine(sc, view), { ...others, [power]: plan });
          const what = `${power} in round ${G.round}: ${JSON.stringify(plan)}`;
          expect(sketch.war, what).toBe(real.war !== null);
          expect(sketch.culprit, what).toBe(real.war?.culprit === power);
          if (real.war) {
            wars++;
            expect(tableOf(sketch.view), what).toEqual(tableOf(real));
          } else if (real.step.kind === 'decide') {
            // A crisis was drawn: the round is not closed yet, and neither is the sketch.
            crises++;
            expect(tableOf(sketch.view), what).toEqual(tableOf(real));
          } else {
            const closed = roundClosed(sc, sketch);
            expect(tableOf(closed), what).toEqual(tableOf(real));
            // Points given outright, then the objectives the rules scored at the close.
            const record = real.history[real.history.length - 1]!;
            for (const p of POWERS) {
              const scored = sc.powers[p].objectives.reduce((sum, o) => sum + objectivePoints(closed, o, p), 0);
              expect(view.powers[p].vp + (sketch.vp[p] ?? 0) + scored, `${what}: ${p}'s points`).toBe(record.vp[p]);
            }
          }
          if (Object.values(view.unknownForces).some((n) => n > 0)) unseenUnits++;
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    // The comparisons reached units the seat could not see, a crisis drawn and a war started.
    expect(unseenUnits).toBeGreaterThan(0);
    expect(crises).toBeGreaterThan(0);
    expect(wars).toBeGreaterThan(0);
  });

  it("foresees a decision's choices as the rules reveal them, no one ordering more than holds", () => {
    let compared = 0;
    let slips = 0;
    const crises = new Set<string>();
    for (const [i, G] of decisionStates.entries()) {
      if (G.step.kind !== 'decide') continue;
      const { deck, card, powers: deciders } = G.step;
      const decision = deck === 'headline' ? catalog(sc).headline(card).decision! : catalog(sc).crisis(card).decision;
      const rng = seedRng(`foresight/decision/${i}`);
      for (let k = 0; k < 3; k++) {
        const choices = Object.fromEntries(deciders.map((p) => [p, decision.options[nextInt(rng, decision.options.length)]!.id])) as Partial<Record<PowerId, string>>;
        const real = lastRound(G);
        for (const p of deciders) expect(decide(sc, real, p, choices[p])).toBeNull();
        // After a headline the orders come: everyone holds on the master, no one orders anything in the sketch.
        const held = deck === 'headline' && !real.war;
        if (held) for (const p of POWERS) expect(submitOrders(sc, real, p, HOLD3)).toBeNull();
        if (real.step.kind === 'decide') continue;
        // A crisis may slip, drawn on the master: the log says whose act it was, and the sketch imagines that.
        const slipBy = real.log.slice(G.log.length).find((e) => e.code === 'crisisSlip')?.power;
        if (slipBy) slips++;
        const sketch = foreseeDecision(sc, imagine(sc, playerView(G, deciders[0]!)), decision, choices, slipBy);
        const what = `${card} in round ${G.round}: ${JSON.stringify(choices)}`;
        expect(sketch.war, what).toBe(real.war !== null);
        const table = tableOf(real.war ? sketch.view : roundClosed(sc, sketch));
        expect(table, what).toEqual(lessCapital(tableOf(real), held ? holdGain : 0));
        if (deck === 'crisis') crises.add(card);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(crises.size).toBeGreaterThan(1);
    // Some crises slipped on the master, and the sketch told of the slip foresaw it exactly.
    expect(slips).toBeGreaterThan(0);
  });
});
