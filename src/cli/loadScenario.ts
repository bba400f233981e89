import { formatProblem } from '../scenario/load.js';
import { loadScenarioFile } from '../scenario/file.js';
import type { Scenario } from '../scenario/schema.js';

/** Load a scenario for a CLI, or print every problem in it and exit 1: a game never starts from a bad file. */
export function loadScenarioOrExit(path: string): Scenario {
  const loaded = loadScenarioFile(path);
  if (loaded.ok) return loaded.scenario;
  for (const problem of loaded.problems) console.error(formatProblem(problem));
  process.exit(1);
}
