/**
 * Changing what one seat (or a spectator) may not see: the differential secrecy test
 * changes each hidden part in turn and requires the view to stay byte for byte the
 * same, and the bots' honesty tests change them all at once and require the same answer.
 */
import { catalog } from '../../src/game/catalog.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { seedRng, shuffle, type RngState } from '../../src/game/rng.js';
import type { GameState, Order } from '../../src/game/types.js';
import { playerView } from '../../src/game/view.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** Every part of the master state that a seat's view must not depend on. */
export const HIDDEN_PARTS = [
  'hands',
  'agendas',
  'orders',
  'choices',
  'drafts',
  'decks',
  'ownDeck',
  'headlines',
  'injects',
  'crises',
  'rng',
  'covert',
] as const;
export type HiddenPart = (typeof HIDDEN_PARTS)[number];

/** Whose secrets a viewer may not see: every seat but its own (all six for a spectator). */
const othersOf = (viewer: PowerId | null) => POWERS.filter((p) => p !== viewer);

/** Another id than `id`: from `preferred` (a plausible one) when it has one, else from `all`. */
function another(id: string | undefined, preferred: readonly string[], all: readonly string[]): string | undefined {
  return preferred.find((c) => c !== id) ?? all.find((c) => c !== id);
}

/** The list moved on by one place: a different order whenever it holds two different items. */
const rotate = <T>(items: T[]): T[] => [...items.slice(1), ...items.slice(0, 1)];

/** Different orders of the same count: holds, or a build among holds if they were all holds. */
function otherOrders(orders: Order[]): Order[] {
  const holds: Order[] = orders.map(() => ({ kind: 'hold' }));
  return JSON.stringify(holds) === JSON.stringify(orders) ? [{ kind: 'build', what: 'force' }, ...holds.slice(1)] : holds;
}

/** Each changes one hidden part of H in place, for `viewer`, keeping every count the view shows (hand sizes, covert totals). */
const VARY: Record<HiddenPart, (sc: Scenario, H: GameState, viewer: PowerId | null, rng: RngState) => void> = {
  hands: (_sc, H, viewer, rng) => {
    for (const p of othersOf(viewer)) {
      // Swap the hand with cards from the deck, keeping its size (the size is public).
      const seat = H.seats[p];
      const pool = shuffle(rng, [...seat.hand, ...H.secret.decks[p]]);
      seat.hand = pool.slice(0, seat.hand.length);
      H.secret.decks[p] = pool.slice(seat.hand.length);
    }
  },
  agendas: (sc, H, viewer) => {
    for (const p of othersOf(viewer)) {
      const seat = H.seats[p];
      const own = sc.agendas.filter((a) => a.power === p).map((a) => a.id);
      seat.agenda = another(seat.agenda, own, sc.agendas.map((a) => a.id))!;
    }
  },
  orders: (_sc, H, viewer) => {
    for (const p of othersOf(viewer)) {
      const seat = H.seats[p];
      if (seat.orders) seat.orders = otherOrders(seat.orders);
    }
  },
  choices: (sc, H, viewer) => {
    if (H.step.kind !== 'decide') return;
    const { deck, card } = H.step;
    const decision = deck === 'headline' ? catalog(sc).headline(card).decision! : catalog(sc).crisis(card).decision;
    for (const p of othersOf(viewer)) {
      const seat = H.seats[p];
      if (seat.choice) seat.choice = decision.options.find((o) => o.id !== seat.choice)!.id;
    }
  },
  drafts: (_sc, H, viewer) => {
    // A seat drafts only while its orders are due: a different draft, or one where it had none.
    if (H.step.kind !== 'orders') return;
    for (const p of othersOf(viewer).filter((q) => !H.ready.includes(q))) {
      const seat = H.seats[p];
      seat.draft = seat.draft?.length === 1 ? [...seat.draft, { kind: 'hold' }] : [{ kind: 'hold' }];
    }
  },
  decks: (_sc, H, viewer) => {
    for (const p of othersOf(viewer)) H.secret.decks[p] = rotate(H.secret.decks[p]);
  },
  ownDeck: (_sc, H, viewer) => {
    // A seat does not see the order of its own deck either: what it draws next is chance.
    if (viewer) H.secret.decks[viewer] = rotate(H.secret.decks[viewer]);
  },
  headlines: (sc, H) => {
    // Each headline still to come is swapped for another card of its round's pool, else for any other headline.
    const all = sc.headlines.map((h) => h.id);
    H.secret.headlines = H.secret.headlines.map((id, i) => {
      const entry = sc.timeline.find((t) => t.round === H.round + 1 + i);
      return another(id, entry && 'pool' in entry ? entry.pool : [], all)!;
    });
  },
  injects: (sc, H) => {
    // Control's headlines put on top: others in their place, or one where none was queued.
    const all = sc.headlines.map((h) => h.id);
    const queued = H.secret.injects ?? [];
    H.secret.injects = queued.length > 0 ? queued.map((id) => another(id, [], all)!) : [all.find((id) => !H.secret.headlines.includes(id)) ?? all[0]!];
  },
  crises: (sc, H) => {
    // The next crisis changes: another order, another card, or one where the pile was empty.
    const crises = H.secret.crises;
    const all = sc.crises.map((c) => c.id);
    H.secret.crises = crises.length > 1 ? rotate(crises) : [another(crises[0], [], all) ?? all[0]!];
  },
  rng: (_sc, H, _viewer, rng) => {
    H.secret.rng = rng;
  },
  covert: (_sc, H, viewer) => {
    // Covert units change hands between two powers that are not the viewer: the view shows only their number.
    for (const stacks of Object.values(H.forces)) {
      for (const owner of othersOf(viewer).filter((p) => (stacks[p]?.covert ?? 0) > 0)) {
        // An empty stack shows as such, so the heir must have none or have open units, and an emptied owner loses its stack.
        const heir = othersOf(viewer).find((q) => q !== owner && (!stacks[q] || stacks[q]!.open > 0));
        if (!heir) continue;
        const moved = stacks[owner]!.covert;
        stacks[owner]!.covert = 0;
        if (stacks[owner]!.open === 0) delete stacks[owner];
        stacks[heir] = { open: stacks[heir]?.open ?? 0, covert: (stacks[heir]?.covert ?? 0) + moved };
      }
    }
  },
};

/** Everything VARY may change: the seats' secrets, the master's secret part and the forces. */
const hiddenJson = (G: GameState) => JSON.stringify([G.seats, G.secret, G.forces]);

/**
 * The same match with one hidden part changed for `viewer`, or null when the state has
 * none of that part to change. It shares G's public parts (history, log...), which
 * nothing here changes: read it, do not play on it.
 */
export function withHiddenPart(sc: Scenario, G: GameState, viewer: PowerId | null, part: HiddenPart, seed: string, hidden = hiddenJson(G)): GameState | null {
  const [seats, secret, forces] = JSON.parse(hidden) as [GameState['seats'], GameState['secret'], GameState['forces']];
  const H: GameState = { ...G, seats, secret, forces };
  VARY[part](sc, H, viewer, seedRng(`${seed}/${part}`));
  return hiddenJson(H) === hidden ? null : H;
}

/**
 * The same match with everything `viewer` may not see changed at once: the others'
 * hands (same sizes), agendas, locked-in orders, drafts and choices, every deck's order
 * (its own included), the headlines and crises to come, Control's injects, the random
 * generator, and which other power owns covert units.
 */
export function withOtherSecrets(sc: Scenario, G: GameState, viewer: PowerId | null, seed: string): GameState {
  const H = structuredClone(G);
  for (const part of HIDDEN_PARTS) VARY[part](sc, H, viewer, seedRng(`${seed}/${part}`));
  return H;
}

/**
 * Whether two views serialise byte for byte the same: the same keys in the same order,
 * each value the same object (a public part H shares with G) or the same JSON. Only
 * what differs by reference is serialised, which keeps thousands of comparisons quick.
 */
function sameJson(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (JSON.stringify(keys) !== JSON.stringify(Object.keys(b))) return false;
  return keys.every((k) => {
    const [x, y] = [(a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]];
    return x === y || JSON.stringify(x) === JSON.stringify(y);
  });
}

/**
 * The hidden parts whose change alters `viewer`'s view of G, byte for byte ([] when the
 * view keeps every secret); `varied` counts, per part, the times it could really be changed.
 */
export function leakedParts(sc: Scenario, G: GameState, viewer: PowerId | null, seed: string, varied?: Record<HiddenPart, number>): HiddenPart[] {
  const hidden = hiddenJson(G);
  const view = playerView(G, viewer);
  return HIDDEN_PARTS.filter((part) => {
    const H = withHiddenPart(sc, G, viewer, part, seed, hidden);
    if (!H) return false;
    if (varied) varied[part]++;
    return !sameJson(playerView(H, viewer), view);
  });
}

/** A count per hidden part, all zero, for leakedParts to fill. */
export const noneVaried = (): Record<HiddenPart, number> => Object.fromEntries(HIDDEN_PARTS.map((p) => [p, 0])) as Record<HiddenPart, number>;
