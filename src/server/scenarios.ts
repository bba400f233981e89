/**
 * The scenarios this server offers: every YAML file in the scenarios folder, validated
 * at start. A server never starts with a bad scenario; it prints each problem with its
 * file position and stops.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deepFreeze } from '../scenario/freeze.js';
import { formatProblem } from '../scenario/load.js';
import { loadScenarioFile } from '../scenario/file.js';
import type { Scenario } from '../scenario/schema.js';

export function loadScenarioFolder(dir: string): Map<string, Scenario> {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const scenarios = new Map<string, Scenario>();
  const problems: string[] = [];
  for (const file of files) {
    const loaded = loadScenarioFile(join(dir, file));
    if (!loaded.ok) {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    if (scenarios.has(loaded.scenario.id)) problems.push(`${join(dir, file)}: scenario id "${loaded.scenario.id}" is used by another file`);
    scenarios.set(loaded.scenario.id, deepFreeze(loaded.scenario));
  }
  if (problems.length > 0) throw new Error(`bad scenario files:\n${problems.join('\n')}`);
  if (scenarios.size === 0) throw new Error(`no scenario files (*.yaml) in ${dir}`);
  return scenarios;
}
