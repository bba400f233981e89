/**
 * What revealed orders, a revealed decision and the round's close do to the table.
 *
 * These read and write only the public table (`Table`), never a seat's secrets or the
 * decks, so they are the one resolution for two callers: the round (round.ts) on the
 * master state, and a bot foreseeing its own acts on an imagined copy of its seat's
 * view (src/bots/foresee.ts). A rule changed here changes the bots' foresight with it.
 */
import type { Decision, Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { applyEffects, isReaction, raiseOwnCapability } from './effects.js';
import { totalCost } from './orders.js';
import { addForces, changeCapital, changeRelation, changeTrack, forcesIn, log, receiveAid, relation, removeForces } from './mechanics.js';
import { POWERS, UKRAINE, type PowerId } from './powers.js';
import type { Order, Table } from './types.js';

/** Each power's revealed orders; a power with none gives none (not even holds). */
export type RevealedOrders = Partial<Record<PowerId, readonly Order[]>>;

type Placed = { power: PowerId; order: Order };

/**
 * Resolve the revealed orders, in the fixed order the rules give (docs/RULES.md, A
 * round, 4 and 5): costs are paid and played cards go face up, then reactions,
 * diplomacy, aid and sanctions, military, cards, and posture with the Front's drift.
 * Stops where war breaks out: the rest of the round is not played.
 */
export function resolveOrders(G: Table, sc: Scenario, revealed: RevealedOrders): void {
  const all: Placed[] = [];
  for (const power of POWERS) {
    const orders = revealed[power] ?? [];
    changeCapital(G, power, -totalCost(sc, G, orders));
    // Played cards go face up now, so they are accounted for even if war cuts the round short.
    for (const order of orders) if (order.kind === 'card') G.powers[power].discard.push(order.card);
    for (const order of orders) all.push({ power, order });
  }
  log(G, { code: 'reveal' });
  for (const step of STEPS) {
    step(G, sc, all);
    if (G.war) return;
  }
}

const cardsOf = (sc: Scenario, all: Placed[]) =>
  all.flatMap(({ power, order }) => (order.kind === 'card' ? [{ power, order, card: catalog(sc).policy(order.card) }] : []));

/** Cancellations first, then shields, so that a cancelled power's shield never rises. */
function resolveReactions(G: Table, sc: Scenario, all: Placed[]): void {
  const cards = cardsOf(sc, all);
  for (const pass of ['cancelCards', 'shield'] as const) {
    for (const { power, order, card } of cards) {
      if (pass === 'shield' && G.roundFx.cancelled.includes(power)) continue;
      const reactions = card.effects.filter((e) => isReaction(e) && pass in e);
      applyEffects(G, sc, reactions, { self: power, ...(order.target ? { target: order.target } : {}) });
    }
  }
}

function resolveDiplomacy(G: Table, sc: Scenario, all: Placed[]): void {
  const cat = catalog(sc);
  const pol = sc.rules.polarisation;
  const engages = all.filter((p): p is { power: PowerId; order: Extract<Order, { kind: 'engage' }> } => p.order.kind === 'engage');
  const summits = new Set<string>();
  for (const { power, order } of engages) {
    const mutual = engages.some((e) => e.power === order.target && e.order.target === power);
    const crossBloc = cat.bloc(power) !== cat.bloc(order.target);
    if (crossBloc) changeTrack(G, sc, 'polarisation', pol.crossEngage, power);
    if (!mutual) {
      changeRelation(G, power, order.target, sc.rules.relationSteps.engage);
      continue;
    }
    const key = [power, order.target].sort().join('+');
    if (summits.has(key)) continue;
    summits.add(key);
    log(G, { code: 'summit', power, target: order.target });
    changeRelation(G, power, order.target, sc.rules.relationSteps.summit);
    if (!crossBloc) changeTrack(G, sc, 'polarisation', pol.blocSummit, power);
  }
  for (const { power, order } of all) {
    if (order.kind !== 'pressure') continue;
    changeRelation(G, power, order.target, sc.rules.relationSteps.pressure);
    if (cat.bloc(power) !== cat.bloc(order.target)) changeTrack(G, sc, 'polarisation', pol.crossPressure, power);
  }
}

/** Gains land before sanctions, so a sanction on a power at 0 Capital never depends on seat order. */
function resolveAidAndSanctions(G: Table, sc: Scenario, all: Placed[]): void {
  let toUkraine = 0;
  for (const { power, order } of all) {
    if (order.kind === 'hold') changeCapital(G, power, sc.rules.holdGain);
    if (order.kind !== 'aid') continue;
    if (order.target === UKRAINE) {
      toUkraine += order.amount;
      log(G, { code: 'aid', power, target: UKRAINE, value: order.amount });
      continue;
    }
    receiveAid(G, power, order.target, order.amount);
    if (order.amount >= sc.rules.aidRelationThreshold) changeRelation(G, power, order.target, sc.rules.relationSteps.aid);
  }
  for (const { power, order } of all) {
    if (order.kind !== 'pressure') continue;
    changeCapital(G, order.target, -sc.rules.sanction);
    log(G, { code: 'sanction', power, target: order.target });
  }
  changeTrack(G, sc, 'front', -Math.floor(toUkraine / sc.rules.ukraineAidPerFront), null);
}

function resolveMilitary(G: Table, sc: Scenario, all: Placed[]): void {
  for (const { power, order } of all) {
    if (order.kind === 'withdraw') {
      removeForces(G, order.theatre, power, 1, true);
      log(G, { code: 'withdraw', power, theatre: order.theatre });
    } else if (order.kind === 'deploy') {
      addForces(G, order.theatre, power, 1, false, true);
      log(G, { code: 'deploy', power, theatre: order.theatre });
    }
  }
  for (const { power, order } of all) {
    if (order.kind !== 'build') continue;
    if (order.what === 'force') {
      G.powers[power].reserve += 1;
      log(G, { code: 'build', power });
    } else {
      raiseOwnCapability(G, sc, sc.rules.missileTest.capability);
      changeTrack(G, sc, 'tension', sc.rules.missileTest.tension, power);
    }
  }
}

function resolveCards(G: Table, sc: Scenario, all: Placed[]): void {
  for (const { power, order, card } of cardsOf(sc, all)) {
    if (G.roundFx.cancelled.includes(power)) {
      log(G, { code: 'cardCancelled', power, card: card.id });
      continue;
    }
    log(G, { code: 'card', power, card: card.id, ...(order.target ? { target: order.target } : {}) });
    const effects = card.effects.filter((e) => !isReaction(e));
    applyEffects(G, sc, effects, { self: power, ...(order.target ? { target: order.target } : {}) });
    if (G.war) return;
  }
}

/** Does a power hostile to this one have forces in the theatre? */
function hostileHere(G: Table, sc: Scenario, power: PowerId, theatre: string): boolean {
  return POWERS.some((q) => q !== power && forcesIn(G, theatre, q) > 0 && relation(G, power, q) <= sc.rules.hostileRelation);
}

/** Standing forces add nothing; moving next to a hostile power alarms, pulling back calms. */
function resolvePosture(G: Table, sc: Scenario, all: Placed[]): void {
  for (const { power, order } of all) {
    if (order.kind === 'deploy' && hostileHere(G, sc, power, order.theatre)) {
      G.roundFx.provoked ??= power;
      changeTrack(G, sc, 'tension', sc.rules.postureTension, power);
    }
    if (order.kind === 'withdraw' && hostileHere(G, sc, power, order.theatre)) changeTrack(G, sc, 'tension', -sc.rules.postureTension, power);
    if (G.war) return;
  }
  const atFront = POWERS.reduce((sum, p) => sum + forcesIn(G, sc.rules.frontTheatre, p), 0);
  changeTrack(G, sc, 'front', Math.sign(atFront - sc.rules.frontResistance) * sc.rules.frontDrift, null);
}

/** The steps of resolution after the reveal, in the order the rules give. */
const STEPS = [resolveReactions, resolveDiplomacy, resolveAidAndSanctions, resolveMilitary, resolveCards, resolvePosture];

/**
 * What a revealed decision does: each chooser's option (once for each power that chose
 * it), then every outcome whose condition the choices meet.
 */
export function resolveDecision(G: Table, sc: Scenario, card: string, decision: Decision, choices: Partial<Record<PowerId, string>>): void {
  for (const power of decision.powers) {
    const option = decision.options.find((o) => o.id === choices[power])!;
    applyEffects(G, sc, option.effects, { self: power });
  }
  const chosen = decision.powers.map((p) => choices[p]!);
  for (const outcome of decision.outcomes) {
    const met = 'allChose' in outcome.when ? chosen.every((c) => c === (outcome.when as { allChose: string }).allChose) : chosen.includes((outcome.when as { anyChose: string }).anyChose);
    if (!met) continue;
    log(G, { code: 'outcome', card, option: 'allChose' in outcome.when ? outcome.when.allChose : outcome.when.anyChose });
    applyEffects(G, sc, outcome.effects, {});
  }
}

/** The deciders who stood firm in a crisis, whose standoff may slip (rules.crisisEvents.slip): none without the rule. */
export function firmPowers(sc: Scenario, decision: Decision, choices: Partial<Record<PowerId, string>>): PowerId[] {
  const rule = sc.rules.crisisEvents?.slip;
  return rule ? decision.powers.filter((p) => choices[p] === rule.option) : [];
}

/** A crisis slips out of control: Tension rises by the slip's amount more, the act of the power that stood firm. */
export function applySlip(G: Table, sc: Scenario, power: PowerId): void {
  const rule = sc.rules.crisisEvents?.slip;
  if (!rule) return;
  log(G, { code: 'crisisSlip', power, value: rule.tension });
  changeTrack(G, sc, 'tension', rule.tension, power);
}

/**
 * The round's close, before scoring: Tension eases if nothing raised it, forces at the
 * Front count a round there, and Capital beyond what a power may carry lapses.
 */
export function closeRound(G: Table, sc: Scenario): void {
  if (!G.roundFx.tensionRaised) changeTrack(G, sc, 'tension', -sc.rules.calmEasing, null);
  for (const power of POWERS) {
    if (forcesIn(G, sc.rules.frontTheatre, power) > 0) G.stats.roundsAtFront[power] = (G.stats.roundsAtFront[power] ?? 0) + 1;
  }
  const carry = sc.rules.capitalCarry;
  if (carry === undefined) return;
  for (const power of POWERS) {
    const pub = G.powers[power];
    const lapsed = pub.capital - carry * Math.max(0, pub.income);
    if (lapsed <= 0) continue;
    pub.capital -= lapsed;
    log(G, { code: 'capitalLapsed', power, value: lapsed });
  }
}
