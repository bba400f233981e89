/**
 * A bot's one-step lookahead: what its own orders, cards and choices would do to the
 * table, played out on a private copy of its seat's view. The copy keeps the view's
 * shape, so the rules' own `holds` and `objectivePoints` read it unchanged.
 *
 * Only the seat's own acts are foreseen; the others' orders are unknown. The copy is
 * shallow where nothing changes, so a bot can afford one per candidate order.
 */
import { catalog } from '../game/catalog.js';
import { forcesIn, relation, TRACK_RANGE } from '../game/mechanics.js';
import { POWERS, UKRAINE, pairKey, type PowerId } from '../game/powers.js';
import type { Order, SeatView, Stack, TrackId } from '../game/types.js';
import type { Effect, Scenario } from '../scenario/schema.js';

export interface Sketch {
  /** A private copy of the view, changed in place by what is foreseen. */
  view: SeatView;
  /** Victory points the foreseen acts give each power directly (card and decision effects). */
  vp: Partial<Record<PowerId, number>>;
  war: boolean;
  /** The war was pushed over the edge by this seat's own act. */
  culprit: boolean;
  /** Something foreseen raised Tension, so it will not ease at the end of the round. */
  tensionRaised: boolean;
  /** Capital this seat sends to Ukraine this round. */
  toUkraine: number;
  /** This seat played a shield: none of its relations can fall this round. */
  shielded: boolean;
  /**
   * Parts of the view this sketch has already copied, so each is copied only when first
   * changed (bit i < 6: POWERS[i]'s public record; then the forces, the stats, the flags).
   */
  owned: number;
}

export function sketchOf(view: SeatView): Sketch {
  return copySketch({ view, vp: {}, war: view.war !== null, culprit: false, tensionRaised: view.roundFx.tensionRaised, toUkraine: 0, shielded: false, owned: 0 });
}

/**
 * A copy to foresee more on. Tracks and relations, which nearly every act moves, are
 * copied now; the rest is shared with the original until first changed.
 */
export function copySketch(s: Sketch): Sketch {
  const v = s.view;
  // The parts now shared are no longer the original's alone: it too must copy before changing them.
  s.owned = 0;
  return {
    ...s,
    vp: { ...s.vp },
    owned: 0,
    view: { ...v, tracks: { ...v.tracks }, relations: { ...v.relations }, powers: { ...v.powers } },
  };
}

const FORCES = 1 << 6;
const STATS = 1 << 7;
const FLAGS = 1 << 8;

/** True the first time this sketch changes the part: the caller copies it then. */
function firstChange(s: Sketch, bit: number): boolean {
  if (s.owned & bit) return false;
  s.owned |= bit;
  return true;
}

/** A power's public record, copied the first time this sketch changes it. */
function ownPower(s: Sketch, power: PowerId): SeatView['powers'][PowerId] {
  if (firstChange(s, 1 << POWERS.indexOf(power))) s.view.powers[power] = { ...s.view.powers[power] };
  return s.view.powers[power];
}

function ownStats(s: Sketch): SeatView['stats'] {
  const stats = s.view.stats;
  if (firstChange(s, STATS)) s.view.stats = { ...stats, aidGiven: { ...stats.aidGiven }, aidReceivedThisRound: { ...stats.aidReceivedThisRound } };
  return s.view.stats;
}

function ownFlags(s: Sketch): string[] {
  if (firstChange(s, FLAGS)) s.view.flags = [...s.view.flags];
  return s.view.flags;
}

function changeTrack(sc: Scenario, s: Sketch, track: TrackId, delta: number, byMe: boolean): void {
  if (delta === 0 || s.war) return;
  const [lo, hi] = TRACK_RANGE[track];
  const before = s.view.tracks[track];
  const after = Math.min(hi, Math.max(lo, before + delta));
  s.view.tracks[track] = after;
  if (track !== 'tension' || after <= before) return;
  s.tensionRaised = true;
  if (after >= sc.rules.warAt) {
    s.war = true;
    s.culprit = byMe;
  }
}

function changeRelation(s: Sketch, self: PowerId, a: PowerId, b: PowerId, delta: number): void {
  if (a === b || delta === 0) return;
  if (delta < 0 && s.shielded && (a === self || b === self)) return;
  const key = pairKey(a, b);
  s.view.relations[key] = Math.min(3, Math.max(-3, s.view.relations[key] + delta));
}

function changeCapital(s: Sketch, power: PowerId, delta: number): void {
  const pub = ownPower(s, power);
  pub.capital = Math.max(0, pub.capital + delta);
}

function receiveAid(s: Sketch, from: PowerId, to: PowerId, amount: number): void {
  const stats = ownStats(s);
  ownPower(s, to).capital += amount;
  stats.aidGiven[`${from}>${to}`] = (stats.aidGiven[`${from}>${to}`] ?? 0) + amount;
  stats.aidReceivedThisRound[to] = (stats.aidReceivedThisRound[to] ?? 0) + amount;
}

/** Copy-on-write for one stack, so the original view's forces are never touched. */
function ownStack(s: Sketch, theatre: string, power: PowerId): Stack {
  if (firstChange(s, FORCES)) s.view.forces = { ...s.view.forces };
  const stacks = { ...(s.view.forces[theatre] ?? {}) };
  const stack = { ...(stacks[power] ?? { open: 0, covert: 0 }) };
  stacks[power] = stack;
  s.view.forces[theatre] = stacks;
  return stack;
}

function moveForces(s: Sketch, theatre: string, power: PowerId, delta: number, covert: boolean): void {
  const stack = ownStack(s, theatre, power);
  if (delta > 0) {
    if (covert) stack.covert += delta;
    else stack.open += delta;
    return;
  }
  const fromOpen = Math.min(-delta, stack.open);
  stack.open -= fromOpen;
  stack.covert = Math.max(0, stack.covert - (-delta - fromOpen));
}

/** A deployment beside a hostile power alarms; a withdrawal from one calms (the posture step). */
function hostileHere(sc: Scenario, s: Sketch, power: PowerId, theatre: string): boolean {
  return POWERS.some((q) => q !== power && forcesIn(s.view, theatre, q) > 0 && relation(s.view, power, q) <= sc.rules.hostileRelation);
}

export function foreseeEffects(sc: Scenario, s: Sketch, effects: readonly Effect[], self: PowerId | undefined, target?: PowerId): void {
  const who = (ref: PowerId | 'SELF' | 'TARGET'): PowerId | undefined => (ref === 'SELF' ? self : ref === 'TARGET' ? target : ref);
  const me = s.view.viewer;
  for (const effect of effects) {
    if (s.war) return;
    if ('track' in effect) changeTrack(sc, s, effect.track, effect.delta, self === me);
    else if ('relation' in effect) {
      const [a, b] = [who(effect.relation[0]), who(effect.relation[1])];
      if (a && b && me) changeRelation(s, me, a, b, effect.delta);
    } else if ('capital' in effect) {
      const p = who(effect.capital);
      if (p) changeCapital(s, p, effect.delta);
    } else if ('transfer' in effect) {
      const [from, to] = [who(effect.transfer.from), who(effect.transfer.to)];
      const given = from ? Math.min(effect.transfer.amount, s.view.powers[from].capital) : 0;
      if (from && to && given > 0) {
        ownPower(s, from).capital -= given;
        receiveAid(s, from, to, given);
      }
    } else if ('income' in effect) {
      const p = who(effect.income);
      if (p) ownPower(s, p).income = Math.max(0, s.view.powers[p].income + effect.delta);
    } else if ('vp' in effect) {
      const p = who(effect.vp);
      if (p) s.vp[p] = (s.vp[p] ?? 0) + effect.delta;
    } else if ('forces' in effect) {
      const p = who(effect.forces);
      if (p) moveForces(s, effect.theatre, p, effect.delta, effect.covert === true);
    } else if ('reserve' in effect) {
      const p = who(effect.reserve);
      if (p) ownPower(s, p).reserve = Math.max(0, s.view.powers[p].reserve + effect.delta);
    } else if ('shield' in effect) {
      if (who(effect.shield) === me) s.shielded = true;
    } else if ('setFlag' in effect) {
      if (!s.view.flags.includes(effect.setFlag)) ownFlags(s).push(effect.setFlag);
    } else if ('clearFlag' in effect) {
      s.view.flags = ownFlags(s).filter((f) => f !== effect.clearFlag);
    }
    // Reveals and card cancellations change what others see or do, not the table: a doctrine weighs them.
  }
}

/** One of this seat's orders, as the resolution would apply it if no one else did anything. */
export function foreseeOrder(sc: Scenario, s: Sketch, power: PowerId, order: Order): void {
  const cat = catalog(sc);
  const pol = sc.rules.polarisation;
  switch (order.kind) {
    case 'engage':
      changeRelation(s, power, power, order.target, 1);
      if (cat.bloc(power) !== cat.bloc(order.target)) changeTrack(sc, s, 'polarisation', pol.crossEngage, true);
      return;
    case 'pressure':
      changeCapital(s, power, -sc.rules.costs.pressure);
      changeRelation(s, power, power, order.target, -1);
      changeCapital(s, order.target, -1);
      if (cat.bloc(power) !== cat.bloc(order.target)) changeTrack(sc, s, 'polarisation', pol.crossPressure, true);
      return;
    case 'aid':
      changeCapital(s, power, -order.amount);
      if (order.target === UKRAINE) {
        const before = Math.floor(s.toUkraine / sc.rules.ukraineAidPerFront);
        s.toUkraine += order.amount;
        changeTrack(sc, s, 'front', before - Math.floor(s.toUkraine / sc.rules.ukraineAidPerFront), true);
        return;
      }
      receiveAid(s, power, order.target, order.amount);
      if (order.amount >= sc.rules.aidRelationThreshold) changeRelation(s, power, power, order.target, 1);
      return;
    case 'deploy':
      changeCapital(s, power, -sc.rules.costs.deploy);
      ownPower(s, power).reserve -= 1;
      moveForces(s, order.theatre, power, 1, false);
      if (hostileHere(sc, s, power, order.theatre)) changeTrack(sc, s, 'tension', 1, true);
      return;
    case 'withdraw':
      moveForces(s, order.theatre, power, -1, false);
      ownPower(s, power).reserve += 1;
      if (hostileHere(sc, s, power, order.theatre)) changeTrack(sc, s, 'tension', -1, true);
      return;
    case 'build':
      if (order.what === 'force') {
        changeCapital(s, power, -sc.rules.costs.buildForce);
        ownPower(s, power).reserve += 1;
      } else {
        changeCapital(s, power, -sc.rules.costs.buildCapability);
        changeTrack(sc, s, 'capability', 1, true);
        changeTrack(sc, s, 'tension', 1, true);
      }
      return;
    case 'card': {
      const card = cat.policy(order.card);
      changeCapital(s, power, -card.cost);
      foreseeEffects(sc, s, card.effects, power, order.target);
      return;
    }
    case 'hold':
      changeCapital(s, power, sc.rules.holdGain);
      return;
  }
}

/**
 * The end of the round as far as the seat can see it: the Front drifts with the forces
 * standing there (unknown units included, since only Russia and North Korea may be
 * there), and Tension eases if nothing foreseen raised it.
 */
export function foreseeRoundEnd(sc: Scenario, s: Sketch): void {
  if (s.war) return;
  const front = sc.rules.frontTheatre;
  const atFront = POWERS.reduce((sum, p) => sum + forcesIn(s.view, front, p), 0) + (s.view.unknownForces[front] ?? 0);
  changeTrack(sc, s, 'front', Math.sign(atFront - sc.rules.frontResistance), false);
  if (!s.tensionRaised) changeTrack(sc, s, 'tension', -sc.rules.calmEasing, false);
}
