/**
 * What a seat can read of the others' intentions from the public record: the orders
 * every power revealed last round (view.history) and the objectives every power is
 * known to score (the scenario is public; only agendas are secret).
 */
import { RELATION_RANGE, relation } from '../game/mechanics.js';
import { POWERS, type PowerId } from '../game/powers.js';
import type { Order, RoundRecord, SeatView } from '../game/types.js';
import type { Condition, Scenario } from '../scenario/schema.js';

export interface Signals {
  /** Orders each power revealed in the latest resolved round (empty before the first reveal). */
  last: Partial<Record<PowerId, Order[]>>;
  /** Capability rose over the latest resolved round: a missile or nuclear test. */
  capabilityRose: boolean;
  /** How likely each power is to engage this seat this round, making an engagement back a summit. */
  summitChance: Partial<Record<PowerId, number>>;
}

function latestResolved(view: SeatView): { record: RoundRecord; before: RoundRecord | undefined } | null {
  for (let i = view.history.length - 1; i >= 0; i--) {
    const record = view.history[i]!;
    if (Object.keys(record.orders).length > 0) return { record, before: view.history[i - 1] };
  }
  return null;
}

/** Does this condition ask for the relation between these two powers to be at least something? */
function wantsCloser(cond: Condition, a: PowerId, b: PowerId, self: PowerId): boolean {
  if ('all' in cond) return cond.all.some((c) => wantsCloser(c, a, b, self));
  if ('any' in cond) return cond.any.some((c) => wantsCloser(c, a, b, self));
  if (!('relation' in cond) || cond.min === undefined) return false;
  const [x, y] = cond.relation.map((r) => (r === 'SELF' || r === 'TARGET' ? self : r));
  return (x === a && y === b) || (x === b && y === a);
}

/** A power whose public objectives need it closer to this seat, and is not there yet, will likely engage. */
function courting(sc: Scenario, view: SeatView, from: PowerId, to: PowerId): boolean {
  return sc.powers[from].objectives.some(
    (o) => 'when' in o && wantsCloser(o.when, from, to, from) && relation(view, from, to) < RELATION_RANGE[1],
  );
}

const engaged = (orders: Order[] | undefined, target: PowerId) =>
  (orders ?? []).some((o) => o.kind === 'engage' && o.target === target);

export function readSignals(sc: Scenario, view: SeatView, power: PowerId): Signals {
  const latest = latestResolved(view);
  const last = latest?.record.orders ?? {};
  const startCapability = latest?.before?.tracks.capability ?? sc.tracks.capability;
  const summitChance: Partial<Record<PowerId, number>> = {};
  for (const q of POWERS) {
    if (q === power) continue;
    // Engagement tends to be answered: last round's courtship is the best guide to this round's.
    const chance = (engaged(last[q], power) ? 0.45 : 0) + (courting(sc, view, q, power) ? 0.3 : 0);
    if (chance > 0) summitChance[q] = chance;
  }
  return {
    last,
    capabilityRose: latest !== null && latest.record.tracks.capability > startCapability,
    summitChance,
  };
}
