/**
 * The analysis command's counting (src/cli/analysis): measures of scripted games
 * checked against values worked out by hand, measures of seeded games checked against a
 * recount from the actions the test itself saw the seats take, the table's arithmetic
 * on made-up games, and the command's output depending only on its arguments.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playToEnd } from '../../src/bots/play.js';
import type { Policy } from '../../src/bots/policy.js';
import { randomPolicy } from '../../src/bots/random.js';
import { analyse, type AnalysisInput, type Row } from '../../src/cli/analysis/measures.js';
import { measureGame, type DecisionTaken, type GameMeasures } from '../../src/cli/analysis/gameMeasures.js';
import { playGame } from '../../src/cli/analysis/playGame.js';
import { formatAnalysis } from '../../src/cli/analysis/report.js';
import { playAnalysis } from '../../src/cli/analysis/runGames.js';
import { describeSeats, parseSeats } from '../../src/cli/analysis/seats.js';
import { decide } from '../../src/game/actions.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import { ORDER_KINDS, type GameState, type Order, type OrderKind } from '../../src/game/types.js';
import { playRound, withHolds } from '../helpers/round.js';
import { realScenario } from '../helpers/scenarios.js';
import { tinyScenario } from '../helpers/tinyScenario.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const perPower = <T>(make: (p: PowerId) => T) => Object.fromEntries(POWERS.map((p) => [p, make(p)])) as Record<PowerId, T>;
/** What a hand holds over a whole game, taken from the rules: a card leaves a hand only when played. */
const heldFromEnd = (G: GameState) =>
  perPower((p) => new Set([...G.seats[p].hand, ...G.history.flatMap((r) => (r.orders[p] ?? []).flatMap((o) => (o.kind === 'card' ? [o.card] : [])))]));

describe('one scripted game, measured', () => {
  it('counts holds, summits, aid, decisions, objectives and the result as worked out by hand', () => {
    const sc = tinyScenario();
    const G = setupState(sc, { seed: 'scripted' });
    // Round 1: a summit inside the north, aid between two powers, aid to Ukraine (not between powers), two missile tests.
    playRound(sc, G, {
      CHN: withHolds({ kind: 'engage', target: 'RUS' }),
      RUS: withHolds({ kind: 'engage', target: 'CHN' }),
      PRK: withHolds({ kind: 'build', what: 'capability' }, { kind: 'build', what: 'capability' }),
      USA: withHolds({ kind: 'aid', target: 'JPN', amount: 2 }),
      KOR: withHolds({ kind: 'aid', target: 'UKR', amount: 2 }),
    });
    // Round 2: the treaty; Russia signs (a point), North Korea refuses. Everyone holds.
    expect(decide(sc, G, 'RUS', 'sign')).toBeNull();
    expect(decide(sc, G, 'PRK', 'refuse')).toBeNull();
    playRound(sc, G);
    // Round 3: a summit inside the south.
    playRound(sc, G, { JPN: withHolds({ kind: 'engage', target: 'KOR' }), KOR: withHolds({ kind: 'engage', target: 'JPN' }) });
    expect(G.step.kind).toBe('over');

    const m = measureGame(sc, G, heldFromEnd(G));
    expect(perPower((p) => m.orders[p].hold)).toEqual({ CHN: 8, RUS: 8, PRK: 7, USA: 8, JPN: 8, KOR: 7 });
    expect(m.orders.PRK.build).toBe(2);
    expect(m.summits).toBe(2);
    expect(m.aidBetweenPowers).toBe(1);
    expect(m.aidOrdersBetweenPowers).toBe(1);
    expect(m.decisions).toEqual<DecisionTaken[]>([
      { deck: 'headline', card: 'treaty', power: 'RUS', option: 'sign' },
      { deck: 'headline', card: 'treaty', power: 'PRK', option: 'refuse' },
    ]);
    // Tension 4 → 6 in round 1 (two tests, so no easing): "calm" (Tension ≤ 5) fails there, then eases to 5 and 4.
    expect(m.scoredRounds).toBe(3);
    expect(perPower((p) => m.objectivesMet[p].calm)).toEqual(perPower(() => 2));
    // Two summits inside a bloc: Polarisation 5 → 7.
    expect(m.polarisation).toBe(7);
    expect(m.capabilityTopRound).toBeNull();
    expect(m.crises).toEqual([]);
    // Two rounds calm and the agenda (Capital ≥ 1) for everyone, and Russia's signature.
    expect(m.vp).toEqual({ CHN: 4, RUS: 5, PRK: 4, USA: 4, JPN: 4, KOR: 4 });
    expect(m).toMatchObject({ winner: 'RUS', sharedFirst: false, capitalTieBreak: false, war: null });
    expect(m.held.CHN).toEqual(['chn-filler-1', 'chn-filler-2', 'chn-filler-3', 'chn-filler-4']);
  });

  it('counts a war: its round unscored, its culprit and their place, the crisis and its choices', () => {
    const sc = tinyScenario((input) => {
      input.tracks.tension = 7;
    });
    const G = setupState(sc, { seed: 'war' });
    // Two tests take Tension 7 → 9: the crisis comes, China escalates to 10.
    playRound(sc, G, { PRK: withHolds({ kind: 'build', what: 'capability' }, { kind: 'build', what: 'capability' }) });
    expect(decide(sc, G, 'USA', 'calm')).toBeNull();
    expect(decide(sc, G, 'CHN', 'escalate')).toBeNull();
    expect(G.step.kind).toBe('over');

    const m = measureGame(sc, G, heldFromEnd(G));
    expect(m.scoredRounds).toBe(0);
    expect(m.crises).toEqual(['collision']);
    expect(m.decisions).toEqual<DecisionTaken[]>([
      { deck: 'crisis', card: 'collision', power: 'CHN', option: 'escalate' },
      { deck: 'crisis', card: 'collision', power: 'USA', option: 'calm' },
    ]);
    // Everyone: agenda 2 − penalty 5 (North Korea 8); China 5 more as the culprit.
    expect(m.vp).toEqual({ CHN: -8, RUS: -3, PRK: -6, USA: -3, JPN: -3, KOR: -3 });
    expect(m.war).toEqual({ culprit: 'CHN', culpritPlace: 6, lastPlace: 6 });
    expect(m).toMatchObject({ winner: null, sharedFirst: false, capitalTieBreak: false });
  });

  it('tells a win on the Capital tie-break from a shared first place', () => {
    const sc = tinyScenario((input) => {
      input.rounds = 1;
      input.timeline = [{ round: 1, card: 'quiet' }];
    });
    // Everyone holds: equal points and Capital, so first place is shared.
    const shared = setupState(sc, { seed: 'tie' });
    playRound(sc, shared);
    expect(measureGame(sc, shared, heldFromEnd(shared))).toMatchObject({ winner: null, sharedFirst: true, capitalTieBreak: false });
    // Japan aids South Korea: the same points, South Korea richer.
    const onCapital = setupState(sc, { seed: 'tie' });
    playRound(sc, onCapital, { JPN: withHolds({ kind: 'aid', target: 'KOR', amount: 1 }) });
    expect(measureGame(sc, onCapital, heldFromEnd(onCapital))).toMatchObject({ winner: 'KOR', sharedFirst: false, capitalTieBreak: true });
  });
});

/** A random player that writes down every orders and decision it gives, with the round. */
function recording(policy: Policy, seen: { round: number; power: PowerId; orders?: Order[]; decision?: Omit<DecisionTaken, 'power'> }[]): Policy {
  return {
    orders(sc, view, power) {
      const orders = policy.orders(sc, view, power);
      seen.push({ round: view.round, power, orders });
      return orders;
    },
    choose(sc, view, power, options) {
      const option = policy.choose(sc, view, power, options);
      if (view.step.kind !== 'decide') throw new Error('a decision outside a decision step');
      seen.push({ round: view.round, power, decision: { deck: view.step.deck, card: view.step.card, option } });
      return option;
    },
  };
}

describe('seeded games, measured and recounted from the seats\' own actions', () => {
  const sc = realScenario();
  // Random play reaches crises and wars, which Normal bots avoid.
  const games = Array.from({ length: 12 }, (_, g) => {
    const seen: Parameters<typeof recording>[1] = [];
    const G = setupState(sc, { seed: `recount/${g}` });
    playToEnd(sc, G, perPower((p) => recording(randomPolicy(`recount/${g}/${p}`), seen)));
    return { G, seen, m: measureGame(sc, G, heldFromEnd(G)) };
  });

  it('plays games that end in war and in a full length, with crises', () => {
    expect(games.some(({ G }) => G.war)).toBe(true);
    expect(games.some(({ G }) => !G.war)).toBe(true);
    expect(games.some(({ m }) => m.crises.length > 0)).toBe(true);
  });

  it('counts every order kind, card, summit and decision the seats gave', () => {
    for (const { seen, m } of games) {
      const given = seen.flatMap((s) => (s.orders ?? []).map((order) => ({ power: s.power, round: s.round, order })));
      const kinds = perPower((p) => Object.fromEntries(ORDER_KINDS.map((k) => [k, given.filter((x) => x.power === p && x.order.kind === k).length])) as Record<OrderKind, number>);
      expect(m.orders).toEqual(kinds);
      for (const p of POWERS) {
        const cards = given.flatMap((x) => (x.power === p && x.order.kind === 'card' ? [x.order.card] : []));
        expect(Object.values(m.cardOrders[p]).reduce((a, b) => a + b, 0)).toBe(cards.length);
        for (const card of cards) expect(m.cardOrders[p][card]).toBe(cards.filter((c) => c === card).length);
      }
      expect(m.aidOrdersBetweenPowers).toBe(given.filter((x) => x.order.kind === 'aid' && x.order.target !== 'UKR').length);
      const engages = given.filter((x) => x.order.kind === 'engage');
      const summits = engages.filter(({ power, round, order }) => engages.some((e) => e.round === round && e.power === (order as { target: PowerId }).target && (e.order as { target: PowerId }).target === power));
      expect(m.summits).toBe(summits.length / 2);
      const decisions = seen.flatMap((s) => (s.decision ? [{ ...s.decision, power: s.power }] : []));
      expect([...m.decisions].sort(byDecision)).toEqual([...decisions].sort(byDecision));
    }
  });

  it('reads the result, the war, Polarisation and Capability as the final state has them', () => {
    for (const { G, m } of games) {
      expect(m.winner).toBe(G.result!.winner);
      expect(m.war?.culprit ?? null).toBe(G.war?.culprit ?? null);
      expect(m.polarisation).toBe(G.tracks.polarisation);
      // Nothing in this scenario lowers Capability, so the round-end readings tell when it first stood at 10.
      expect(m.capabilityTopRound).toBe(G.history.find((r) => r.tracks.capability >= 10)?.round ?? null);
      expect(m.scoredRounds).toBe(G.war ? G.history.length - 1 : G.history.length);
    }
  });

  it('plays a game the same way the command does: its seeds, and every card a hand held', () => {
    for (const g of [0, 1, 2]) {
      const measured = playGame(sc, { seed: 'recount', game: g, rounds: 8, seats: perPower(() => 'random') });
      expect(measured).toEqual(games[g]!.m);
    }
  });
});

const byDecision = (a: DecisionTaken, b: DecisionTaken) => `${a.card}/${a.power}`.localeCompare(`${b.card}/${b.power}`);

const FIRST_AGENDAS = perPower((p) => realScenario().agendas.find((a) => a.power === p)!.id);

/** A made-up game for the table's arithmetic: nothing happens unless told. */
function madeUp(over: Partial<GameMeasures> = {}): GameMeasures {
  const zero = () => Object.fromEntries(ORDER_KINDS.map((k) => [k, 0])) as Record<OrderKind, number>;
  return {
    winner: null,
    sharedFirst: false,
    capitalTieBreak: false,
    tieBreak: false,
    war: null,
    crises: [],
    vp: perPower(() => 0),
    capital: perPower(() => 0),
    income: perPower(() => 1),
    polarisation: 5,
    orders: perPower(zero),
    cardOrders: perPower(() => ({})),
    capabilityTopRound: null,
    decisions: [],
    scoredRounds: 8,
    objectivesMet: perPower(() => ({})),
    agendas: perPower((p) => ({ agenda: FIRST_AGENDAS[p], met: false })),
    held: perPower(() => []),
    summits: 0,
    aidBetweenPowers: 0,
    aidOrdersBetweenPowers: 0,
    ...over,
  };
}

describe('the table', () => {
  const sc = realScenario();
  const input = (games: GameMeasures[], held: Partial<Record<PowerId, GameMeasures[]>> = {}): AnalysisInput => ({
    sc,
    seed: 't',
    rounds: 8,
    seats: perPower(() => 'normal'),
    games,
    held: perPower((p) => held[p] ?? []),
  });
  const row = (table: ReturnType<typeof analyse>, measure: string): Row => {
    const found = table.sections.flatMap((s) => s.rows).find((r) => r.measure === measure);
    if (!found) throw new Error(`no row "${measure}"`);
    return found;
  };

  it('gives rates with their standard error and judges them against the target', () => {
    const games = [madeUp({ winner: 'CHN' }), madeUp({ winner: 'RUS', capitalTieBreak: true }), madeUp({ sharedFirst: true }), madeUp({ winner: 'RUS' })];
    const table = analyse(input(games));
    // 1 of 4: 25% ± √(0.25 · 0.75 / 4) = 21.7 points.
    expect(row(table, 'CHN wins')).toEqual({ measure: 'CHN wins', value: '25.0% ± 21.7  (1/4)', target: '12%–22%', holds: false });
    expect(row(table, 'PRK wins').value).toBe('0.0% ± 0.0  (0/4)');
    expect(row(table, 'games won on the Capital tie-break')).toMatchObject({ value: '25.0% ± 21.7  (1/4)', holds: false });
  });

  it('takes the share of holds over all orders and Capital in rounds of income', () => {
    const orders = (holds: number, engages: number) => perPower(() => ({ ...madeUp().orders.CHN, hold: holds, engage: engages }));
    const games = [madeUp({ orders: orders(1, 3), capital: perPower(() => 6), income: perPower(() => 3) }), madeUp({ orders: orders(0, 4), capital: perPower(() => 2), income: perPower(() => 3) })];
    const table = analyse(input(games));
    expect(row(table, 'Hold share of all orders')).toMatchObject({ value: expect.stringMatching(/^12\.5% ± /), holds: true });
    // Mean Capital 4 of mean income 3: 1.3 rounds of income.
    expect(row(table, 'KOR Capital left at the end')).toMatchObject({ value: expect.stringMatching(/^4\.00 ± 2\.00 = 1\.3 ± /), holds: true });
  });

  it('pairs each held seat with its own game: the score gap, its z, and the win rates', () => {
    const games = [5, 6, 7].map((v) => madeUp({ vp: perPower(() => v), winner: 'KOR' }));
    // KOR held scores 2, 4 and 6 below: mean −4, sd 2, standard error 2/√3, z −3.46; it never wins.
    const heldKor = [3, 2, 1].map((v) => madeUp({ vp: { ...perPower(() => 5), KOR: v } }));
    const table = analyse(input(games, { KOR: heldKor }));
    expect(row(table, 'KOR held − Normal, score')).toMatchObject({ value: '-4.00 ± 1.15  (z -3.5)', holds: true });
    expect(row(table, 'KOR held v Normal, wins')).toMatchObject({ value: '0.0% ± 0.0 v 100.0% ± 0.0', holds: true });
    expect(table.summary.M8).toBe(true);
    // One pair has no spread: its score gap is shown but not judged.
    expect(row(analyse(input(games.slice(0, 1), { KOR: heldKor.slice(0, 1) })), 'KOR held − Normal, score')).toMatchObject({ value: '-2.00 ± —  (z —)', holds: null });
  });

  it('counts a card as live by the games it was played in among those it was held in', () => {
    const played = { ...perPower(() => ({})), CHN: { 'chn-driving-seat': 2 } };
    const held = { ...perPower((): string[] => []), CHN: ['chn-driving-seat'] };
    const games = [madeUp({ held, cardOrders: played }), madeUp({ held }), madeUp({ held }), madeUp()];
    expect(row(analyse(input(games)), 'chn-driving-seat')).toMatchObject({ value: '33.3% ± 27.2  (1/3)', holds: true });
  });
});

describe('the command', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyse.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('prints the same table for the same arguments, on one thread or two', async () => {
    const sc = realScenario();
    const settings = { scenarioFile: 'scenarios/2024-northern-triangle.yaml', seed: '7', rounds: 2, seats: perPower(() => 'normal' as const), games: 3, paired: 1 };
    const table = async (threads: number) => formatAnalysis(analyse((await playAnalysis(sc, { ...settings, threads })).input));
    const first = await table(1);
    expect(first).toContain('3 games of 2 rounds, seed 7, Normal in every seat');
    expect(first).toMatch(/^summary: M1 /m);
    expect(await table(1)).toBe(first);
    expect(await table(2)).toBe(first);
  });

  it('refuses a length beyond the scenario, naming the flag', () => {
    const rounds = run('--games', '1', '--rounds', '9');
    expect(rounds.status).toBe(2);
    expect(rounds.stderr).toContain('--rounds must be at most 8');
  });

  it('sets every seat from --level and one from each --seat, and names what is wrong with a bad one', () => {
    expect(parseSeats('easy', ['KOR=hold', 'USA=hard'])).toEqual({ seats: { CHN: 'easy', RUS: 'easy', PRK: 'easy', USA: 'hard', JPN: 'easy', KOR: 'hold' } });
    expect(parseSeats('normal', ['KOR=lazy'])).toEqual({ error: expect.stringContaining('--seat takes POWER=WHO') });
    expect(parseSeats('normal', ['TWN=hold'])).toEqual({ error: expect.stringContaining('got "TWN=hold"') });
    expect(parseSeats('genius', [])).toEqual({ error: '--level must be one of easy, normal, hard, got "genius"' });
    expect(describeSeats(perPower((p) => (p === 'KOR' ? 'hold' : 'normal')))).toBe('Normal; KOR Hold');
  });
});
