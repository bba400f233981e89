/**
 * How much a foreseen table is worth to one power, read from the scenario's own
 * objectives and the power's own secret agenda (never another's: it cannot see them).
 *
 * Objectives are all-or-nothing thresholds, so a greedy bot looking one step ahead
 * would see no difference between "one step short" and "five steps short". `margin`
 * turns every condition into a signed distance (0 or more: met, with that much to
 * spare; below 0: that many steps short), and the value counts the chance a condition
 * holds in the rounds still to come as a smooth function of it.
 */
import { catalog } from '../game/catalog.js';
import { forcesIn, relation } from '../game/mechanics.js';
import type { PowerId } from '../game/powers.js';
import { agendaPoints, objectivePoints } from '../game/scoring.js';
import type { SeatView } from '../game/types.js';
import type { Condition, Scenario } from '../scenario/schema.js';
import { roundClosed, type Sketch } from './foresee.js';

type Ref = PowerId | 'SELF' | 'TARGET';

function bounded(value: number, c: { min?: number | undefined; max?: number | undefined }): number {
  const fromMin = c.min === undefined ? Infinity : value - c.min;
  const fromMax = c.max === undefined ? Infinity : c.max - value;
  return Math.min(fromMin, fromMax, 3);
}

/** Objectives and agendas name their own power as SELF; there is no target outside a card. */
function resolve(ref: Ref, self: PowerId): PowerId {
  return ref === 'SELF' || ref === 'TARGET' ? self : ref;
}

/** Signed distance of a condition from holding: >= 0 exactly when `holds` says it does. */
function margin(sc: Scenario, view: SeatView, cond: Condition, self: PowerId): number {
  if ('all' in cond) {
    let m = Infinity;
    for (const c of cond.all) m = Math.min(m, margin(sc, view, c, self));
    return m;
  }
  if ('any' in cond) {
    let m = -Infinity;
    for (const c of cond.any) m = Math.max(m, margin(sc, view, c, self));
    return m;
  }
  if ('not' in cond) return -margin(sc, view, cond.not, self) - 1;
  if ('track' in cond) return bounded(view.tracks[cond.track], cond);
  if ('relation' in cond) return bounded(relation(view, resolve(cond.relation[0], self), resolve(cond.relation[1], self)), cond);
  if ('relationAtLeast' in cond) {
    const [a, b] = cond.relationAtLeast;
    const [c, d] = cond.than;
    return relation(view, resolve(a, self), resolve(b, self)) - relation(view, resolve(c, self), resolve(d, self));
  }
  if ('forces' in cond) {
    const power = resolve(cond.forces, self);
    const total = cond.theatres.reduce((sum, t) => sum + forcesIn(view, t, power), 0);
    const needed = Math.max(cond.min ?? 0, cond.perTrack ? Math.ceil(view.tracks[cond.perTrack.track] / cond.perTrack.divisor) : 0);
    return total - needed;
  }
  if ('rose' in cond) return view.tracks[cond.rose] - view.roundStart[cond.rose] - 1;
  if ('flag' in cond) return view.flags.includes(cond.flag) ? 0 : -1;
  if ('aidGiven' in cond) {
    const given = view.stats.aidGiven[`${resolve(cond.aidGiven.from, self)}>${resolve(cond.aidGiven.to, self)}`] ?? 0;
    return Math.floor((given - cond.min) / 2);
  }
  if ('roundsAtFront' in cond) {
    // The table is closed, this round counted: forces standing there now will likely count for every round after it.
    const power = resolve(cond.roundsAtFront, self);
    const present = forcesIn(view, sc.rules.frontTheatre, power) > 0 ? view.rounds - view.round : 0;
    return Math.min((view.stats.roundsAtFront[power] ?? 0) + present - cond.min, 3);
  }
  return bounded(view.powers[resolve(cond.capital, self)].capital, cond);
}

/** The chance a condition with this margin holds later: steep near the end of the game, gentle early. */
function likelihood(m: number, roundsLeft: number): number {
  const steepness = roundsLeft <= 0 ? 8 : roundsLeft <= 2 ? 1.6 : 1.1;
  return 1 / (1 + Math.exp(-steepness * (m + 0.5)));
}

/** Points a power expects to lose to war at this Tension even if no one means it (others' moves, crises). */
function warHazard(sc: Scenario, tension: number): number {
  const below = sc.rules.warAt - tension;
  return below <= 0 ? 1 : below === 1 ? 0.35 : below === 2 ? 0.12 : below === 3 ? 0.03 : 0;
}

/** What a future round's objective is worth against one scored now: the others will move too. */
const FUTURE_WEIGHT = 0.5;
/** Capital buys orders and cards while rounds remain; at the end it only breaks ties, where the rules break them on Capital. */
const CAPITAL_WORTH = 0.25;
const TIE_BREAK = 0.01;
const RESERVE_WORTH = 0.15;

/** Why a table is worth what it is: the rationale names the motive that moved most. */
export type Motive = { kind: 'objective'; id: string } | { kind: 'agenda' } | { kind: 'means' } | { kind: 'prestige' } | { kind: 'safety' };
export type MotiveVisitor = (motive: Motive, worth: number) => void;

/**
 * What the table is worth to the power: objectives scored now and (discounted by their
 * likelihood) in the rounds left, its agenda at the end, its means (Capital, income,
 * reserve), points given outright, and war or the risk of it. `visit` hears each part.
 */
function appraise(sc: Scenario, s: Sketch, power: PowerId, visit?: MotiveVisitor): number {
  const penalty = sc.rules.war.penalty[power] ?? 0;
  // War ends the game at once: nothing more is scored, only the penalty.
  if (s.war) {
    const loss = -(penalty + (s.culprit ? sc.rules.war.culpritPenalty : 0));
    visit?.({ kind: 'safety' }, loss);
    return loss;
  }
  const v = s.view;
  const roundsLeft = v.rounds - v.round;
  let total = 0;
  for (const objective of sc.powers[power].objectives) {
    let worth = objectivePoints(v, objective, power);
    if ('when' in objective && roundsLeft > 0) {
      worth += FUTURE_WEIGHT * roundsLeft * objective.points * likelihood(margin(sc, v, objective.when, power), roundsLeft);
    }
    visit?.({ kind: 'objective', id: objective.id }, worth);
    total += worth;
  }
  const agendaId = v.seats[power]?.agenda;
  if (agendaId) {
    const agenda = catalog(sc).agenda(agendaId);
    const worth = agendaPoints(sc, agenda, v.rounds) * likelihood(margin(sc, v, agenda.when, power), roundsLeft);
    visit?.({ kind: 'agenda' }, worth);
    total += worth;
  }
  const pub = v.powers[power];
  const means =
    roundsLeft > 0
      ? CAPITAL_WORTH * (pub.capital + Math.min(roundsLeft, 3) * pub.income * 0.5) + RESERVE_WORTH * pub.reserve
      : sc.rules.tieBreak === 'capital'
        ? TIE_BREAK * pub.capital
        : 0;
  visit?.({ kind: 'means' }, means);
  // Points a card or a decision gives outright: face won in a standoff, veterans home.
  const prestige = s.vp[power] ?? 0;
  visit?.({ kind: 'prestige' }, prestige);
  const risk = -warHazard(sc, v.tracks.tension) * penalty;
  visit?.({ kind: 'safety' }, risk);
  return total + means + prestige + risk;
}

/** The worth once the round closes (src/bots/foresee.ts `roundClosed`), which is when objectives are scored. */
export function appraiseAtRoundEnd(sc: Scenario, s: Sketch, power: PowerId, visit?: MotiveVisitor): number {
  return appraise(sc, { ...s, view: roundClosed(sc, s) }, power, visit);
}
