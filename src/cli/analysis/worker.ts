/** A worker thread of `npm run analyse`: plays the jobs it is given and posts each game's measures back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioFile } from '../../scenario/file.js';
import { playJob, type WorkerInit, type WorkerMessage } from './runGames.js';

const init = workerData as WorkerInit;
const loaded = loadScenarioFile(init.scenarioFile);
// The main thread loaded and checked the same file before starting any thread.
if (!loaded.ok) throw new Error(`${init.scenarioFile} did not load in the analysis thread`);
const times: number[] = [];
init.jobs.forEach((job, index) => {
  parentPort!.postMessage({ index, measures: playJob(loaded.scenario, init, job, times) } satisfies WorkerMessage);
});
parentPort!.postMessage({ done: true, times } satisfies WorkerMessage);
