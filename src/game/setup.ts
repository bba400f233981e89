/**
 * The starting state of a match: a pure function of the scenario, a seed and the
 * match length. Every random draw of the whole game (deck order, agendas, headline
 * pools, crisis order) comes from the seed through the state's own generator.
 */
import type { Scenario } from '../scenario/schema.js';
import { log } from './mechanics.js';
import { PAIRS, POWERS, pairKey, type PairKey, type PowerId } from './powers.js';
import { nextInt, seedRng, shuffle } from './rng.js';
import { beginRound } from './round.js';
import type { GameState, PublicPower, SeatSecrets, Stack } from './types.js';

export interface MatchOptions {
  seed: string;
  /** Fewer rounds than the scenario's full game (the classroom short form). */
  rounds?: number;
}

function perPower<T>(make: (power: PowerId) => T): Record<PowerId, T> {
  return Object.fromEntries(POWERS.map((p) => [p, make(p)])) as Record<PowerId, T>;
}

export function startingRelations(sc: Scenario): Record<PairKey, number> {
  const relations = Object.fromEntries(PAIRS.map((k) => [k, 0])) as Record<PairKey, number>;
  for (const [written, value] of Object.entries(sc.relations)) {
    const [a, b] = written.split('-') as [PowerId, PowerId];
    relations[pairKey(a, b)] = value;
  }
  return relations;
}

function startingForces(sc: Scenario): GameState['forces'] {
  const forces: GameState['forces'] = {};
  for (const theatre of sc.theatres) {
    const stacks: Partial<Record<PowerId, Stack>> = {};
    for (const [power, count] of Object.entries(sc.forces[theatre.id] ?? {}) as [PowerId, number][]) {
      if (count > 0) stacks[power] = { open: count, covert: 0 };
    }
    forces[theatre.id] = stacks;
  }
  return forces;
}

/** Headlines for each round: fixed cards as written, one card drawn from each pool. */
function drawTimeline(sc: Scenario, rng: GameState['secret']['rng'], rounds: number): string[] {
  const byRound = [...sc.timeline].sort((a, b) => a.round - b.round).filter((entry) => entry.round <= rounds);
  return byRound.map((entry) => ('card' in entry ? entry.card : entry.pool[nextInt(rng, entry.pool.length)]!));
}

export function setupState(sc: Scenario, options: MatchOptions): GameState {
  const rounds = Math.min(options.rounds ?? sc.rounds, sc.rounds);
  const rng = seedRng(options.seed);
  const decks = perPower((p) => shuffle(rng, sc.policies.filter((c) => c.power === p).map((c) => c.id)));
  const agendas = perPower((p) => {
    const own = sc.agendas.filter((a) => a.power === p);
    return own[nextInt(rng, own.length)]!.id;
  });
  const headlines = drawTimeline(sc, rng, rounds);
  const crises = shuffle(rng, sc.crises.map((c) => c.id));
  const seats = perPower<SeatSecrets>((p) => ({
    hand: decks[p].splice(0, sc.rules.startingHand),
    agenda: agendas[p],
    orders: null,
    choice: null,
  }));
  const powers = perPower<PublicPower>((p) => ({
    capital: sc.powers[p].capital,
    income: sc.powers[p].income,
    vp: 0,
    reserve: sc.powers[p].reserve,
    handCount: seats[p].hand.length,
    discard: [],
  }));
  const G: GameState = {
    scenario: sc.id,
    rounds,
    round: 0,
    step: { kind: 'orders' },
    tracks: { ...sc.tracks },
    roundStart: { ...sc.tracks },
    relations: startingRelations(sc),
    powers,
    forces: startingForces(sc),
    headline: null,
    crisis: null,
    ready: [],
    flags: [],
    stats: { aidGiven: {}, aidReceivedThisRound: {}, roundsAtFront: {} },
    roundFx: { shielded: [], cancelled: [], tensionRaised: false },
    history: [],
    log: [],
    war: null,
    result: null,
    seats,
    secret: { rng, decks, headlines, crises },
  };
  log(G, { code: 'start' });
  beginRound(G, sc);
  return G;
}
