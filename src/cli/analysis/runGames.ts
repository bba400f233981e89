/**
 * Play an analysis's games, in this thread or across worker threads. Each game is
 * seeded by its number alone (playGame.ts) and its measures are put back in its slot,
 * so the results are the same whatever the number of threads and whichever finishes
 * first.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { POWERS, type PowerId } from '../../game/powers.js';
import type { Scenario } from '../../scenario/schema.js';
import type { GameMeasures } from './gameMeasures.js';
import type { AnalysisInput } from './measures.js';
import { playGame } from './playGame.js';
import type { Seats } from './seats.js';

export interface Job {
  game: number;
  /** The seat played by the hold policy instead (M8), or null for the table as set. */
  held: PowerId | null;
}

export interface RunSettings {
  /** The scenario file, for worker threads to load themselves. */
  scenarioFile: string;
  seed: string;
  rounds: number;
  seats: Seats;
}

export interface RunResult {
  measures: GameMeasures[];
  /** Every bot decision's duration in ms (machine-dependent: for stderr only). */
  times: number[];
}

export interface WorkerInit extends RunSettings {
  jobs: Job[];
}

/** One job's game, as the worker thread and this thread both play it. */
export function playJob(sc: Scenario, settings: RunSettings, job: Job, times: number[]): GameMeasures {
  const seats = job.held ? { ...settings.seats, [job.held]: 'hold' as const } : settings.seats;
  return playGame(sc, { seed: settings.seed, game: job.game, rounds: settings.rounds, seats }, times);
}

/**
 * The worker's code is TypeScript, and `--import tsx` does not reach worker threads on
 * Node 20, so the thread registers tsx's loader itself first (as the server's bot pool does).
 */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
const THREAD = new URL('./worker.ts', import.meta.url).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(THREAD)}); });`;

export type WorkerMessage = { index: number; measures: GameMeasures } | { done: true; times: number[] };

export async function runGames(sc: Scenario, settings: RunSettings, jobs: Job[], threads: number, progress: (done: number) => void): Promise<RunResult> {
  const measures: GameMeasures[] = new Array(jobs.length);
  const times: number[] = [];
  if (threads <= 1) {
    jobs.forEach((job, i) => {
      measures[i] = playJob(sc, settings, job, times);
      progress(i + 1);
    });
    return { measures, times };
  }
  let done = 0;
  // Job i goes to thread i mod threads; neighbouring games cost about the same, so the threads finish together.
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const mine = jobs.map((job, i) => ({ job, i })).filter(({ i }) => i % threads === t);
      const init: WorkerInit = { ...settings, jobs: mine.map(({ job }) => job) };
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(BOOTSTRAP, { eval: true, workerData: init });
        worker.on('message', (message: WorkerMessage) => {
          if ('done' in message) {
            times.push(...message.times);
            return;
          }
          measures[mine[message.index]!.i] = message.measures;
          progress(++done);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`analysis thread ${t} stopped with exit code ${code}`))));
      });
    }),
  );
  return { measures, times };
}

export interface AnalysisSettings extends RunSettings {
  games: number;
  /** How many of the games are played again with each seat held (M8). */
  paired: number;
  threads: number;
}

/** Play the table's games and the paired ones, and measure them. */
export async function playAnalysis(sc: Scenario, settings: AnalysisSettings, progress: (done: number, of: number) => void = () => {}): Promise<{ input: AnalysisInput; times: number[] }> {
  const { games, paired } = settings;
  const jobs: Job[] = [
    ...Array.from({ length: games }, (_, game): Job => ({ game, held: null })),
    ...Array.from({ length: paired }, (_, game) => POWERS.map((held): Job => ({ game, held }))).flat(),
  ];
  const { measures, times } = await runGames(sc, settings, jobs, settings.threads, (done) => progress(done, jobs.length));
  const pairedMeasures = measures.slice(games);
  const held = Object.fromEntries(POWERS.map((p) => [p, pairedMeasures.filter((_, i) => jobs[games + i]!.held === p)])) as Record<PowerId, GameMeasures[]>;
  return { input: { sc, seed: settings.seed, rounds: settings.rounds, seats: settings.seats, games: measures.slice(0, games), held }, times };
}
