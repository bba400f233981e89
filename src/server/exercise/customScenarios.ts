/**
 * Scenarios Control uploads with an exercise. The game's rules look a scenario up by
 * id, synchronously, in the host's map, so an exercise's own scenario is put in that
 * map under an id no shipped file can have ("@" is not allowed in scenario ids), and
 * its YAML is kept with the exercise's record so a restarted server can put it back.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { deepFreeze } from '../../scenario/freeze.js';
import { formatProblem, parseScenario, type ScenarioProblem } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { lobbyOf, type LobbyInfo } from '../lobby/matchInfo.js';
import type { MatchStore } from '../storage/types.js';

/** Problems are reported against this file name (`scenario.yaml:12:3 ...`). */
export const UPLOAD_NAME = 'scenario.yaml';
/** The largest scenario text accepted; the shipped one is about 60 kB. */
export const MAX_SCENARIO_CHARS = 200_000;

/** What an exercise keeps of its own scenario, in `metadata.triangles.exercise.customScenario`. */
export interface StoredScenario {
  id: string;
  /**
   * The YAML as uploaded, gzipped and base64: boardgame.io reads the match record on
   * every move, so it is kept about a quarter of its size.
   */
  yamlGz: string;
}

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: Array<Omit<ScenarioProblem, 'file'>>; message: string };

/** Parse an uploaded scenario; every problem keeps its line and column, and all of them read as one message too. */
export function checkUpload(yaml: string): ScenarioCheck {
  const parsed = parseScenario(yaml, UPLOAD_NAME);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map(({ line, col, path, message }) => ({ line, col, path, message })),
    message: `the scenario has ${parsed.problems.length} problem(s):\n${parsed.problems.map(formatProblem).join('\n')}`,
  };
}

export const isCustomId = (id: string): boolean => id.includes('@');

export class CustomScenarios {
  /** `scenarios` is the host's map, shipped scenarios included; custom ones are added to and removed from it. */
  constructor(
    private readonly scenarios: Map<string, Scenario>,
    private readonly log: (line: string) => void,
  ) {}

  /** A checked scenario under a fresh id of its own, and what to store to bring it back. */
  add(scenario: Scenario, yaml: string): StoredScenario {
    const id = `${scenario.id}@${randomBytes(6).toString('hex')}`;
    this.put(id, scenario);
    return { id, yamlGz: gzipSync(yaml).toString('base64') };
  }

  forget(id: string): void {
    if (isCustomId(id)) this.scenarios.delete(id);
  }

  /**
   * The match's scenario, for the debrief's titles: a custom one the server no longer
   * holds (its exercise finished before a restart) is read back from its record.
   */
  scenarioOf(info: LobbyInfo): Scenario | undefined {
    const held = this.scenarios.get(info.scenario);
    if (held || !info.exercise?.customScenario) return held;
    const parsed = parseScenario(unpack(info.exercise.customScenario), UPLOAD_NAME, { stored: true });
    return parsed.ok ? parsed.scenario : undefined;
  }

  /** A custom scenario the bot threads have not been given (shipped ones they load themselves). */
  custom(id: string): Scenario | undefined {
    return isCustomId(id) ? this.scenarios.get(id) : undefined;
  }

  /**
   * After a restart: the scenarios of unfinished exercises come back before any move is
   * made. A finished match makes no more moves and its debrief needs only its state.
   */
  async restore(store: MatchStore, gameName: string): Promise<number> {
    const ids = await store.listMatches({ gameName, where: { isGameover: false } });
    let restored = 0;
    for (const matchID of ids) {
      const { metadata } = await store.fetch(matchID, { metadata: true });
      const info = lobbyOf(metadata);
      if (info && this.ensure(matchID, info)) restored++;
    }
    return restored;
  }

  /**
   * Put the match's own scenario in the host's map if it is not there yet: after a
   * restart, or on a process of several that did not create the exercise. True when it
   * was put there now.
   */
  ensure(matchID: string, info: LobbyInfo): boolean {
    const stored = info.exercise?.customScenario;
    if (!stored || this.scenarios.has(stored.id)) return false;
    const parsed = parseScenario(unpack(stored), `${matchID}/${UPLOAD_NAME}`, { stored: true });
    // It was valid when stored; only a change to the scenario rules since can make it
    // invalid, and that must not keep the server (and every other match) going.
    if (!parsed.ok) {
      this.log(`exercise ${matchID}'s scenario no longer loads; its moves will fail:\n${parsed.problems.map(formatProblem).join('\n')}`);
      return false;
    }
    this.put(stored.id, parsed.scenario);
    return true;
  }

  private put(id: string, scenario: Scenario): void {
    // The match records the scenario's own id (setupState), so the copy carries the new one.
    this.scenarios.set(id, deepFreeze({ ...scenario, id }));
  }
}

function unpack(stored: StoredScenario): string {
  return gunzipSync(Buffer.from(stored.yamlGz, 'base64')).toString('utf8');
}
