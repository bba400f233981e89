/** The scenarios property tests run on: the hand-made tiny one and the real one shipped in scenarios/. */
import { loadScenarioFile } from '../../src/scenario/file.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { tinyScenario } from './tinyScenario.js';

export function realScenario(): Scenario {
  const loaded = loadScenarioFile('scenarios/2024-northern-triangle.yaml');
  if (!loaded.ok) throw new Error(`the shipped scenario is invalid: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  return loaded.scenario;
}

export const SCENARIOS: [string, () => Scenario][] = [
  ['tiny', () => tinyScenario()],
  ['2024-northern-triangle', realScenario],
];
