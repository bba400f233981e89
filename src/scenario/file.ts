/**
 * Reading a scenario from disk (Node only: the CLI, the server, tests). The browser
 * reads uploaded files itself and calls `parseScenario` directly.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from './load.js';
import type { ScenarioResult } from './load.js';

export function loadScenarioFile(path: string): ScenarioResult {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    // A file that cannot be read is one more problem to report in the same form, not a crash.
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read the file: ${(error as Error).message}`;
    return { ok: false, problems: [{ file: path, line: 1, col: 1, path: '', message: reason }] };
  }
  return parseScenario(source, path);
}
