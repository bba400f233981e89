/**
 * npm run bench:bots -- --games N --seed S [--mcts-games M] [--mcts-iterations I] [--one-seat K] [--scenario FILE]
 *
 * Seat-rotated tournaments between the bot levels, random play and boardgame.io's
 * MCTSBot. Level against level (and against random play): three seats each, game
 * pairs share a setup seed and swap the seats, so every power is played by each side
 * equally often, and successive pairs go through the ten splits of the six powers
 * into two threes (src/cli/seatSplits.ts). Against MCTSBot: it takes one seat, rotating through the six
 * powers, and the level fills the other five; MCTSBot is given the full state (see
 * src/cli/mctsBaseline.ts). Prints, per power and overall, each side's mean final
 * score and win rate, the mean per-game score difference with its z-score, and every
 * side's decision time (median, 95th percentile). Our bots see only their seat's view.
 *
 * `--one-seat K`: a per-seat comparison of Hard and Normal with the least noise: for
 * each of K setup seeds, the all-Normal game, then Hard alone in each seat in turn among
 * the same five Normals (same seeds), so the deal, the agendas and the others' seeds are
 * shared and the per-seat difference is Hard's doing. `--games 0 --mcts-games 0` runs
 * it alone.
 */
import { applyAction, awaiting, legalChoices } from '../game/actions.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { setupState } from '../game/setup.js';
import type { Action, GameState } from '../game/types.js';
import { playerView } from '../game/view.js';
import { seatViewOnly } from '../bots/bot.js';
import { HARD_BUDGET } from '../bots/hard.js';
import { BOT_LEVELS, createBot, type BotLevel } from '../bots/levels.js';
import { RefusedActionError } from '../bots/play.js';
import { randomPolicy } from '../bots/random.js';
import { intFlag, parseArgs } from './args.js';
import { loadScenarioOrExit } from './loadScenario.js';
import { mctsBaseline, type MctsSettings } from './mctsBaseline.js';
import { meanAndSd, standardError } from './sampleStats.js';
import { onFirstSide } from './seatSplits.js';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 20, 0);
const oneSeatSeeds = intFlag(flags, 'one-seat', 0, 0);
const seed = flags.get('seed') ?? '1';
const mctsGames = intFlag(flags, 'mcts-games', 6, 0);
/** Small enough to finish: each iteration plays a whole game out through boardgame.io's reducer. */
const MCTS: MctsSettings = { iterations: intFlag(flags, 'mcts-iterations', 20), playoutDepth: 100, plans: 8 };
const sc = loadScenarioOrExit(flags.get('scenario') ?? 'scenarios/2024-northern-triangle.yaml');

type Side = BotLevel | 'random' | 'mcts';
const NAME: Record<Side, string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard', random: 'Random', mcts: 'MCTSBot' };

/** One seat's player: our bots and random play get the seat's view; MCTSBot gets the full state. */
type Player = (G: GameState, power: PowerId) => Action | Promise<Action>;

const times = new Map<Side, number[]>();
function timed(side: Side, player: Player): Player {
  return async (G, power) => {
    const start = performance.now();
    const action = await player(G, power);
    (times.get(side) ?? times.set(side, []).get(side)!).push(performance.now() - start);
    return action;
  };
}

function player(side: Side, playerSeed: string): Player {
  if (side === 'mcts') return mctsBaseline(sc, MCTS, playerSeed).act;
  if (side === 'random') {
    const policy = randomPolicy(playerSeed);
    return (G, power) => {
      const view = playerView(G, power);
      const choices = legalChoices(sc, view, power);
      return 'options' in choices ? { type: 'decide', option: policy.choose(sc, view, power, choices.options) } : { type: 'orders', orders: policy.orders(sc, view, power) };
    };
  }
  const bot = createBot(side, playerSeed);
  return (G, power) => bot(sc, seatViewOnly(playerView(G, power), power), power).action;
}

async function playMatch(G: GameState, players: Record<PowerId, Player>): Promise<GameState> {
  while (G.step.kind !== 'over') {
    // The first seat due acts first, so MCTSBot (which moves for the first seat due) always may.
    const power = awaiting(G)[0];
    if (!power) throw new Error(`dead end in round ${G.round}`);
    const action = await players[power](G, power);
    const refused = applyAction(sc, G, power, action);
    if (refused) throw new RefusedActionError(power, action, refused);
  }
  return G;
}

interface Tally {
  /** Each power's final score in every game the side played it. */
  scores: Record<PowerId, number[]>;
  wins: Record<PowerId, number>;
}
const perPower = <T>(make: (p: PowerId) => T) => Object.fromEntries(POWERS.map((p) => [p, make(p)])) as Record<PowerId, T>;
const newTally = (): Tally => ({ scores: perPower(() => []), wins: perPower(() => 0) });

/** Play a matchup; `sideOf(game, power)` says which side holds the power in that game. */
async function matchup(a: Side, b: Side, count: number, sideOf: (g: number, p: PowerId) => Side): Promise<void> {
  const tallies = new Map<Side, Tally>([[a, newTally()], [b, newTally()]]);
  const diffs: number[] = [];
  let wars = 0;
  for (let g = 0; g < count; g++) {
    // Game pairs share a setup seed (hands, agendas, headlines) and differ in who sits where.
    const gameSeed = `${seed}/${a}-${b}/${Math.floor(g / 2)}`;
    const players = perPower((p) => timed(sideOf(g, p), player(sideOf(g, p), `${gameSeed}/${g}/${p}`)));
    const G = await playMatch(setupState(sc, { seed: gameSeed }), players);
    if (G.result!.war) wars++;
    const mean = (side: Side) => {
      const mine = POWERS.filter((p) => sideOf(g, p) === side);
      return mine.reduce((s, p) => s + G.powers[p].vp, 0) / mine.length;
    };
    diffs.push(mean(a) - mean(b));
    for (const p of POWERS) {
      const t = tallies.get(sideOf(g, p))!;
      t.scores[p].push(G.powers[p].vp);
      if (G.result!.winner === p) t.wins[p]++;
    }
    process.stderr.write(`\r${NAME[a]} v ${NAME[b]}: ${g + 1}/${count}`);
  }
  process.stderr.write('\n');
  report(a, b, tallies, diffs, wars);
}

/** Hard alone in each seat among five Normals, against the all-Normal game on the same seeds. */
async function oneSeat(count: number): Promise<void> {
  const gaps = perPower((): number[] => []);
  for (let s = 0; s < count; s++) {
    const gameSeed = `${seed}/one-seat/${s}`;
    const play = (hard: PowerId | null) => {
      const level = (p: PowerId): Side => (p === hard ? 'hard' : 'normal');
      return playMatch(setupState(sc, { seed: gameSeed }), perPower((p) => timed(level(p), player(level(p), `${gameSeed}/${p}`))));
    };
    const base = await play(null);
    for (const p of POWERS) gaps[p].push((await play(p)).powers[p].vp - base.powers[p].vp);
    process.stderr.write(`\rHard alone among Normals: ${s + 1}/${count}`);
  }
  process.stderr.write('\n');
  console.log(`\nHard alone in one seat among five Normals v the all-Normal game: ${count} setup seeds per seat`);
  console.log(`${''.padEnd(16)}${POWERS.map((p) => p.padStart(7)).join('')}`);
  gapRow('Hard − Normal', (p) => meanAndSd(gaps[p]).mean);
  gapRow('  ± std. error', (p) => standardError(gaps[p]));
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const sum = (r: Record<PowerId, number>) => POWERS.reduce((s, p) => s + r[p], 0);
/** A row of one figure per power, without the "all" column. */
const gapRow = (label: string, per: (p: PowerId) => number) => console.log(`${label.padEnd(16)}${POWERS.map((p) => fixed(per(p)).padStart(7)).join('')}`);

function report(a: Side, b: Side, tallies: Map<Side, Tally>, diffs: number[], wars: number): void {
  console.log(`\n${NAME[a]} v ${NAME[b]}: ${diffs.length} games, ${wars} ended in war`);
  console.log(`${''.padEnd(16)}${POWERS.map((p) => p.padStart(7)).join('')}${'all'.padStart(8)}`);
  const mean = (side: Side, p: PowerId) => meanAndSd(tallies.get(side)!.scores[p]).mean;
  for (const side of [a, b]) {
    const { scores, wins } = tallies.get(side)!;
    const all = POWERS.flatMap((p) => scores[p]);
    const row = (label: string, per: (p: PowerId) => number, whole: number, digits: number) =>
      console.log(`${`${NAME[side]} ${label}`.padEnd(16)}${POWERS.map((p) => fixed(per(p), digits).padStart(7)).join('')}${fixed(whole, digits).padStart(8)}`);
    row('mean', (p) => mean(side, p), meanAndSd(all).mean, 2);
    row('win%', (p) => (100 * wins[p]) / scores[p].length, (100 * sum(wins)) / all.length, 1);
  }
  // Per power, the difference of the two sides' means with its standard error (the two
  // sets of games taken as independent samples: the shared setup seeds only make it smaller).
  gapRow(`${NAME[a]} − ${NAME[b]}`, (p) => mean(a, p) - mean(b, p));
  gapRow('  ± std. error', (p) => Math.hypot(standardError(tallies.get(a)!.scores[p]), standardError(tallies.get(b)!.scores[p])));
  const { mean: gap, sd } = meanAndSd(diffs);
  console.log(`${NAME[a]} − ${NAME[b]} per game (mean of its seats − mean of the other's): ${fixed(gap)} points, sd ${fixed(sd)}, z ${fixed(gap / (sd / Math.sqrt(diffs.length)))}`);
}

const started = performance.now();
console.log(`bench:bots on "${sc.title}": ${games} games per level matchup, ${mctsGames} per MCTSBot matchup, ${oneSeatSeeds} one-seat seeds, seed ${seed}`);
console.log(`Hard budget: ${HARD_BUDGET.worlds} worlds × up to ${HARD_BUDGET.plans} plans, cap ${HARD_BUDGET.capMs} ms`);
console.log(`MCTSBot: ${MCTS.iterations} iterations, playout depth ${MCTS.playoutDepth}, ${MCTS.plans} random plans + hold per orders step; it is given the FULL state (it cheats)`);
console.log('win%: share of the games a side played that power in that it won (all: of all its seats; an even share is 16.7%)');

const threeEach = (a: Side, b: Side) => (g: number, p: PowerId) => (onFirstSide(g, p) ? a : b);
const levels = [...BOT_LEVELS].reverse();
if (games > 0) {
  for (const [i, a] of levels.entries()) for (const b of levels.slice(i + 1)) await matchup(a, b, games, threeEach(a, b));
  for (const a of levels) await matchup(a, 'random', games, threeEach(a, 'random'));
}
if (mctsGames > 0) {
  for (const a of levels) await matchup(a, 'mcts', mctsGames, (g, p) => (POWERS.indexOf(p) === g % POWERS.length ? 'mcts' : a));
}
if (oneSeatSeeds > 0) await oneSeat(oneSeatSeeds);

console.log('\ndecision time per side (this machine; noisy when shared)');
for (const [side, list] of times) {
  const sorted = [...list].sort((x, y) => x - y);
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))] ?? 0;
  console.log(`${NAME[side].padEnd(8)} median ${fixed(q(0.5))} ms, p95 ${fixed(q(0.95))} ms, max ${fixed(q(1))} ms over ${sorted.length} decisions`);
}
console.log(`took ${fixed((performance.now() - started) / 1000, 0)} s`);
