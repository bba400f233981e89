/**
 * Tables a bot imagines, for the rules' own resolution to run on: copies of the parts
 * the rules change in place, and the owners covert units may have.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import type { Table } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * A copy of what resolving orders, effects and decisions and closing the round change
 * in place (src/game/resolution.ts), sharing everything else with the original: cheap
 * enough to make one per order a bot weighs.
 */
export function forkTable<T extends Table>(t: T): T {
  // Plain loops and assignments rather than Object.entries/fromEntries or overrides in
  // the spread literal (several times slower in V8): a bot makes one of these for every
  // order it weighs.
  const forces: Table['forces'] = {};
  for (const theatre in t.forces) {
    const stacks = t.forces[theatre]!;
    const copied: Table['forces'][string] = {};
    for (const p in stacks) {
      const s = stacks[p as PowerId]!;
      copied[p as PowerId] = { open: s.open, covert: s.covert };
    }
    forces[theatre] = copied;
  }
  const powers = {} as Table['powers'];
  for (const p of POWERS) {
    const pub = { ...t.powers[p] };
    pub.discard = pub.discard.slice();
    powers[p] = pub;
  }
  const { stats, roundFx } = t;
  const copy = { ...t };
  copy.tracks = { ...t.tracks };
  copy.relations = { ...t.relations };
  copy.powers = powers;
  copy.forces = forces;
  copy.flags = t.flags.slice();
  copy.stats = { aidGiven: { ...stats.aidGiven }, aidReceivedThisRound: { ...stats.aidReceivedThisRound }, roundsAtFront: { ...stats.roundsAtFront } };
  copy.roundFx = { shielded: roundFx.shielded.slice(), cancelled: roundFx.cancelled.slice(), tensionRaised: roundFx.tensionRaised };
  if (roundFx.provoked) copy.roundFx.provoked = roundFx.provoked;
  return copy;
}

const owners = new WeakMap<Scenario, Map<string, PowerId[]>>();

/**
 * Which powers could own covert units in a theatre, other than the seat asking: those
 * with a card that puts them there (any other power if no card does), in seat order.
 */
export function covertOwners(sc: Scenario, theatre: string, viewer: PowerId): PowerId[] {
  let byTheatre = owners.get(sc);
  if (!byTheatre) owners.set(sc, (byTheatre = new Map()));
  let carded = byTheatre.get(theatre);
  if (!carded) {
    const found = new Set<PowerId>();
    for (const card of sc.policies) {
      if (card.effects.some((e) => 'forces' in e && e.covert === true && e.theatre === theatre)) found.add(card.power);
    }
    carded = POWERS.filter((p) => found.has(p));
    byTheatre.set(theatre, carded);
  }
  const found = carded.filter((p) => p !== viewer);
  return found.length > 0 ? found : POWERS.filter((p) => p !== viewer);
}
