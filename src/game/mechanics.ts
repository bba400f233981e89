/**
 * The primitive changes every rule is made of. Each clamps to its range, keeps the
 * round's bookkeeping (who raised Tension, shields) and writes the public log, so
 * orders, cards, decisions and posture all behave the same way.
 */
import type { Scenario } from '../scenario/schema.js';
import { pairKey, type PowerId } from './powers.js';
import type { LogEntry, Stack, Table, TrackId } from './types.js';

/**
 * The relation scale, from hostile to allied. Fixed for every scenario, unlike the
 * tracks' ranges (rules.trackRange): the screens draw and name each of its steps.
 */
export const RELATION_RANGE = [-3, 3] as const;

const clamp = (value: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, value));

export function log(G: Table, entry: Omit<LogEntry, 'round'>): void {
  G.log.push({ round: G.round, ...entry });
}

/**
 * Move a track. `source` is the power whose act caused it: if Tension reaches the
 * war threshold, that power is the one who pushed the region over the edge.
 */
export function changeTrack(G: Table, sc: Scenario, track: TrackId, delta: number, source: PowerId | null): void {
  if (delta === 0 || G.war) return;
  const before = G.tracks[track];
  const after = clamp(before + delta, sc.rules.trackRange[track]);
  if (after === before) return;
  G.tracks[track] = after;
  log(G, { code: 'track', track, value: after - before, ...(source ? { power: source } : {}) });
  if (track !== 'tension' || after <= before) return;
  G.roundFx.tensionRaised = true;
  if (after >= sc.rules.warAt) {
    G.war = { round: G.round, culprit: source };
    log(G, { code: 'war', ...(source ? { power: source } : {}) });
  }
}

export function relation(G: Table, a: PowerId, b: PowerId): number {
  return G.relations[pairKey(a, b)];
}

/** Change a relation; a fall is ignored while either side is shielded this round. */
export function changeRelation(G: Table, a: PowerId, b: PowerId, delta: number): void {
  if (delta === 0 || a === b || G.war) return;
  if (delta < 0 && (G.roundFx.shielded.includes(a) || G.roundFx.shielded.includes(b))) {
    log(G, { code: 'shieldHeld', power: G.roundFx.shielded.includes(a) ? a : b, target: G.roundFx.shielded.includes(a) ? b : a });
    return;
  }
  const key = pairKey(a, b);
  const after = clamp(G.relations[key] + delta, RELATION_RANGE);
  if (after === G.relations[key]) return;
  log(G, { code: 'relation', power: a, target: b, value: after - G.relations[key] });
  G.relations[key] = after;
}

export function changeCapital(G: Table, power: PowerId, delta: number): void {
  G.powers[power].capital = Math.max(0, G.powers[power].capital + delta);
}

/** Hand Capital from one power to another: only what the giver has; counted as aid. */
export function transferCapital(G: Table, from: PowerId, to: PowerId, amount: number): number {
  const given = Math.min(amount, G.powers[from].capital);
  if (given <= 0) return 0;
  G.powers[from].capital -= given;
  receiveAid(G, from, to, given);
  return given;
}

/** Aid arriving (its cost was already paid by the giver). */
export function receiveAid(G: Table, from: PowerId, to: PowerId, amount: number): void {
  G.powers[to].capital += amount;
  const key = `${from}>${to}`;
  G.stats.aidGiven[key] = (G.stats.aidGiven[key] ?? 0) + amount;
  G.stats.aidReceivedThisRound[to] = (G.stats.aidReceivedThisRound[to] ?? 0) + amount;
  log(G, { code: 'aid', power: from, target: to, value: amount });
}

export function stackOf(G: Table, theatre: string, power: PowerId): Stack {
  return G.forces[theatre]?.[power] ?? { open: 0, covert: 0 };
}

export function forcesIn(G: Table, theatre: string, power: PowerId): number {
  // Read in place (no empty stack made for a power not there): the bots' foresight asks this for every order it weighs.
  const s = G.forces[theatre]?.[power];
  return s ? s.open + s.covert : 0;
}

function mutableStack(G: Table, theatre: string, power: PowerId): Stack {
  const theatreForces = (G.forces[theatre] ??= {});
  return (theatreForces[power] ??= { open: 0, covert: 0 });
}

/** Put forces into a theatre (from the reserve, or new when `fromReserve` is false). */
export function addForces(G: Table, theatre: string, power: PowerId, count: number, covert: boolean, fromReserve: boolean): number {
  const moved = fromReserve ? Math.min(count, G.powers[power].reserve) : count;
  if (moved <= 0) return 0;
  if (fromReserve) G.powers[power].reserve -= moved;
  const stack = mutableStack(G, theatre, power);
  if (covert) stack.covert += moved;
  else stack.open += moved;
  return moved;
}

/** Take forces out of a theatre, open ones first (covert units are the last to be noticed leaving). */
export function removeForces(G: Table, theatre: string, power: PowerId, count: number, toReserve: boolean): number {
  const stack = mutableStack(G, theatre, power);
  const fromOpen = Math.min(count, stack.open);
  const fromCovert = Math.min(count - fromOpen, stack.covert);
  stack.open -= fromOpen;
  stack.covert -= fromCovert;
  if (toReserve) G.powers[power].reserve += fromOpen + fromCovert;
  return fromOpen + fromCovert;
}

/** Turn covert forces face up, in one theatre or everywhere. */
export function revealForces(G: Table, theatre: string | 'ALL'): void {
  for (const [id, stacks] of Object.entries(G.forces)) {
    if (theatre !== 'ALL' && id !== theatre) continue;
    for (const [power, stack] of Object.entries(stacks) as [PowerId, Stack][]) {
      if (stack.covert === 0) continue;
      log(G, { code: 'revealed', power, theatre: id, value: stack.covert });
      stack.open += stack.covert;
      stack.covert = 0;
    }
  }
}
