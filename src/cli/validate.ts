/**
 * npm run validate -- FILE...
 *
 * Checks scenario files the way the game will load them. Every problem goes to
 * stderr as `FILE:LINE:COL path: message` (editors and CI turn that into a link);
 * a good file gets a one-line summary on stdout. Exit 1 if any file has a problem.
 */
import { loadScenarioFile } from '../scenario/file.js';
import { formatProblem } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- FILE...   (for example scenarios/2024-northern-triangle.yaml)');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const result = loadScenarioFile(file);
  if (result.ok) {
    console.log(`${file}: ok — ${summary(result.scenario)}`);
  } else {
    failed = true;
    for (const problem of result.problems) console.error(formatProblem(problem));
  }
}
process.exitCode = failed ? 1 : 0;

function summary(s: Scenario): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    JSON.stringify(s.title),
    count(s.rounds, 'round', 'rounds'),
    count(s.headlines.length, 'headline', 'headlines'),
    count(s.policies.length, 'policy card', 'policy cards'),
    count(s.crises.length, 'crisis', 'crises'),
    count(s.agendas.length, 'agenda', 'agendas'),
  ].join(', ');
}
