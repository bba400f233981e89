/**
 * A server bot thinks here, in a worker thread, so a slow decision (the Hard level
 * searches for up to a second) never stalls the event loop that serves every other
 * match. It gets one seat's view and the scenario's id, nothing else (but an exercise's
 * own scenario, sent once with the first question about it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { botActionFor, type BotLevel } from '../../bots/levels.js';
import type { PowerId } from '../../game/powers.js';
import type { SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { loadScenarioFolder } from '../scenarios.js';

export interface ThinkRequest {
  id: number;
  scenario: string;
  level: BotLevel;
  power: PowerId;
  seed: string;
  view: SeatView;
  /** An exercise's own scenario, sent with the first question about it (botPool.ts). */
  custom?: Scenario;
}

const scenarios = loadScenarioFolder((workerData as { scenarioDir: string }).scenarioDir);

parentPort!.on('message', (request: ThinkRequest) => {
  try {
    if (request.custom) scenarios.set(request.custom.id, request.custom);
    const scenario = scenarios.get(request.scenario);
    if (!scenario) throw new Error(`no scenario "${request.scenario}" in the bot thread`);
    parentPort!.postMessage({ id: request.id, action: botActionFor(request.level, scenario, request.view, request.power, request.seed).action });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message });
  }
});
