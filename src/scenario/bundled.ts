/**
 * The scenarios shipped with the game. They are validated at build time (vitePlugin.ts),
 * so the page carries them as plain data and needs no YAML parser or schema library.
 */
import northernTriangle from '../../scenarios/2024-northern-triangle.yaml';
import { deepFreeze } from './freeze.js';
import type { Scenario } from './schema.js';

let cached: Map<string, Scenario> | null = null;

/** Every shipped scenario by id, frozen so the rules can never change one. */
export function bundledScenarios(): Map<string, Scenario> {
  cached ??= new Map([northernTriangle].map((sc) => [sc.id, deepFreeze(sc)]));
  return cached;
}

export { DEFAULT_SCENARIO } from './defaultScenario.js';
