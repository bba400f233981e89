/**
 * The round, step by step: headline → (decision) → orders → resolution → posture →
 * (crisis) → score → draw. Each function moves the state forward in place and
 * decides what the match waits for next; what the orders, decisions and the round's
 * close do to the table is resolution.ts.
 */
import type { Decision, Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { stopTimer } from './clock.js';
import { applyEffects, holds } from './effects.js';
import { changeCapital, log } from './mechanics.js';
import { POWERS, type PowerId } from './powers.js';
import { applySlip, closeRound, firmPowers, resolveDecision, resolveOrders } from './resolution.js';
import { nextFloat, nextInt, shuffle } from './rng.js';
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
  resolveDecision(G, sc, id, decision, choices);
  if (deck === 'crisis' && !G.war) slip(G, sc, decision, choices);
  if (G.war) return finishGame(G, sc);
  if (deck === 'headline') openOrders(G);
  else endRound(G, sc);
}

/**
 * A crisis in which someone stood firm may slip out of control (rules.crisisEvents.slip):
 * drawn here, on the master state only, so no seat and no bot's foresight can know it in
 * advance. The slip is the act of the power that stood firm (one of them, drawn, if several).
 */
function slip(G: GameState, sc: Scenario, decision: Decision, choices: Partial<Record<PowerId, string>>): void {
  const firm = firmPowers(sc, decision, choices);
  if (firm.length === 0 || nextFloat(G.secret.rng) >= sc.rules.crisisEvents!.slip.chance) return;
  applySlip(G, sc, firm[firm.length === 1 ? 0 : nextInt(G.secret.rng, firm.length)]!);
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

function resolveRound(G: GameState, sc: Scenario): void {
  const record = currentRecord(G);
  for (const power of POWERS) {
    const orders = G.seats[power].orders ?? [];
    record.orders[power] = orders;
    G.seats[power].orders = null;
    G.powers[power].handCount = G.seats[power].hand.length;
  }
  G.ready = [];
  resolveOrders(G, sc, record.orders);
  if (G.war) return finishGame(G, sc);
  if (G.tracks.tension >= sc.rules.crisisAt) return drawCrisis(G, sc);
  const provoked = G.roundFx.provoked;
  const events = sc.rules.crisisEvents;
  // Drawn on the master state only, like the slip: nobody knows in advance whether it sparks.
  if (provoked && events && G.tracks.tension >= events.from && nextFloat(G.secret.rng) < events.chance) {
    return drawCrisis(G, sc, provoked);
  }
  endRound(G, sc);
}

/**
 * Draw the first card of the crisis deck whose `requires` holds; the cards passed over
 * keep their places. With none left that may be drawn, the whole deck is shuffled anew;
 * if still none may be, the round has no crisis card.
 */
function drawCrisis(G: GameState, sc: Scenario, provoker?: PowerId): void {
  // A crisis sparked by an event names its cause first (rules.crisisEvents).
  if (provoker) log(G, { code: 'crisisProvoked', power: provoker });
  const cat = catalog(sc);
  const drawable = (id: string) => {
    const requires = cat.crisis(id).requires;
    return !requires || holds(G, requires, {});
  };
  let at = G.secret.crises.findIndex(drawable);
  if (at < 0) {
    G.secret.crises = shuffle(G.secret.rng, sc.crises.map((c) => c.id));
    currentRecord(G).crisisReshuffled = true;
    at = G.secret.crises.findIndex(drawable);
    if (at < 0) return endRound(G, sc);
  }
  const id = G.secret.crises.splice(at, 1)[0]!;
  G.crisis = id;
  currentRecord(G).crisis = id;
  log(G, { code: 'crisis', card: id });
  openDecision(G, 'crisis', id, cat.crisis(id).decision);
}

function endRound(G: GameState, sc: Scenario): void {
  closeRound(G, sc);
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
