/**
 * What one finished game shows, read from the rules' own records: the final state, its
 * round history (orders, choices, objectives met), its log (summits, aid, tracks) and
 * its result (ranking, winner, war, agendas). Only which cards each hand ever held comes
 * from outside, from the driver watching the hands (playGame.ts): the rules keep no
 * record of a hand's past.
 */
import { UKRAINE, POWERS, type PowerId } from '../../game/powers.js';
import { ORDER_KINDS, type GameState, type OrderKind } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';

export interface DecisionTaken {
  deck: 'headline' | 'crisis';
  card: string;
  power: PowerId;
  option: string;
}

export interface GameMeasures {
  winner: PowerId | null;
  /** Two or more powers share first place on points and Capital (and there was no war). */
  sharedFirst: boolean;
  /** The winner had the same points as the runner-up and won on Capital left. */
  capitalTieBreak: boolean;
  /** The winner had as many points as the runner-up and won on the rules' tie-break, whichever it is. */
  tieBreak: boolean;
  war: { culprit: PowerId | null; culpritPlace: number | null; lastPlace: number } | null;
  /** Crisis cards drawn, in order. */
  crises: string[];
  vp: Record<PowerId, number>;
  capital: Record<PowerId, number>;
  income: Record<PowerId, number>;
  polarisation: number;
  /** Orders each power gave, by kind. */
  orders: Record<PowerId, Record<OrderKind, number>>;
  /** Play-a-card orders each power gave, by card. */
  cardOrders: Record<PowerId, Record<string, number>>;
  /** The first round in which North Korea's Capability reached the top of its track (10), or null. */
  capabilityTopRound: number | null;
  decisions: DecisionTaken[];
  /** Rounds scored (a round war cuts short is not), and how many of them each objective was met in. */
  scoredRounds: number;
  objectivesMet: Record<PowerId, Record<string, number>>;
  agendas: Record<PowerId, { agenda: string; met: boolean }>;
  /** Every card each power had in hand at some point. */
  held: Record<PowerId, string[]>;
  summits: number;
  /** Capital handed from one power to another (aid orders, and transfers by cards and outcomes). */
  aidBetweenPowers: number;
  /** Of those, the aid orders. */
  aidOrdersBetweenPowers: number;
}

const perPower = <T>(make: (p: PowerId) => T) => Object.fromEntries(POWERS.map((p) => [p, make(p)])) as Record<PowerId, T>;

export function measureGame(sc: Scenario, G: GameState, held: Record<PowerId, ReadonlySet<string>>): GameMeasures {
  const result = G.result;
  if (!result) throw new Error('measureGame needs a finished game');
  const { ranking } = result;
  const placeOf = (p: PowerId) => ranking.find((r) => r.power === p)!.place;
  const lastPlace = Math.max(...ranking.map((r) => r.place));

  const orders = perPower(() => Object.fromEntries(ORDER_KINDS.map((k) => [k, 0])) as Record<OrderKind, number>);
  const cardOrders = perPower((): Record<string, number> => ({}));
  const objectivesMet = perPower((): Record<string, number> => ({}));
  const decisions: DecisionTaken[] = [];
  let scoredRounds = 0;
  let aidOrders = 0;
  for (const record of G.history) {
    for (const p of POWERS) {
      for (const order of record.orders[p] ?? []) {
        orders[p][order.kind]++;
        if (order.kind === 'aid' && order.target !== UKRAINE) aidOrders++;
        if (order.kind === 'card') cardOrders[p][order.card] = (cardOrders[p][order.card] ?? 0) + 1;
      }
    }
    for (const [power, option] of Object.entries(record.choices) as [PowerId, string][]) decisions.push({ deck: 'headline', card: record.headline, power, option });
    for (const [power, option] of Object.entries(record.crisisChoices) as [PowerId, string][]) decisions.push({ deck: 'crisis', card: record.crisis!, power, option });
    // The round a war breaks out in ends at once, unscored.
    if (G.war?.round === record.round) continue;
    scoredRounds++;
    for (const p of POWERS) for (const id of record.scored[p] ?? []) objectivesMet[p][id] = (objectivesMet[p][id] ?? 0) + 1;
  }

  let capability = sc.tracks.capability;
  let capabilityTopRound: number | null = null;
  let summits = 0;
  let aidBetweenPowers = 0;
  for (const entry of G.log) {
    if (entry.code === 'summit') summits++;
    if (entry.code === 'aid' && entry.target !== UKRAINE) aidBetweenPowers++;
    if (entry.code === 'track' && entry.track === 'capability') {
      capability += entry.value!;
      if (capability >= sc.rules.trackRange.capability[1] && capabilityTopRound === null) capabilityTopRound = entry.round;
    }
  }

  const first = ranking[0]!;
  const second = ranking[1]!;
  return {
    winner: result.winner,
    sharedFirst: !result.war && result.winner === null,
    // A winner level on points with the runner-up won on the tie-break: on Capital only where the rules break ties by it.
    capitalTieBreak: sc.rules.tieBreak === 'capital' && result.winner !== null && first.vp === second.vp,
    tieBreak: result.winner !== null && first.vp === second.vp,
    war: result.war ? { culprit: result.war.culprit, culpritPlace: result.war.culprit ? placeOf(result.war.culprit) : null, lastPlace } : null,
    crises: G.history.flatMap((r) => (r.crisis ? [r.crisis] : [])),
    vp: perPower((p) => G.powers[p].vp),
    capital: perPower((p) => G.powers[p].capital),
    income: perPower((p) => G.powers[p].income),
    polarisation: G.tracks.polarisation,
    orders,
    cardOrders,
    capabilityTopRound,
    decisions,
    scoredRounds,
    objectivesMet,
    agendas: perPower((p) => ({ agenda: result.agendas[p].agenda, met: result.agendas[p].met })),
    held: perPower((p) => [...held[p]].sort()),
    summits,
    aidBetweenPowers,
    aidOrdersBetweenPowers: aidOrders,
  };
}
