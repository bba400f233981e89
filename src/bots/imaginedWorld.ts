/**
 * Determinisation for the Hard bot: one whole match state that agrees with everything
 * a seat can see, with every hidden part guessed at random. The guess is built from
 * the seat's view and the public scenario alone (never from the master's state), so
 * the bot's answer cannot depend on anything its seat may not see.
 *
 * Hidden parts and how each is guessed:
 *  - the others' hands: drawn from the power's own cards not yet face up, as many as
 *    the public hand size says; the rest of those cards is its deck, shuffled;
 *  - the others' agendas: one of the power's agendas, at random;
 *  - orders and choices already locked in: forgotten, to be chosen afresh by whoever
 *    plays those seats in the search (the seat cannot see them);
 *  - covert units: each given to a power that could have put it there;
 *  - the headlines to come (a card from each round's pool), the crisis deck's order,
 *    this seat's own deck order and the match's random generator.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import { nextFloat, nextInt, shuffle, type RngState } from '../game/rng.js';
import type { GameState, SeatSecrets, SeatView, Stack } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { covertOwners, forkTable } from './imaginedTable.js';

/**
 * A copy of the parts of a table the rules change in place, sharing only what they
 * never touch (finished rounds, the log's existing entries), so one guessed world
 * can be played out once per plan without copying it whole each time.
 */
function copyTable<T extends GameState | SeatView>(t: T): T {
  const history = t.history.slice();
  const last = history[history.length - 1];
  if (last) history[history.length - 1] = structuredClone(last);
  return {
    ...forkTable(t),
    step: t.step.kind === 'decide' ? { ...t.step, powers: [...t.step.powers] } : t.step,
    roundStart: { ...t.roundStart },
    ready: [...t.ready],
    history,
    log: t.log.slice(),
  };
}

const copySeat = (s: SeatSecrets): SeatSecrets => ({ ...s, hand: [...s.hand], orders: s.orders && [...s.orders] });

/** A copy of an imagined world to play one plan out on. */
export function forkWorld(G: GameState): GameState {
  const seats = Object.fromEntries(POWERS.map((p) => [p, copySeat(G.seats[p])])) as GameState['seats'];
  const { rng, decks, headlines, crises } = G.secret;
  const secret = {
    rng: [...rng] as RngState,
    decks: Object.fromEntries(POWERS.map((p) => [p, [...decks[p]]])) as GameState['secret']['decks'],
    headlines: [...headlines],
    crises: [...crises],
  };
  return { ...copyTable(G), seats, secret };
}

function placeCovert(sc: Scenario, forces: GameState['forces'], unknown: SeatView['unknownForces'], viewer: PowerId, rng: RngState): void {
  for (const [theatre, count] of Object.entries(unknown)) {
    const owners = covertOwners(sc, theatre, viewer);
    for (let i = 0; i < count; i++) {
      const owner = owners[nextInt(rng, owners.length)]!;
      const stacks = (forces[theatre] ??= {});
      const stack: Stack = (stacks[owner] ??= { open: 0, covert: 0 });
      stack.covert += 1;
    }
  }
}

/** The headlines of the rounds still to come: fixed cards as written, one card from each pool. */
function headlinesToCome(sc: Scenario, view: SeatView, rng: RngState): string[] {
  return [...sc.timeline]
    .sort((a, b) => a.round - b.round)
    .filter((e) => e.round > view.round && e.round <= view.rounds)
    .map((e) => ('card' in e ? e.card : e.pool[nextInt(rng, e.pool.length)]!));
}

/** The crisis deck: the cards not drawn since its last shuffle (the draws and the shuffles are public, in the history). */
function crisesToCome(sc: Scenario, view: SeatView, rng: RngState): string[] {
  const all = sc.crises.map((c) => c.id);
  const lastShuffle = view.history.map((r) => r.crisisReshuffled === true).lastIndexOf(true);
  const gone = new Set(view.history.slice(Math.max(0, lastShuffle)).flatMap((r) => (r.crisis ? [r.crisis] : [])));
  return shuffle(rng, all.filter((id) => !gone.has(id)));
}

export function imagineWorld(sc: Scenario, view: SeatView, power: PowerId, rng: RngState): GameState {
  const own = view.seats[power];
  if (!own) throw new Error(`${power}'s view does not hold its own seat`);
  const table = copyTable(view);
  const { viewer: _viewer, unknownForces, ...open } = table;
  const seats = {} as GameState['seats'];
  const decks = {} as GameState['secret']['decks'];
  for (const p of POWERS) {
    const faceUp = new Set(view.powers[p].discard);
    const unseen = sc.policies.filter((c) => c.power === p && !faceUp.has(c.id)).map((c) => c.id);
    if (p === power) {
      seats[p] = { hand: [...own.hand], agenda: own.agenda, orders: null, choice: null };
      decks[p] = shuffle(rng, unseen.filter((id) => !own.hand.includes(id)));
      continue;
    }
    const pool = shuffle(rng, unseen);
    const agendas = sc.agendas.filter((a) => a.power === p);
    seats[p] = {
      hand: pool.slice(0, view.powers[p].handCount),
      agenda: agendas[nextInt(rng, agendas.length)]!.id,
      orders: null,
      choice: null,
    };
    decks[p] = pool.slice(view.powers[p].handCount);
  }
  placeCovert(sc, open.forces, unknownForces, power, rng);
  const secret: GameState['secret'] = {
    rng: [0, 0, 0, 0].map(() => Math.floor(nextFloat(rng) * 2 ** 32)) as RngState,
    decks,
    headlines: headlinesToCome(sc, view, rng),
    crises: crisesToCome(sc, view, rng),
  };
  // Who has locked in is public, but what they locked in is not: in this world they have yet to choose.
  return { ...open, ready: [], seats, secret };
}
