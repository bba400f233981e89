/** Checks that must hold after every action of every game; each failure names what broke. */
import type { Effect, Scenario } from '../../src/scenario/schema.js';
import { catalog } from '../../src/game/catalog.js';
import { legalOrders, totalCost } from '../../src/game/orders.js';
import { awaiting } from '../../src/game/actions.js';
import { RELATION_RANGE } from '../../src/game/mechanics.js';
import { POWERS, PAIRS, type PowerId } from '../../src/game/powers.js';
import type { Action, GameState, LogEntry, TrackId } from '../../src/game/types.js';

export function checkInvariants(sc: Scenario, G: GameState): void {
  const fail = (what: string) => {
    throw new Error(`invariant broken in round ${G.round}: ${what}`);
  };
  for (const [track, [lo, hi]] of Object.entries(sc.rules.trackRange) as [TrackId, readonly [number, number]][]) {
    const v = G.tracks[track];
    if (!Number.isInteger(v) || v < lo || v > hi) fail(`${track} is ${v}, outside ${lo}..${hi}`);
  }
  for (const pair of PAIRS) {
    const v = G.relations[pair];
    if (!Number.isInteger(v) || v < RELATION_RANGE[0] || v > RELATION_RANGE[1]) fail(`relation ${pair} is ${v}`);
  }
  if (Object.keys(G.relations).length !== 15) fail('there are not exactly 15 relations');
  if (G.round < 1 || G.round > G.rounds) fail(`round ${G.round} outside 1..${G.rounds}`);
  for (const p of POWERS) {
    const pub = G.powers[p];
    if (pub.capital < 0) fail(`${p} has negative Capital ${pub.capital}`);
    if (pub.reserve < 0) fail(`${p} has negative reserve ${pub.reserve}`);
    const seat = G.seats[p];
    const pending = (seat.orders ?? []).flatMap((o) => (o.kind === 'card' ? [o.card] : []));
    if (seat.hand.length > sc.rules.handLimit) fail(`${p} holds ${seat.hand.length} cards, over the limit`);
    if (pub.handCount !== seat.hand.length + pending.length) fail(`${p} shows ${pub.handCount} cards but holds ${seat.hand.length} + ${pending.length} pending`);
    // Every policy card of this power is in exactly one place.
    const places = [...G.secret.decks[p], ...seat.hand, ...pending, ...pub.discard].sort();
    const own = sc.policies.filter((c) => c.power === p).map((c) => c.id).sort();
    if (places.join() !== own.join()) fail(`${p}'s cards are not each in exactly one place: ${places.join()} vs ${own.join()}`);
  }
  checkHeadlinesAndCrises(sc, G, fail);
  for (const [theatre, stacks] of Object.entries(G.forces)) {
    for (const [p, s] of Object.entries(stacks)) {
      if (s.open < 0 || s.covert < 0) fail(`${p} has negative forces in ${theatre}`);
    }
  }
  if (G.step.kind === 'over') {
    if (!G.result) fail('the game is over without a result');
    return;
  }
  const due = awaiting(G);
  if (due.length === 0) fail(`dead end: no seat can act at step ${G.step.kind}`);
  if (G.step.kind === 'orders') {
    for (const p of due) if (legalOrders(sc, G, p).options.length === 0) fail(`${p} must give orders but has no legal order`);
  }
}

/**
 * A headline is in at most one place: come up (a round's record; the one in play is the
 * last), planned for a round to come, or put on top by Control. Pool cards never drawn
 * are in none. The crisis deck is reshuffled whole when it runs out, so the crises drawn
 * since then and the deck hold every crisis exactly once.
 */
function checkHeadlinesAndCrises(sc: Scenario, G: GameState, fail: (what: string) => void): void {
  const headlines = [...G.history.map((r) => r.headline), ...G.secret.headlines, ...(G.secret.injects ?? [])];
  const seen = new Set<string>();
  for (const id of headlines) {
    if (seen.has(id)) fail(`headline ${id} is in two places`);
    seen.add(id);
    if (!sc.headlines.some((h) => h.id === id)) fail(`headline ${id} is not the scenario's`);
  }
  if (G.history.length > 0 && G.headline !== G.history.at(-1)!.headline) fail(`headline ${G.headline} in play is not this round's ${G.history.at(-1)!.headline}`);
  // The deck starts full; a draw that finds no card it may draw shuffles all of it back first (the record says so).
  const lastShuffle = G.history.map((r) => r.crisisReshuffled === true).lastIndexOf(true);
  const sinceShuffle = G.history.slice(Math.max(0, lastShuffle)).flatMap((r) => (r.crisis ? [r.crisis] : []));
  const places = [...sinceShuffle, ...G.secret.crises].sort();
  const all = sc.crises.map((c) => c.id).sort();
  if (places.join() !== all.join()) fail(`the crises are not each in exactly one place: ${places.join()} vs ${all.join()}`);
}

/** Each power's forces: its reserve and every unit it has in a theatre, open or covert. */
function forceTotals(G: GameState): Record<PowerId, number> {
  const totals = Object.fromEntries(POWERS.map((p) => [p, G.powers[p].reserve])) as Record<PowerId, number>;
  for (const stacks of Object.values(G.forces)) {
    for (const [p, s] of Object.entries(stacks) as [PowerId, { open: number; covert: number }][]) totals[p] += s.open + s.covert;
  }
  return totals;
}

/** The range a power's total forces may have moved by: lowest and highest. */
type Range = Record<PowerId, { lo: number; hi: number }>;

/**
 * The forces the entries of the public log account for. This trusts the log to name every
 * force built, every headline and crisis that came up, every choice and outcome of a
 * decision, and every policy card that took effect (a cancelled card is logged apart);
 * the sizes come from the scenario's cards, not from the rules' arithmetic. A card adds
 * exactly what it says; it removes at most what it says (a theatre or reserve may hold
 * less). If war broke out, the effects after it never ran: then each may have happened
 * or not. Deploy and withdraw only move forces between the reserve and a theatre, so
 * they explain no change of the total at all.
 */
function explainedForces(sc: Scenario, entries: readonly LogEntry[], war: boolean): Range {
  const range = Object.fromEntries(POWERS.map((p) => [p, { lo: 0, hi: 0 }])) as Range;
  const decisionOf = (card: string) => sc.headlines.find((h) => h.id === card)?.decision ?? catalog(sc).crisis(card).decision;
  const count = (effects: readonly Effect[], self: PowerId | undefined, target: PowerId | undefined, certain: boolean) => {
    for (const effect of effects) {
      const ref = 'forces' in effect ? effect.forces : 'reserve' in effect ? effect.reserve : null;
      if (ref === null || !('delta' in effect)) continue;
      const power = ref === 'SELF' ? self : ref === 'TARGET' ? target : ref;
      if (!power) throw new Error(`an effect names ${ref} where the log gives no such power`);
      if (effect.delta > 0 && certain && !war) range[power].lo += effect.delta;
      if (effect.delta > 0) range[power].hi += effect.delta;
      else range[power].lo += effect.delta;
    }
  };
  for (const entry of entries) {
    const target = entry.target === 'UKR' ? undefined : entry.target;
    switch (entry.code) {
      case 'build':
        range[entry.power!].lo += 1;
        range[entry.power!].hi += 1;
        break;
      case 'headline':
        count(catalog(sc).headline(entry.card!).effects, undefined, undefined, true);
        break;
      case 'card':
        count(catalog(sc).policy(entry.card!).effects, entry.power, target, true);
        break;
      case 'chose':
        count(decisionOf(entry.card!).options.find((o) => o.id === entry.option)!.effects, entry.power, undefined, true);
        break;
      case 'outcome': {
        // The log names an outcome by the option it waits on; two outcomes on one option (all / any) leave it unsure which.
        const matching = decisionOf(entry.card!).outcomes.filter((o) => ('allChose' in o.when ? o.when.allChose : o.when.anyChose) === entry.option);
        for (const outcome of matching) count(outcome.effects, undefined, undefined, matching.length === 1);
        break;
      }
    }
  }
  return range;
}

/**
 * Checks of each action against the state before it, for `playToEnd`'s `afterAction`:
 *  - forces are conserved: a power's total changes only as far as the log's builds and
 *    cards explain (explainedForces says what that trusts); the starting state is checked
 *    against the scenario's forces and reserves the same way (its first headline included);
 *  - orders locked in never cost more than the Capital held when they were given (the
 *    rules clamp Capital at 0 when they are paid, so "Capital >= 0" alone would never
 *    notice an order that was not affordable).
 * Control's commands are not covered: the games checked here have no Control.
 */
export function actionChecker(sc: Scenario, start: GameState): (G: GameState, power: PowerId, action: Action) => void {
  const fromScenario = Object.fromEntries(POWERS.map((p) => [p, sc.powers[p].reserve])) as Record<PowerId, number>;
  for (const byPower of Object.values(sc.forces)) {
    for (const [p, n] of Object.entries(byPower) as [PowerId, number][]) fromScenario[p] += n;
  }
  let before = { forces: fromScenario, capital: {} as Record<PowerId, number>, capability: start.tracks.capability, round: 0, logged: 0 };
  const look = (G: GameState, what: string) => {
    const forces = forceTotals(G);
    const range = explainedForces(sc, G.log.slice(before.logged), G.war !== null);
    for (const p of POWERS) {
      const change = forces[p] - before.forces[p];
      const { lo, hi } = range[p];
      if (change < lo || change > hi) throw new Error(`forces not conserved in round ${G.round} (${what}): ${p} went from ${before.forces[p]} to ${forces[p]}; the log explains a change of ${lo}..${hi}`);
    }
    before = { forces, capital: Object.fromEntries(POWERS.map((p) => [p, G.powers[p].capital])) as Record<PowerId, number>, capability: G.tracks.capability, round: G.round, logged: G.log.length };
  };
  look(start, 'setup');
  return (G, power, action) => {
    if (action.type === 'orders') {
      const locked = G.seats[power].orders ?? G.history.find((r) => r.round === before.round)?.orders[power];
      if (!locked) throw new Error(`${power}'s orders of round ${before.round} were accepted but are nowhere`);
      // Priced on Capability as it stood while the orders were open (a capability build's cost rises with it).
      const cost = totalCost(sc, { tracks: { ...G.tracks, capability: before.capability } }, locked);
      if (cost > before.capital[power]) throw new Error(`${power} locked in orders costing ${cost} with ${before.capital[power]} Capital in round ${before.round}: ${JSON.stringify(locked)}`);
    }
    look(G, `${power}'s ${action.type}`);
  };
}
