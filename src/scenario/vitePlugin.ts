/**
 * Build-time scenario loading for the browser bundle: `import sc from '…/x.yaml'`
 * becomes the validated scenario as JSON. The page then ships no YAML parser and no
 * schema library, starts faster, and a shipped scenario with a mistake fails the
 * build with the file, line and column instead of failing in a player's browser.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, parseScenario } from './load.js';

const SCENARIO_FILE = /[\\/]scenarios[\\/][^\\/?]+\.yaml$/;

export function scenarioPlugin(): Plugin {
  return {
    name: 'triangles-scenario',
    transform(source, id) {
      if (!SCENARIO_FILE.test(id)) return null;
      const parsed = parseScenario(source, relative(process.cwd(), id));
      if (!parsed.ok) this.error(`invalid scenario:\n${parsed.problems.map(formatProblem).join('\n')}`);
      return { code: `export default ${JSON.stringify(parsed.scenario)};`, map: null };
    },
  };
}
