/** Checks that must hold after every action of every game; each failure names what broke. */
import type { Scenario } from '../../src/scenario/schema.js';
import { legalOrders } from '../../src/game/orders.js';
import { awaiting } from '../../src/game/actions.js';
import { TRACK_RANGE } from '../../src/game/mechanics.js';
import { POWERS, PAIRS } from '../../src/game/powers.js';
import type { GameState, TrackId } from '../../src/game/types.js';

export function checkInvariants(sc: Scenario, G: GameState): void {
  const fail = (what: string) => {
    throw new Error(`invariant broken in round ${G.round}: ${what}`);
  };
  for (const [track, [lo, hi]] of Object.entries(TRACK_RANGE) as [TrackId, readonly [number, number]][]) {
    const v = G.tracks[track];
    if (!Number.isInteger(v) || v < lo || v > hi) fail(`${track} is ${v}, outside ${lo}..${hi}`);
  }
  for (const pair of PAIRS) {
    const v = G.relations[pair];
    if (!Number.isInteger(v) || v < -3 || v > 3) fail(`relation ${pair} is ${v}`);
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
