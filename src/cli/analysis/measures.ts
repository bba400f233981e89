/**
 * The analysis table: every measure of MODEL.md's Targets (M1–M11) from a sample of
 * measured games, each with its value, standard error, target and whether it holds.
 * A pure function of its input, so the table depends only on the games played.
 *
 * A rate's ± is its binomial standard error; a mean's is the sample's; a share of a
 * total (orders, scored rounds) is a ratio of sums over games, with the games as the
 * independent units. "Holds" judges the value itself, not an interval.
 */
import { POWERS, type PowerId } from '../../game/powers.js';
import { ORDER_KINDS } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { meanAndSd, proportion, ratioOfSums, standardError } from '../sampleStats.js';
import type { GameMeasures } from './gameMeasures.js';
import { PLAYER_NAME, describeSeats, type Seats } from './seats.js';

export const MEASURE_IDS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface Row {
  measure: string;
  value: string;
  /** Empty for a figure shown for information. */
  target: string;
  /** Null when there is no target, or nothing to judge it on. */
  holds: boolean | null;
}

export interface Section {
  id: MeasureId | null;
  title: string;
  rows: Row[];
  /** Figures without a target, shown under the rows. */
  notes: string[];
}

export interface AnalysisInput {
  sc: Scenario;
  seed: string;
  rounds: number;
  seats: Seats;
  /** Game g of the table, in order. */
  games: readonly GameMeasures[];
  /** For each power, games 0…K−1 played again with that seat held (M8). */
  held: Record<PowerId, readonly GameMeasures[]>;
}

export interface Analysis {
  header: string[];
  sections: Section[];
  /** Whether every judged row of the measure holds; null when none could be judged. */
  summary: Record<MeasureId, boolean | null>;
}

interface Target {
  text: string;
  test: (value: number) => boolean;
}

const pct = (share: number, digits = 1) => (Number.isFinite(share) ? `${(100 * share).toFixed(digits)}%` : '—');
const num = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const shareTarget = (lo: number | null, hi: number | null, suffix = ''): Target => ({
  text: `${lo === null ? `≤${pct(hi!, 0)}` : hi === null ? `≥${pct(lo, 0)}` : `${pct(lo, 0)}–${pct(hi, 0)}`}${suffix}`,
  test: (x) => (lo === null || x >= lo) && (hi === null || x <= hi),
});

/** A rate row: k of n, judged against a share target. */
function rateRow(measure: string, k: number, n: number, target: Target | null): Row {
  const { share, se } = proportion(k, n);
  if (n === 0) return { measure, value: 'none to count', target: target?.text ?? '', holds: null };
  return { measure, value: `${pct(share)} ± ${num(100 * se, 1)}  (${k}/${n})`, target: target?.text ?? '', holds: target ? target.test(share) : null };
}

/** A share of a total over games (a ratio of sums), judged against a share target. */
function shareRow(measure: string, { ratio, se }: { ratio: number; se: number }, target: Target): Row {
  return { measure, value: `${pct(ratio)} ± ${num(100 * se, 1)}`, target: target.text, holds: Number.isFinite(ratio) ? target.test(ratio) : null };
}

const count = <T>(xs: readonly T[], test: (x: T) => boolean) => xs.reduce((a, x) => a + (test(x) ? 1 : 0), 0);
const meanSe = (xs: readonly number[]) => `${num(meanAndSd(xs).mean)} ± ${num(standardError(xs))}`;

export function analyse(input: AnalysisInput): Analysis {
  const { sc, games, seats, rounds } = input;
  const n = games.length;
  const sections = [
    wins(input),
    crisisAndWar(input),
    polarisation(input),
    economy(input),
    capability(games),
    history(sc, games),
    objectivesAndAgendas(sc, games),
    seatsMatter(input),
    everyoneDecides(games),
    liveCards(sc, games),
    interaction(games),
    winningPlans(sc, games),
  ];
  const summary = Object.fromEntries(
    MEASURE_IDS.map((id) => {
      const judged = sections.filter((s) => s.id === id).flatMap((s) => s.rows).filter((r) => r.holds !== null);
      return [id, judged.length === 0 ? null : judged.every((r) => r.holds)];
    }),
  ) as Record<MeasureId, boolean | null>;
  const pairedCount = input.held[POWERS[0]].length;
  const header = [
    `Analysis of "${sc.title}": ${n} games of ${rounds} rounds, seed ${input.seed}, ${describeSeats(seats)}`,
    `M8: the first ${pairedCount} games played again with each seat in turn held (it only holds and takes every decision's last option)`,
    'Targets: MODEL.md (set for Normal bots in every seat). ± is one standard error; "holds" judges the value itself. Definitions: docs/BALANCE.md.',
  ];
  return { header, sections, summary };
}

function wins({ games, seats }: AnalysisInput): Section {
  const n = games.length;
  const allHard = POWERS.every((p) => seats[p] === 'hard');
  const target = allHard ? shareTarget(0.08, 0.3) : shareTarget(0.12, 0.22);
  const rows = POWERS.map((p) => rateRow(`${p} wins`, count(games, (g) => g.winner === p), n, target));
  const scores = POWERS.map((p) => `${p} ${meanSe(games.map((g) => g.vp[p]))}`);
  return {
    id: 'M1',
    title: 'wins per power',
    rows,
    notes: [
      `mean final score: ${scores.join(', ')}`,
      `no single winner: ${count(games, (g) => g.sharedFirst)} shared first place, ${count(games, (g) => g.war !== null)} ended in war`,
    ],
  };
}

function crisisAndWar({ games }: AnalysisInput): Section {
  const n = games.length;
  const wars = games.flatMap((g) => (g.war ? [g.war] : []));
  const culpable = wars.filter((w) => w.culprit !== null);
  const crises = games.map((g) => g.crises.length);
  const byCulprit = POWERS.map((p) => `${p} ${count(wars, (w) => w.culprit === p)}`).join(', ');
  const places = culpable.map((w) => w.culpritPlace!);
  return {
    id: 'M2',
    title: 'crisis and war',
    rows: [
      rateRow('games with a crisis', count(games, (g) => g.crises.length > 0), n, shareTarget(0.25, 0.6)),
      rateRow('games ending in war', wars.length, n, shareTarget(0.03, 0.12)),
      rateRow("wars whose culprit finished last", count(culpable, (w) => w.culpritPlace === w.lastPlace), culpable.length, shareTarget(0.95, null)),
    ],
    notes: [
      `crises per game: ${meanSe(crises)}`,
      `wars by culprit: ${byCulprit}${wars.length > culpable.length ? `, none named ${wars.length - culpable.length}` : ''}`,
      ...(places.length > 0 ? [`culprit's place: mean ${num(meanAndSd(places).mean)} of 6`] : []),
    ],
  };
}

function polarisation({ games, rounds }: AnalysisInput): Section {
  const n = games.length;
  const judged = rounds === 8;
  const target = shareTarget(0.2, null, judged ? '' : ' (at 8 rounds)');
  const row = (measure: string, k: number): Row => ({ ...rateRow(measure, k, n, target), ...(judged ? {} : { holds: null }) });
  const histogram = Array.from({ length: 11 }, (_, v) => `${v}: ${pct(count(games, (g) => g.polarisation === v) / n)}`);
  return {
    id: 'M3',
    title: 'Polarisation at the end',
    rows: [row('Polarisation 7 or more', count(games, (g) => g.polarisation >= 7)), row('Polarisation 3 or less', count(games, (g) => g.polarisation <= 3))],
    notes: [`distribution: ${histogram.join('  ')}`],
  };
}

function economy({ games }: AnalysisInput): Section {
  const n = games.length;
  const allOrders = (g: GameMeasures) => POWERS.reduce((a, p) => a + ORDER_KINDS.reduce((b, k) => b + g.orders[p][k], 0), 0);
  const holds = ratioOfSums(
    games.map((g) => POWERS.reduce((a, p) => a + g.orders[p].hold, 0)),
    games.map(allOrders),
  );
  const rows: Row[] = [
    shareRow('Hold share of all orders', holds, shareTarget(null, 0.2)),
    rateRow('games won on the Capital tie-break', count(games, (g) => g.capitalTieBreak), n, shareTarget(null, 0.05)),
  ];
  for (const p of POWERS) {
    const left = games.map((g) => g.capital[p]);
    const inRounds = ratioOfSums(left, games.map((g) => g.income[p]));
    rows.push({
      measure: `${p} Capital left at the end`,
      value: `${meanSe(left)} = ${num(inRounds.ratio, 1)} ± ${num(inRounds.se, 1)} rounds of income`,
      target: '≤2 rounds of income',
      holds: inRounds.ratio <= 2,
    });
  }
  const kindShare = (kind: (typeof ORDER_KINDS)[number], powers: readonly PowerId[]) => {
    const of = (g: GameMeasures) => powers.reduce((a, p) => a + g.orders[p][kind], 0);
    const all = (g: GameMeasures) => powers.reduce((a, p) => a + ORDER_KINDS.reduce((b, k) => b + g.orders[p][k], 0), 0);
    return ratioOfSums(games.map(of), games.map(all)).ratio;
  };
  const matrix = [
    `order kinds, share of each power's orders:${''.padEnd(2)}${POWERS.map((p) => p.padStart(7)).join('')}${'all'.padStart(7)}`,
    ...ORDER_KINDS.map((k) => `  ${k.padEnd(42)}${POWERS.map((p) => pct(kindShare(k, [p])).padStart(7)).join('')}${pct(kindShare(k, POWERS)).padStart(7)}`),
    `games won on a tie on points, by the rules' tie-break (Capital or objectives met): ${count(games, (g) => g.tieBreak)} of ${n}`,
  ];
  return { id: 'M4', title: 'economy', rows, notes: matrix };
}

function capability(games: readonly GameMeasures[]): Section {
  const n = games.length;
  const reached = games.flatMap((g) => (g.capabilityTopRound === null ? [] : [g.capabilityTopRound]));
  const byRound = [...new Set(reached)].sort((a, b) => a - b).map((r) => `${r}: ${pct(count(reached, (x) => x === r) / n)}`);
  return {
    id: 'M5',
    title: "North Korea's programme",
    rows: [rateRow('games with Capability at 10', reached.length, n, shareTarget(null, 0.35))],
    notes: reached.length > 0 ? [`round it reached 10: mean ${meanSe(reached)}; share of all games by round: ${byRound.join('  ')}`] : [],
  };
}

/** Each decision card as it came up, in timeline order (headlines) or the deck's (crises). */
function decisionCards(sc: Scenario, games: readonly GameMeasures[], deck: 'headline' | 'crisis'): string[] {
  const seen = new Set(games.flatMap((g) => g.decisions.filter((d) => d.deck === deck).map((d) => d.card)));
  const order = deck === 'headline' ? sc.headlines.map((c) => c.id) : sc.crises.map((c) => c.id);
  return order.filter((id) => seen.has(id));
}

function history(sc: Scenario, games: readonly GameMeasures[]): Section {
  const rows: Row[] = [];
  const notes: string[] = [];
  const target = shareTarget(0.25, 0.75);
  for (const deck of ['headline', 'crisis'] as const) {
    for (const card of decisionCards(sc, games, deck)) {
      const headline = deck === 'headline' ? sc.headlines.find((c) => c.id === card)! : null;
      const options = (headline?.decision ?? sc.crises.find((c) => c.id === card)!.decision).options.map((o) => o.id);
      const taken = games.map((g) => g.decisions.filter((d) => d.deck === deck && d.card === card));
      const offered = taken.filter((t) => t.length > 0);
      const deciders = POWERS.filter((p) => offered.some((t) => t.some((d) => d.power === p)));
      for (const p of deciders) {
        const choices = taken.flatMap((t) => t.filter((d) => d.power === p).map((d) => d.option));
        const shares = options.map((o) => `${o} ${pct(count(choices, (c) => c === o) / choices.length)}`);
        notes.push(`${deck === 'crisis' ? 'crisis ' : ''}${card} ${p} (${choices.length} times): ${shares.join(', ')}`);
        if (headline?.historical) rows.push(rateRow(`${card} ${p}: ${headline.historical}`, count(choices, (c) => c === headline.historical), choices.length, target));
      }
      if (headline?.historical && deciders.length > 1) {
        const all = count(offered, (t) => t.every((d) => d.option === headline.historical));
        notes.push(`${card}: every decider chose ${headline.historical} in ${pct(all / offered.length)} of ${offered.length} games`);
      }
    }
  }
  const unmarked = decisionCards(sc, games, 'headline').filter((id) => !sc.headlines.find((c) => c.id === id)!.historical);
  if (unmarked.length > 0) notes.push(`no historical option marked in the scenario: ${unmarked.join(', ')}`);
  return { id: 'M6', title: 'history as temptation (the historical option, per decider)', rows, notes };
}

function objectivesAndAgendas(sc: Scenario, games: readonly GameMeasures[]): Section {
  const rows: Row[] = [];
  for (const p of POWERS) {
    for (const objective of sc.powers[p].objectives) {
      const met = ratioOfSums(
        games.map((g) => g.objectivesMet[p][objective.id] ?? 0),
        games.map((g) => g.scoredRounds),
      );
      rows.push(shareRow(`objective ${objective.id}`, met, shareTarget(0.1, 0.9)));
    }
  }
  for (const agenda of sc.agendas) {
    const dealt = games.filter((g) => g.agendas[agenda.power].agenda === agenda.id);
    rows.push(rateRow(agenda.id, count(dealt, (g) => g.agendas[agenda.power].met), dealt.length, shareTarget(0.15, 0.85)));
  }
  return { id: 'M7', title: 'objectives (per scored round) and agendas (per game dealt)', rows, notes: [] };
}

function seatsMatter({ games, held, seats }: AnalysisInput): Section {
  const rows: Row[] = [];
  for (const p of POWERS) {
    const paired = held[p];
    if (paired.length === 0) continue;
    const base = games.slice(0, paired.length);
    const gaps = paired.map((g, i) => g.vp[p] - base[i]!.vp[p]);
    const { mean } = meanAndSd(gaps);
    // One pair has no spread to judge by; identical gaps have none to divide by.
    const se = gaps.length < 2 ? NaN : standardError(gaps);
    const z = se === 0 ? (mean === 0 ? 0 : Math.sign(mean) * Infinity) : mean / se;
    const heldWins = proportion(count(paired, (g) => g.winner === p), paired.length);
    const baseWins = proportion(count(base, (g) => g.winner === p), base.length);
    const table = PLAYER_NAME[seats[p]];
    rows.push({ measure: `${p} held − ${table}, score`, value: `${num(mean)} ± ${num(se)}  (z ${num(z, 1)})`, target: 'z ≤ −3', holds: Number.isNaN(z) ? null : z <= -3 });
    rows.push({
      measure: `${p} held v ${table}, wins`,
      value: `${pct(heldWins.share)} ± ${num(100 * heldWins.se, 1)} v ${pct(baseWins.share)} ± ${num(100 * baseWins.se, 1)}`,
      target: 'at most half',
      holds: heldWins.share <= baseWins.share / 2,
    });
  }
  return { id: 'M8', title: 'every seat matters (one seat held, the others as in the table, same seeds)', rows, notes: [] };
}

function everyoneDecides(games: readonly GameMeasures[]): Section {
  const rows = POWERS.map((p) => rateRow(`${p} faced a headline or crisis decision`, count(games, (g) => g.decisions.some((d) => d.power === p)), games.length, shareTarget(0.8, null)));
  return { id: 'M9', title: 'everyone decides (share of games)', rows, notes: [] };
}

function liveCards(sc: Scenario, games: readonly GameMeasures[]): Section {
  const rows = sc.policies.map((card) => {
    const held = games.filter((g) => g.held[card.power].includes(card.id));
    return rateRow(card.id, count(held, (g) => (g.cardOrders[card.power][card.id] ?? 0) > 0), held.length, shareTarget(0.1, null));
  });
  return { id: 'M10', title: 'live cards (games each was played in / games it was in its power\'s hand)', rows, notes: [] };
}

function interaction(games: readonly GameMeasures[]): Section {
  const acts = games.map((g) => g.summits + g.aidBetweenPowers);
  const { mean } = meanAndSd(acts);
  return {
    id: 'M11',
    title: 'interaction',
    rows: [{ measure: 'mutual acts per game', value: meanSe(acts), target: '≥8', holds: mean >= 8 }],
    notes: [
      `per game: summits ${meanSe(games.map((g) => g.summits))}; aid between powers ${meanSe(games.map((g) => g.aidBetweenPowers))}, of which aid orders ${meanSe(games.map((g) => g.aidOrdersBetweenPowers))} and Capital handed over by cards and decisions ${meanSe(games.map((g) => g.aidBetweenPowers - g.aidOrdersBetweenPowers))}`,
      'deals: these rules have none',
    ],
  };
}

/** What winners did (the old `npm run balance` table): each order kind and card in winners' orders and plans. */
function winningPlans(sc: Scenario, games: readonly GameMeasures[]): Section {
  const won = games.filter((g) => g.winner !== null);
  const winnerOrders = won.reduce((a, g) => a + ORDER_KINDS.reduce((b, k) => b + g.orders[g.winner!][k], 0), 0);
  const notes = [`${won.length} winning plans (a winner's orders over its game): share of winners' orders, share of plans with it at least once`];
  for (const k of ORDER_KINDS) {
    const orders = won.reduce((a, g) => a + g.orders[g.winner!][k], 0);
    notes.push(`  ${k.padEnd(34)}${pct(orders / winnerOrders).padStart(7)}${pct(count(won, (g) => g.orders[g.winner!][k] > 0) / won.length).padStart(8)}`);
  }
  const cards = sc.policies
    .map((card) => ({ card, plans: count(won, (g) => g.winner === card.power && (g.cardOrders[card.power][card.id] ?? 0) > 0), orders: won.reduce((a, g) => a + (g.winner === card.power ? (g.cardOrders[card.power][card.id] ?? 0) : 0), 0) }))
    .filter((c) => c.plans > 0)
    .sort((a, b) => b.plans - a.plans || a.card.id.localeCompare(b.card.id));
  for (const { card, plans, orders } of cards) {
    notes.push(`  ${`${card.id} (${card.power})`.padEnd(34)}${pct(orders / winnerOrders).padStart(7)}${pct(plans / won.length).padStart(8)}`);
  }
  return { id: null, title: 'what winners did', rows: [], notes };
}
