/**
 * What a seat may order now. `legalOrders` is the one answer to "what can I do?"
 * shared by the UI, the bots, the fuzzer and the move validation, so they can never
 * disagree. It reads only what the seat itself can see, so it works on a view.
 */
import type { Scenario } from '../scenario/schema.js';
import { catalog } from './catalog.js';
import { capabilityCeiling, holds } from './effects.js';
import { forcesIn } from './mechanics.js';
import { POWERS, UKRAINE, isPowerId, type AidTarget, type PowerId } from './powers.js';
import type { Reason } from './reasons.js';
import type { Order, OrderKind, Readable } from './types.js';

export interface LegalOption {
  order: Order;
  cost: number;
}

export interface Refusal {
  kind: OrderKind;
  reason: Reason;
  /** Set when one card, target or theatre is refused while others of its kind are allowed. */
  card?: string;
  target?: AidTarget;
  theatre?: string;
  what?: 'force' | 'capability';
}

export interface LegalOrders {
  options: LegalOption[];
  refused: Refusal[];
  /** Orders still to choose this round. */
  remaining: number;
  /** Capital left after the orders already chosen. */
  budget: number;
}

/**
 * What a capability build costs at this Capability: its base cost, plus 1 for every
 * `costRiseEvery` points already reached (the programme's milestones, C10).
 */
export function capabilityBuildCost(sc: Scenario, capability: number): number {
  const every = sc.rules.capabilityMilestones?.costRiseEvery ?? 0;
  return sc.rules.costs.buildCapability + (every > 0 ? Math.floor(capability / every) : 0);
}

/** An order's cost on this table (a capability build's depends on Capability, which no order changes before the reveal). */
export function orderCost(sc: Scenario, table: Pick<Readable, 'tracks'>, order: Order): number {
  switch (order.kind) {
    case 'pressure':
      return sc.rules.costs.pressure;
    case 'aid':
      return order.amount;
    case 'deploy':
      return sc.rules.costs.deploy;
    case 'build':
      return order.what === 'force' ? sc.rules.costs.buildForce : capabilityBuildCost(sc, table.tracks.capability);
    case 'card':
      return catalog(sc).policy(order.card).cost;
    default:
      return 0;
  }
}

export function totalCost(sc: Scenario, table: Pick<Readable, 'tracks'>, orders: readonly Order[]): number {
  return orders.reduce((sum, order) => sum + orderCost(sc, table, order), 0);
}

/** What the orders already chosen this round use up, computed once per question. */
interface Budget {
  sc: Scenario;
  view: Readable;
  power: PowerId;
  capital: number;
  reserve: number;
  withdrawing: Map<string, number>;
  targeted: Map<string, Set<AidTarget>>;
  playing: Set<string>;
}

function budgetFor(sc: Scenario, view: Readable, power: PowerId, chosen: readonly Order[]): Budget {
  const b: Budget = {
    sc,
    view,
    power,
    capital: view.powers[power].capital - totalCost(sc, view, chosen),
    reserve: view.powers[power].reserve,
    withdrawing: new Map(),
    targeted: new Map(),
    playing: new Set(),
  };
  for (const o of chosen) {
    if (o.kind === 'deploy') b.reserve--;
    else if (o.kind === 'withdraw') b.withdrawing.set(o.theatre, (b.withdrawing.get(o.theatre) ?? 0) + 1);
    else if (o.kind === 'card') b.playing.add(o.card);
    if ('target' in o && o.target && o.kind !== 'card') {
      // Engage and pressure share one slot per target: a power is not both courted and squeezed.
      const slot = o.kind === 'aid' ? 'aid' : 'signal';
      if (!b.targeted.has(slot)) b.targeted.set(slot, new Set());
      b.targeted.get(slot)!.add(o.target);
    }
  }
  return b;
}

function afford(b: Budget, cost: number): Reason | null {
  return cost > b.capital ? { code: 'notEnoughCapital', need: cost, have: b.capital } : null;
}

/** Why this one order may not be added now, or null if it may. The single source of legality. */
function refusal(b: Budget, order: Order): Reason | null {
  const { sc, view, power } = b;
  switch (order.kind) {
    case 'engage':
    case 'pressure':
      if (order.target === power) return { code: 'selfTarget' };
      if (b.targeted.get('signal')?.has(order.target)) return { code: 'alreadyTargeted' };
      return afford(b, orderCost(sc, view, order));
    case 'aid': {
      if (order.target === power) return { code: 'selfTarget' };
      if (order.target === UKRAINE && catalog(sc).theatre(sc.rules.frontTheatre)?.onlyFor?.includes(power)) return { code: 'cannotAidUkraine' };
      if (b.targeted.get('aid')?.has(order.target)) return { code: 'alreadyTargeted' };
      if (!Number.isInteger(order.amount) || order.amount < 1 || order.amount > sc.rules.maxAid) return { code: 'badAmount', max: sc.rules.maxAid };
      return afford(b, order.amount);
    }
    case 'deploy': {
      const theatre = catalog(sc).theatre(order.theatre);
      if (!theatre || (theatre.onlyFor && !theatre.onlyFor.includes(power))) return { code: 'theatreClosed' };
      if (b.reserve < 1) return { code: 'noReserve' };
      return afford(b, sc.rules.costs.deploy);
    }
    case 'withdraw': {
      const theatre = catalog(sc).theatre(order.theatre);
      if (!theatre) return { code: 'noForcesThere' };
      const here = forcesIn(view, order.theatre, power) - (b.withdrawing.get(order.theatre) ?? 0);
      if (here <= 0) return { code: 'noForcesThere' };
      if (theatre.garrison.includes(power) && here <= 1) return { code: 'garrison' };
      return null;
    }
    case 'build':
      if (order.what === 'capability') {
        if (power !== 'PRK') return { code: 'onlyNorthKorea' };
        if (view.tracks.capability >= sc.rules.trackRange.capability[1]) return { code: 'capabilityMaxed' };
        if (view.tracks.capability >= capabilityCeiling(sc, view)) return { code: 'capabilityNeedsHelp', at: view.tracks.capability };
      }
      return afford(b, orderCost(sc, view, order));
    case 'card': {
      const hand = view.seats[power]?.hand ?? [];
      if (!hand.includes(order.card)) return { code: 'notInHand' };
      if (b.playing.has(order.card)) return { code: 'cardAlreadyChosen' };
      const card = catalog(sc).policy(order.card);
      const targets = card.target;
      if (targets ? !order.target || !targets.includes(order.target) : order.target !== undefined) return { code: 'badTarget' };
      if (card.requires && !holds(view, card.requires, { self: power })) return { code: 'cardRequirement' };
      return afford(b, card.cost);
    }
    case 'hold':
      return null;
  }
}

/** Every order a seat might give, legal or not, in the order the UI lists them. */
function candidates(sc: Scenario, view: Readable, power: PowerId): Order[] {
  const out: Order[] = [];
  const others = POWERS.filter((p) => p !== power);
  for (const target of others) out.push({ kind: 'engage', target });
  for (const target of others) out.push({ kind: 'pressure', target });
  // Aid is offered as one candidate per recipient; legalOrders expands it into amounts.
  for (const target of [...others, UKRAINE] as AidTarget[]) out.push({ kind: 'aid', target, amount: 1 });
  for (const theatre of sc.theatres) out.push({ kind: 'deploy', theatre: theatre.id });
  for (const theatre of sc.theatres) out.push({ kind: 'withdraw', theatre: theatre.id });
  out.push({ kind: 'build', what: 'force' }, { kind: 'build', what: 'capability' });
  for (const id of view.seats[power]?.hand ?? []) {
    const card = catalog(sc).policy(id);
    if (card.target) for (const target of card.target) out.push({ kind: 'card', card: id, target });
    else out.push({ kind: 'card', card: id });
  }
  out.push({ kind: 'hold' });
  return out;
}

/** The specific thing a refusal is about, so the UI can grey out the right choice. */
function subject(order: Order): Omit<Refusal, 'kind' | 'reason'> {
  switch (order.kind) {
    case 'card':
      return { card: order.card };
    case 'deploy':
    case 'withdraw':
      return { theatre: order.theatre };
    case 'build':
      return { what: order.what };
    case 'engage':
    case 'pressure':
    case 'aid':
      return { target: order.target };
    default:
      return {};
  }
}

export function legalOrders(sc: Scenario, view: Readable, power: PowerId, chosen: readonly Order[] = []): LegalOrders {
  const remaining = sc.rules.ordersPerRound - chosen.length;
  const b = budgetFor(sc, view, power, chosen);
  const options: LegalOption[] = [];
  const refused: Refusal[] = [];
  if (remaining <= 0) {
    refused.push({ kind: 'hold', reason: { code: 'allOrdersChosen', limit: sc.rules.ordersPerRound } });
    return { options, refused, remaining: 0, budget: b.capital };
  }
  const seen = new Set<string>();
  for (const order of candidates(sc, view, power)) {
    const reason = refusal(b, order);
    if (!reason && order.kind === 'aid') {
      // Any amount the budget allows is legal once the smallest is.
      for (let amount = 1; amount <= Math.min(b.capital, sc.rules.maxAid); amount++) {
        options.push({ order: { kind: 'aid', target: order.target, amount }, cost: amount });
      }
    } else if (!reason) {
      options.push({ order, cost: orderCost(sc, view, order) });
    }
    if (!reason) continue;
    // One refusal per thing refused (an aid target, a card, a theatre).
    const about = subject(order);
    const key = `${order.kind}:${about.card ?? about.theatre ?? about.what ?? about.target ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refused.push({ kind: order.kind, reason, ...about });
  }
  return { options, refused, remaining, budget: b.capital };
}

/**
 * Read an order that came from outside (a socket, a saved draft): only the known
 * fields of the right types, or null. Legality is checked separately.
 */
export function parseOrder(raw: unknown): Order | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const keys = Object.keys(o);
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
  switch (o.kind) {
    case 'engage':
    case 'pressure':
      return only('kind', 'target') && isPowerId(o.target) ? { kind: o.kind, target: o.target } : null;
    case 'aid':
      return only('kind', 'target', 'amount') &&
        (isPowerId(o.target) || o.target === UKRAINE) &&
        Number.isInteger(o.amount)
        ? { kind: 'aid', target: o.target, amount: o.amount as number }
        : null;
    case 'deploy':
    case 'withdraw':
      return only('kind', 'theatre') && str(o.theatre) ? { kind: o.kind, theatre: o.theatre } : null;
    case 'build':
      return only('kind', 'what') && (o.what === 'force' || o.what === 'capability') ? { kind: 'build', what: o.what } : null;
    case 'card':
      if (!only('kind', 'card', 'target') || !str(o.card)) return null;
      if (o.target === undefined) return { kind: 'card', card: o.card };
      return isPowerId(o.target) ? { kind: 'card', card: o.card, target: o.target } : null;
    case 'hold':
      return only('kind') ? { kind: 'hold' } : null;
    default:
      return null;
  }
}

/** Why `order` may not follow the orders already chosen, or null if it may. */
export function orderRefused(sc: Scenario, view: Readable, power: PowerId, chosen: readonly Order[], order: Order): Reason | null {
  return refusal(budgetFor(sc, view, power, chosen), order);
}

/**
 * Check a set of orders from outside; returns the parsed orders or why they are refused.
 * A draft (`partial`) may hold fewer orders than the round needs, never more.
 */
export function checkOrders(
  sc: Scenario,
  view: Readable,
  power: PowerId,
  raw: unknown,
  partial = false,
): { ok: true; orders: Order[] } | { ok: false; reason: Reason } {
  const limit = sc.rules.ordersPerRound;
  if (!Array.isArray(raw)) return { ok: false, reason: { code: 'malformedOrder', index: 0 } };
  if (partial ? raw.length > limit : raw.length !== limit) return { ok: false, reason: { code: 'wrongOrderCount', limit, given: raw.length } };
  const orders: Order[] = [];
  for (const [index, item] of raw.entries()) {
    const order = parseOrder(item);
    if (!order) return { ok: false, reason: { code: 'malformedOrder', index } };
    const why = orderRefused(sc, view, power, orders, order);
    if (why) return { ok: false, reason: { code: 'illegalOrder', index, why } };
    orders.push(order);
  }
  return { ok: true, orders };
}
