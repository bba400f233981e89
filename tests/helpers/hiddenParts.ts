/** Changing what one seat may not see, for the bots' honesty tests. */
import { catalog } from '../../src/game/catalog.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { seedRng, shuffle } from '../../src/game/rng.js';
import type { GameState } from '../../src/game/types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { HOLD3 } from './round.js';

/**
 * The same match with everything `viewer` may not see changed: the others' hands (same
 * sizes), agendas, locked-in orders and choices, every deck's order, the headlines and
 * crises to come, the random generator, and which other power owns covert units.
 */
export function withOtherSecrets(sc: Scenario, G: GameState, viewer: PowerId, seed: string): GameState {
  const H = structuredClone(G);
  const rng = seedRng(seed);
  for (const p of POWERS.filter((q) => q !== viewer)) {
    const seat = H.seats[p];
    // Swap the hand with cards from the deck, keeping its size (the size is public).
    const pool = shuffle(rng, [...seat.hand, ...H.secret.decks[p]]);
    seat.hand = pool.slice(0, seat.hand.length);
    H.secret.decks[p] = pool.slice(seat.hand.length);
    const agendas = sc.agendas.filter((a) => a.power === p && a.id !== seat.agenda);
    seat.agenda = agendas[0]!.id;
    if (seat.orders) seat.orders = [...HOLD3];
    if (seat.choice && H.step.kind === 'decide') {
      const { deck, card } = H.step;
      const decision = deck === 'headline' ? catalog(sc).headline(card).decision! : catalog(sc).crisis(card).decision;
      seat.choice = decision.options.find((o) => o.id !== seat.choice)!.id;
    }
  }
  H.secret.rng = seedRng(`${seed}/rng`);
  // A headline still to come is swapped for another card of its round's pool, where it has one.
  H.secret.headlines = H.secret.headlines.map((id, i) => {
    const entry = sc.timeline.find((t) => t.round === H.round + 1 + i);
    return entry && 'pool' in entry ? entry.pool.find((c) => c !== id)! : id;
  });
  H.secret.crises = shuffle(rng, [...H.secret.crises].reverse());
  // Covert units change hands between two powers that are not the viewer: the view shows only their number.
  for (const stacks of Object.values(H.forces)) {
    const owners = POWERS.filter((p) => p !== viewer && (stacks[p]?.covert ?? 0) > 0);
    for (const owner of owners) {
      // An empty stack shows as such, so the heir must have none or have open units, and an emptied owner loses its stack.
      const heir = POWERS.find((q) => q !== viewer && q !== owner && (!stacks[q] || stacks[q]!.open > 0))!;
      const moved = stacks[owner]!.covert;
      stacks[owner]!.covert = 0;
      if (stacks[owner]!.open === 0) delete stacks[owner];
      stacks[heir] = { open: stacks[heir]?.open ?? 0, covert: (stacks[heir]?.covert ?? 0) + moved };
    }
  }
  return H;
}

