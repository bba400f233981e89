/**
 * The round, step by step: headline → (decision) → orders → resolution → posture →
 * (crisis) → score → draw. Each function moves the state forward in place and
 * decides what the match waits for next.
 */
import type { Decision, Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { stopTimer } from './clock.js';
import { applyEffects, isReaction } from './effects.js';
import { totalCost } from './orders.js';
import { changeCapital, changeRelation, changeTrack, forcesIn, log, receiveAid, addForces, relation, removeForces } from './mechanics.js';
import { POWERS, UKRAINE, type PowerId } from './powers.js';
import { shuffle } from './rng.js';
import { scoreObjectives, finishGame } from './scoring.js';
import type { GameState, Order, RoundRecord } from './types.js';

function currentRecord(G: GameState): RoundRecord {
  return G.history[G.history.length - 1]!;
}

export function beginRound(G: GameState, sc: Scenario): void {
  G.round += 1;
  G.roundStart = { ...G.tracks };
  G.roundFx = { shielded: [], cancelled: [], tensionRaised: false };
  G.stats.aidReceivedThisRound = {};
  G.crisis = null;
  // A headline Control put on top comes first; the planned ones each come a round later.
  const injected = G.secret.injects?.shift();
  const id = injected ?? G.secret.headlines.shift()!;
  G.headline = id;
  G.history.push({
    round: G.round,
    headline: id,
    crisis: null,
    choices: {},
    crisisChoices: {},
    orders: {},
    scored: {},
    tracks: { ...G.tracks },
    relations: { ...G.relations },
    vp: Object.fromEntries(POWERS.map((p) => [p, G.powers[p].vp])) as Record<PowerId, number>,
    ...(injected ? { injected: true as const } : {}),
  });
  log(G, { code: 'headline', card: id });
  const card = catalog(sc).headline(id);
  applyEffects(G, sc, card.effects, {});
  if (G.war) return finishGame(G, sc);
  if (card.decision) openDecision(G, 'headline', id, card.decision);
  else openOrders(G);
}

function openDecision(G: GameState, deck: 'headline' | 'crisis', card: string, decision: Decision): void {
  G.step = { kind: 'decide', deck, card, powers: [...decision.powers] };
  G.ready = [];
  stopTimer(G);
}

function openOrders(G: GameState): void {
  G.step = { kind: 'orders' };
  G.ready = [];
  stopTimer(G);
}

export function recordChoice(G: GameState, sc: Scenario, power: PowerId, option: string): void {
  G.seats[power].choice = option;
  G.ready.push(power);
  if (G.step.kind === 'decide' && G.step.powers.every((p) => G.ready.includes(p))) revealDecision(G, sc);
}

function revealDecision(G: GameState, sc: Scenario): void {
  if (G.step.kind !== 'decide') return;
  const { deck, card: id, powers } = G.step;
  const decision = deck === 'headline' ? catalog(sc).headline(id).decision! : catalog(sc).crisis(id).decision;
  const choices: Partial<Record<PowerId, string>> = {};
  for (const power of powers) {
    choices[power] = G.seats[power].choice!;
    G.seats[power].choice = null;
    log(G, { code: 'chose', power, card: id, option: choices[power]! });
  }
  if (deck === 'headline') currentRecord(G).choices = choices;
  else currentRecord(G).crisisChoices = choices;
  for (const power of powers) {
    const option = decision.options.find((o) => o.id === choices[power])!;
    applyEffects(G, sc, option.effects, { self: power });
  }
  const chosen = Object.values(choices);
  for (const outcome of decision.outcomes) {
    const met = 'allChose' in outcome.when ? chosen.every((c) => c === (outcome.when as { allChose: string }).allChose) : chosen.includes((outcome.when as { anyChose: string }).anyChose);
    if (!met) continue;
    log(G, { code: 'outcome', card: id, option: 'allChose' in outcome.when ? outcome.when.allChose : outcome.when.anyChose });
    applyEffects(G, sc, outcome.effects, {});
  }
  if (G.war) return finishGame(G, sc);
  if (deck === 'headline') openOrders(G);
  else endRound(G, sc);
}

/**
 * Lock in a seat's orders. Their cost is committed now (checked against Capital, which
 * nothing else can change while orders are open) but shown on the public Capital and
 * hand size only at the reveal: paying in public would tell the others what was ordered.
 */
export function lockOrders(G: GameState, sc: Scenario, power: PowerId, orders: Order[]): void {
  const seat = G.seats[power];
  for (const order of orders) {
    if (order.kind === 'card') seat.hand.splice(seat.hand.indexOf(order.card), 1);
  }
  seat.orders = orders;
  delete seat.draft;
  G.ready.push(power);
  if (POWERS.every((p) => G.ready.includes(p))) resolveRound(G, sc);
}

type Placed = { power: PowerId; order: Order };

function resolveRound(G: GameState, sc: Scenario): void {
  const record = currentRecord(G);
  const all: Placed[] = [];
  for (const power of POWERS) {
    const orders = G.seats[power].orders ?? [];
    record.orders[power] = orders;
    G.seats[power].orders = null;
    changeCapital(G, power, -totalCost(sc, orders));
    G.powers[power].handCount = G.seats[power].hand.length;
    // Played cards go face up now, so they are accounted for even if war cuts the round short.
    for (const order of orders) if (order.kind === 'card') G.powers[power].discard.push(order.card);
    for (const order of orders) all.push({ power, order });
  }
  G.ready = [];
  log(G, { code: 'reveal' });
  const steps = [resolveReactions, resolveDiplomacy, resolveAidAndSanctions, resolveMilitary, resolveCards];
  for (const step of steps) {
    step(G, sc, all);
    if (G.war) return finishGame(G, sc);
  }
  resolvePosture(G, sc, all);
  if (G.war) return finishGame(G, sc);
  if (G.tracks.tension >= sc.rules.crisisAt) return drawCrisis(G, sc);
  endRound(G, sc);
}

const cardsOf = (sc: Scenario, all: Placed[]) =>
  all.flatMap(({ power, order }) => (order.kind === 'card' ? [{ power, order, card: catalog(sc).policy(order.card) }] : []));

/** Cancellations first, then shields, so that a cancelled power's shield never rises. */
function resolveReactions(G: GameState, sc: Scenario, all: Placed[]): void {
  const cards = cardsOf(sc, all);
  for (const pass of ['cancelCards', 'shield'] as const) {
    for (const { power, order, card } of cards) {
      if (pass === 'shield' && G.roundFx.cancelled.includes(power)) continue;
      const reactions = card.effects.filter((e) => isReaction(e) && pass in e);
      applyEffects(G, sc, reactions, { self: power, ...(order.target ? { target: order.target } : {}) });
    }
  }
}

function resolveDiplomacy(G: GameState, sc: Scenario, all: Placed[]): void {
  const cat = catalog(sc);
  const pol = sc.rules.polarisation;
  const engages = all.filter((p): p is { power: PowerId; order: Extract<Order, { kind: 'engage' }> } => p.order.kind === 'engage');
  const summits = new Set<string>();
  for (const { power, order } of engages) {
    const mutual = engages.some((e) => e.power === order.target && e.order.target === power);
    const crossBloc = cat.bloc(power) !== cat.bloc(order.target);
    if (crossBloc) changeTrack(G, sc, 'polarisation', pol.crossEngage, power);
    if (!mutual) {
      changeRelation(G, power, order.target, 1);
      continue;
    }
    const key = [power, order.target].sort().join('+');
    if (summits.has(key)) continue;
    summits.add(key);
    log(G, { code: 'summit', power, target: order.target });
    changeRelation(G, power, order.target, 2);
    if (!crossBloc) changeTrack(G, sc, 'polarisation', pol.blocSummit, power);
  }
  for (const { power, order } of all) {
    if (order.kind !== 'pressure') continue;
    changeRelation(G, power, order.target, -1);
    if (cat.bloc(power) !== cat.bloc(order.target)) changeTrack(G, sc, 'polarisation', pol.crossPressure, power);
  }
}

/** Gains land before sanctions, so a sanction on a power at 0 Capital never depends on seat order. */
function resolveAidAndSanctions(G: GameState, sc: Scenario, all: Placed[]): void {
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
    if (order.amount >= sc.rules.aidRelationThreshold) changeRelation(G, power, order.target, 1);
  }
  for (const { power, order } of all) {
    if (order.kind !== 'pressure') continue;
    changeCapital(G, order.target, -1);
    log(G, { code: 'sanction', power, target: order.target });
  }
  changeTrack(G, sc, 'front', -Math.floor(toUkraine / sc.rules.ukraineAidPerFront), null);
}

function resolveMilitary(G: GameState, sc: Scenario, all: Placed[]): void {
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
      changeTrack(G, sc, 'capability', 1, power);
      changeTrack(G, sc, 'tension', 1, power);
    }
  }
}

function resolveCards(G: GameState, sc: Scenario, all: Placed[]): void {
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

/** Standing forces add nothing; moving next to a hostile power alarms, pulling back calms. */
function resolvePosture(G: GameState, sc: Scenario, all: Placed[]): void {
  const hostileHere = (power: PowerId, theatre: string) =>
    POWERS.some((q) => q !== power && forcesIn(G, theatre, q) > 0 && relation(G, power, q) <= sc.rules.hostileRelation);
  for (const { power, order } of all) {
    if (order.kind === 'deploy' && hostileHere(power, order.theatre)) changeTrack(G, sc, 'tension', 1, power);
    if (order.kind === 'withdraw' && hostileHere(power, order.theatre)) changeTrack(G, sc, 'tension', -1, power);
    if (G.war) return;
  }
  const atFront = POWERS.reduce((sum, p) => sum + forcesIn(G, sc.rules.frontTheatre, p), 0);
  changeTrack(G, sc, 'front', Math.sign(atFront - sc.rules.frontResistance), null);
}

function drawCrisis(G: GameState, sc: Scenario): void {
  if (G.secret.crises.length === 0) G.secret.crises = shuffle(G.secret.rng, sc.crises.map((c) => c.id));
  const id = G.secret.crises.shift()!;
  G.crisis = id;
  currentRecord(G).crisis = id;
  log(G, { code: 'crisis', card: id });
  openDecision(G, 'crisis', id, catalog(sc).crisis(id).decision);
}

function endRound(G: GameState, sc: Scenario): void {
  if (!G.roundFx.tensionRaised) changeTrack(G, sc, 'tension', -sc.rules.calmEasing, null);
  for (const power of POWERS) {
    if (forcesIn(G, sc.rules.frontTheatre, power) > 0) G.stats.roundsAtFront[power] = (G.stats.roundsAtFront[power] ?? 0) + 1;
  }
  const record = currentRecord(G);
  record.scored = scoreObjectives(G, sc);
  record.tracks = { ...G.tracks };
  record.relations = { ...G.relations };
  record.vp = Object.fromEntries(POWERS.map((p) => [p, G.powers[p].vp])) as Record<PowerId, number>;
  if (G.round >= G.rounds) return finishGame(G, sc);
  for (const power of POWERS) {
    changeCapital(G, power, G.powers[power].income);
    drawCards(G, sc, power);
  }
  beginRound(G, sc);
}

function drawCards(G: GameState, sc: Scenario, power: PowerId): void {
  const seat = G.seats[power];
  const pub = G.powers[power];
  for (let i = 0; i < sc.rules.drawPerRound && seat.hand.length < sc.rules.handLimit; i++) {
    if (G.secret.decks[power].length === 0) {
      if (pub.discard.length === 0) break;
      // The played cards go back under a fresh shuffle: their order becomes secret again.
      G.secret.decks[power] = shuffle(G.secret.rng, pub.discard.splice(0));
    }
    seat.hand.push(G.secret.decks[power].shift()!);
  }
  pub.handCount = seat.hand.length;
}
