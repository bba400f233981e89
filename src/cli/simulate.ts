/**
 * npm run simulate -- --games N --seed S [--scenario FILE]
 *
 * Plays N whole games with random legal orders in every seat, calling the rules
 * directly, and prints per-power wins and mean scores, the war rate, mean rounds and
 * the largest match state. The table depends only on the scenario, N and S; the
 * speed figures (which depend on the machine) go to stderr.
 */
import { POWERS, type PowerId } from '../game/powers.js';
import { setupState } from '../game/setup.js';
import { randomPolicy } from '../bots/random.js';
import { playToEnd } from '../bots/play.js';
import type { Policy } from '../bots/policy.js';
import { intFlag, parseArgs } from './args.js';
import { loadScenarioOrExit } from './loadScenario.js';

const { flags } = parseArgs(process.argv.slice(2));
const games = intFlag(flags, 'games', 100);
const seed = flags.get('seed') ?? '1';
const sc = loadScenarioOrExit(flags.get('scenario') ?? 'scenarios/2024-northern-triangle.yaml');

const wins = Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<PowerId, number>;
const points = Object.fromEntries(POWERS.map((p) => [p, 0])) as Record<PowerId, number>;
let wars = 0;
let shared = 0;
let rounds = 0;
let largest = 0;
const started = performance.now();
for (let g = 0; g < games; g++) {
  const G = setupState(sc, { seed: `${seed}/${g}` });
  const policies = Object.fromEntries(POWERS.map((p) => [p, randomPolicy(`${seed}/${g}/${p}`)])) as Record<PowerId, Policy>;
  playToEnd(sc, G, policies, { trustedState: true });
  const result = G.result!;
  if (result.war) wars++;
  else if (result.winner) wins[result.winner]++;
  else shared++;
  for (const p of POWERS) points[p] += G.powers[p].vp;
  rounds += G.round;
  largest = Math.max(largest, JSON.stringify(G).length);
}
const seconds = (performance.now() - started) / 1000;

const pct = (n: number) => `${((100 * n) / games).toFixed(1)}%`;
console.log(`${games} games of "${sc.title}", seed ${seed}, random legal orders in every seat`);
console.log('power  wins    win%   mean score');
for (const p of POWERS) {
  console.log(`${p}    ${String(wins[p]).padStart(5)}  ${pct(wins[p]).padStart(6)}  ${(points[p] / games).toFixed(2).padStart(10)}`);
}
console.log(`war: ${wars} (${pct(wars)})   tied for first: ${shared} (${pct(shared)})   mean rounds: ${(rounds / games).toFixed(2)}`);
console.log(`largest match state: ${(largest / 1024).toFixed(1)} kB of JSON`);
console.error(`speed: ${(games / seconds).toFixed(0)} games/s (${seconds.toFixed(2)} s on one core)`);
