/**
 * npm run balance -- --games N --seed S [--level easy|normal|hard] [--scenario FILE]
 *
 * Plays N whole games with the same bot level in every seat (Normal unless told),
 * each seat seeing only its own view, and prints each power's win rate and mean
 * score, the war rate, and what winners did: the share of all winners' orders each
 * order kind and card makes up, and the share of winning plans (a winner's orders over
 * a whole game) it appears in at least once. The table depends only on the scenario,
 * N, S and the level; decision times (which depend on the machine) go to stderr.
 */
import { catalog } from '../game/catalog.js';
import { POWERS, type PowerId } from '../game/powers.js';
import { setupState } from '../game/setup.js';
import { ORDER_KINDS, type GameState, type OrderKind } from '../game/types.js';
import type { Bot } from '../bots/bot.js';
import { botPolicy } from '../bots/botPolicy.js';
import { BOT_LEVELS, createBot, isBotLevel, type BotLevel } from '../bots/levels.js';
import { playToEnd } from '../bots/play.js';
import type { Policy } from '../bots/policy.js';
import { intFlag, parseArgs } from './args.js';
import { loadScenarioOrExit } from './loadScenario.js';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 100);
const seed = flags.get('seed') ?? '1';
const level = flags.get('level') ?? 'normal';
if (!isBotLevel(level)) {
  console.error(`--level must be one of ${BOT_LEVELS.join(', ')}, got "${level}"`);
  process.exit(2);
}
const LEVEL_NAME: Record<BotLevel, string> = { easy: 'Easy', normal: 'Normal', hard: 'Hard' };
const sc = loadScenarioOrExit(flags.get('scenario') ?? 'scenarios/2024-northern-triangle.yaml');

const perPower = () => Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<PowerId, number>;
const wins = perPower();
const points = perPower();
let wars = 0;
let shared = 0;
/** Winners' orders: count of each kind and card over all winners' orders, and of plans holding it. */
const inOrders = new Map<string, number>();
const inPlans = new Map<string, number>();
let winnerOrders = 0;
const times: number[] = [];

function timed(bot: Bot): Bot {
  return (scenario, view, power) => {
    const start = performance.now();
    const choice = bot(scenario, view, power);
    times.push(performance.now() - start);
    return choice;
  };
}

function countWinningPlan(G: GameState, winner: PowerId): void {
  const seen = new Set<string>();
  for (const record of G.history) {
    for (const order of record.orders[winner] ?? []) {
      const keys = [`kind:${order.kind}`, ...(order.kind === 'card' ? [`card:${order.card}`] : [])];
      for (const key of keys) {
        inOrders.set(key, (inOrders.get(key) ?? 0) + 1);
        seen.add(key);
      }
      winnerOrders++;
    }
  }
  for (const key of seen) inPlans.set(key, (inPlans.get(key) ?? 0) + 1);
}

const started = performance.now();
for (let g = 0; g < games; g++) {
  const G = setupState(sc, { seed: `${seed}/${g}` });
  const policies = Object.fromEntries(POWERS.map((p) => [p, botPolicy(timed(createBot(level, `${seed}/${g}/${p}`)))])) as Record<PowerId, Policy>;
  playToEnd(sc, G, policies);
  const result = G.result!;
  if (result.war) wars++;
  else if (result.winner) {
    wins[result.winner]++;
    countWinningPlan(G, result.winner);
  } else shared++;
  for (const p of POWERS) points[p] += G.powers[p].vp;
}
const seconds = (performance.now() - started) / 1000;

const pct = (n: number, of: number) => `${of === 0 ? '0.0' : ((100 * n) / of).toFixed(1)}%`;
const won = games - wars - shared;
console.log(`${games} games of "${sc.title}", seed ${seed}, ${LEVEL_NAME[level]} bots in every seat`);
console.log('power  wins    win%   mean score');
for (const p of POWERS) {
  console.log(`${p}    ${String(wins[p]).padStart(5)}  ${pct(wins[p], games).padStart(6)}  ${(points[p] / games).toFixed(2).padStart(10)}`);
}
console.log(`war: ${wars} (${pct(wars, games)})   tied for first: ${shared} (${pct(shared, games)})`);
console.log('');
console.log(`winning plans (${won}): share of winners' orders, share of plans with it at least once`);
for (const kind of ORDER_KINDS as readonly OrderKind[]) {
  const key = `kind:${kind}`;
  console.log(`  ${kind.padEnd(28)} ${pct(inOrders.get(key) ?? 0, winnerOrders).padStart(6)}  ${pct(inPlans.get(key) ?? 0, won).padStart(6)}`);
}
const cards = [...inOrders.keys()].filter((k) => k.startsWith('card:')).sort((a, b) => inPlans.get(b)! - inPlans.get(a)! || a.localeCompare(b));
for (const key of cards) {
  const id = key.slice(5);
  console.log(`  ${`${id} (${catalog(sc).policy(id).power})`.padEnd(28)} ${pct(inOrders.get(key)!, winnerOrders).padStart(6)}  ${pct(inPlans.get(key)!, won).padStart(6)}`);
}

const sorted = [...times].sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
console.error(
  `decision time (${level}): median ${quantile(0.5).toFixed(2)} ms, p95 ${quantile(0.95).toFixed(2)} ms, max ${quantile(1).toFixed(2)} ms over ${times.length} decisions; ${(games / seconds).toFixed(1)} games/s`,
);
