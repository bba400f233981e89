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
  points: Record<PowerId, number>;
  /** Sum of squared scores, for the spread of a power's scores. */
  squares: Record<PowerId, number>;
  held: Record<PowerId, number>;
  wins: Record<PowerId, number>;
}
const perPower = () => Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<PowerId, number>;
const newTally = (): Tally => ({ points: perPower(), squares: perPower(), held: perPower(), wins: perPower() });

/** Play a matchup; `sideOf(game, power)` says which side holds the power in that game. */
async function matchup(a: Side, b: Side, count: number, sideOf: (g: number, p: PowerId) => Side): Promise<void> {
  const tallies = new Map<Side, Tally>([[a, newTally()], [b, newTally()]]);
  const diffs: number[] = [];
  let wars = 0;
  for (let g = 0; g < count; g++) {
    // Game pairs share a setup seed (hands, agendas, headlines) and differ in who sits where.
    const gameSeed = `${seed}/${a}-${b}/${Math.floor(g / 2)}`;
    const players = Object.fromEntries(POWERS.map((p) => [p, timed(sideOf(g, p), player(sideOf(g, p), `${gameSeed}/${g}/${p}`))])) as Record<PowerId, Player>;
    const G = await playMatch(setupState(sc, { seed: gameSeed }), players);
    if (G.result!.war) wars++;
    const mean = (side: Side) => {
      const mine = POWERS.filter((p) => sideOf(g, p) === side);
      return mine.reduce((s, p) => s + G.powers[p].vp, 0) / mine.length;
    };
    diffs.push(mean(a) - mean(b));
    for (const p of POWERS) {
      const t = tallies.get(sideOf(g, p))!;
      t.points[p] += G.powers[p].vp;
      t.squares[p] += G.powers[p].vp ** 2;
      t.held[p]++;
      if (G.result!.winner === p) t.wins[p]++;
    }
    process.stderr.write(`\r${NAME[a]} v ${NAME[b]}: ${g + 1}/${count}`);
  }
  process.stderr.write('\n');
  report(a, b, tallies, diffs, wars);
}

/** Hard alone in each seat among five Normals, against the all-Normal game on the same seeds. */
async function oneSeat(count: number): Promise<void> {
  const gaps = Object.fromEntries(POWERS.map((p) => [p, [] as number[]])) as Record<PowerId, number[]>;
  for (let s = 0; s < count; s++) {
    const gameSeed = `${seed}/one-seat/${s}`;
    const play = (hard: PowerId | null) =>
      playMatch(
        setupState(sc, { seed: gameSeed }),
        Object.fromEntries(POWERS.map((p) => [p, timed(p === hard ? 'hard' : 'normal', player(p === hard ? 'hard' : 'normal', `${gameSeed}/${p}`))])) as Record<PowerId, Player>,
      );
    const base = await play(null);
    for (const p of POWERS) gaps[p].push((await play(p)).powers[p].vp - base.powers[p].vp);
    process.stderr.write(`\rHard alone among Normals: ${s + 1}/${count}`);
  }
  process.stderr.write('\n');
  console.log(`\nHard alone in one seat among five Normals v the all-Normal game: ${count} setup seeds per seat`);
  console.log(`${''.padEnd(16)}${POWERS.map((p) => p.padStart(7)).join('')}`);
  const stats = POWERS.map((p) => {
    const xs = gaps[p];
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    return { mean, se: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1) / xs.length) };
  });
  console.log(`${'Hard − Normal'.padEnd(16)}${stats.map((x) => fixed(x.mean).padStart(7)).join('')}`);
  console.log(`${'  ± std. error'.padEnd(16)}${stats.map((x) => fixed(x.se).padStart(7)).join('')}`);
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const sum = (r: Record<PowerId, number>) => POWERS.reduce((s, p) => s + r[p], 0);

function report(a: Side, b: Side, tallies: Map<Side, Tally>, diffs: number[], wars: number): void {
  console.log(`\n${NAME[a]} v ${NAME[b]}: ${diffs.length} games, ${wars} ended in war`);
  console.log(`${''.padEnd(16)}${POWERS.map((p) => p.padStart(7)).join('')}${'all'.padStart(8)}`);
  for (const side of [a, b]) {
    const t = tallies.get(side)!;
    const row = (label: string, per: (p: PowerId) => number, all: number, digits: number) =>
      console.log(`${`${NAME[side]} ${label}`.padEnd(16)}${POWERS.map((p) => fixed(per(p), digits).padStart(7)).join('')}${fixed(all, digits).padStart(8)}`);
    row('mean', (p) => t.points[p] / t.held[p], sum(t.points) / sum(t.held), 2);
    row('win%', (p) => (100 * t.wins[p]) / t.held[p], (100 * sum(t.wins)) / sum(t.held), 1);
  }
  // Per power, the difference of the two sides' means with its standard error (the two
  // sets of games taken as independent samples: the shared setup seeds only make it smaller).
  const [ta, tb] = [tallies.get(a)!, tallies.get(b)!];
  const powerMean = (t: Tally, p: PowerId) => t.points[p] / t.held[p];
  const meanVariance = (t: Tally, p: PowerId) => (t.squares[p] - t.held[p] * powerMean(t, p) ** 2) / Math.max(1, t.held[p] - 1) / t.held[p];
  const gapRow = (label: string, per: (p: PowerId) => number) => console.log(`${label.padEnd(16)}${POWERS.map((p) => fixed(per(p)).padStart(7)).join('')}`);
  gapRow(`${NAME[a]} − ${NAME[b]}`, (p) => powerMean(ta, p) - powerMean(tb, p));
  gapRow('  ± std. error', (p) => Math.sqrt(meanVariance(ta, p) + meanVariance(tb, p)));
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, diffs.length - 1));
  console.log(`${NAME[a]} − ${NAME[b]} per game (mean of its seats − mean of the other's): ${fixed(mean)} points, sd ${fixed(sd)}, z ${fixed(mean / (sd / Math.sqrt(diffs.length)))}`);
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
