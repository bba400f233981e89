/**
 * npm run analyse -- [--games N] [--seed S] [--rounds R] [--level easy|normal|hard]
 *                    [--seat POWER=hold|random|easy|normal|hard]... [--paired K] [--threads T] [--scenario FILE]
 *
 * Plays N seeded games (Normal bots in every seat unless told) and prints every measure
 * of MODEL.md's Targets, M1–M11, with its value, standard error, target and whether it
 * holds, then which targets hold (src/cli/analysis/measures.ts says how each is
 * counted; docs/BALANCE.md defines them). M8 plays the first K games again with each
 * seat in turn held by a policy that only holds. `npm run balance` is this command.
 *
 * The table depends only on the arguments (not on --threads); progress, decision times
 * and how long it took go to stderr.
 */
import { availableParallelism } from 'node:os';
import { intFlag, parseArgs } from './args.js';
import { analyse } from './analysis/measures.js';
import { formatAnalysis } from './analysis/report.js';
import { playAnalysis } from './analysis/runGames.js';
import { parseSeats } from './analysis/seats.js';
import { loadScenarioOrExit } from './loadScenario.js';

const { flags, repeated } = parseArgs(process.argv.slice(2));
const scenarioFile = flags.get('scenario') ?? 'scenarios/2024-northern-triangle.yaml';
const sc = loadScenarioOrExit(scenarioFile);
const games = intFlag(flags, 'games', 1000);
const rounds = intFlag(flags, 'rounds', sc.rounds);
if (rounds > sc.rounds) {
  console.error(`--rounds must be at most ${sc.rounds}, the length of "${sc.title}", got ${rounds}`);
  process.exit(2);
}
const parsed = parseSeats(flags.get('level') ?? 'normal', repeated.get('seat') ?? []);
if ('error' in parsed) {
  console.error(parsed.error);
  process.exit(2);
}
const settings = {
  scenarioFile,
  seed: flags.get('seed') ?? '1',
  rounds,
  seats: parsed.seats,
  games,
  paired: Math.min(games, intFlag(flags, 'paired', 200, 0)),
  threads: intFlag(flags, 'threads', availableParallelism()),
};

const started = performance.now();
const { input, times } = await playAnalysis(sc, settings, (done, of) => {
  if (process.stderr.isTTY && (done % 20 === 0 || done === of)) process.stderr.write(`\rplayed ${done}/${of} games${done === of ? '\n' : ''}`);
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(formatAnalysis(analyse(input)));

const sorted = [...times].sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
console.error(`bot decision time: median ${quantile(0.5).toFixed(2)} ms, p95 ${quantile(0.95).toFixed(2)} ms, max ${quantile(1).toFixed(2)} ms over ${times.length} decisions`);
console.error(`took ${seconds.toFixed(1)} s for ${games + 6 * settings.paired} games on ${settings.threads} thread(s)`);
