/**
 * The game server's classroom-exercise API, typed (routes in src/server/exercise/api.ts
 * and debriefApi.ts). Failures become LobbyProblems worded for the person at the
 * screen, like the lobby's.
 */
import type { z } from 'zod';
import type { PowerId } from '../../game/powers.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Debrief } from '../../server/exercise/debrief.js';
import type { createExercise } from '../../server/exercise/requests.js';
import type { Joined, PublicExercise } from '../../server/exercise/service.js';
import { CLASSROOM_PROBLEM } from '../../view/text/en-classroom.js';
import { call, type Wording } from './lobbyApi.js';

export type { Debrief, Joined, PublicExercise };
export type CreateExercise = z.input<typeof createExercise>;

/** A problem in a scenario file Control loaded, where it is in the file. */
export interface ScenarioProblem {
  line: number;
  col: number;
  path: string;
  message: string;
}

const exercisePath = (code: string) => `/api/exercises/${encodeURIComponent(code)}`;
const notFound = (code: string): Wording => ({ 404: () => CLASSROOM_PROBLEM.notFound(code) });
const bearer = (controlToken: string) => ({ authorization: `Bearer ${controlToken}` });
/** A refused Control token is said as such, with the way in (the private link). */
const controlOnly = (code: string): Wording => ({ ...notFound(code), 403: () => CLASSROOM_PROBLEM.wrongControlKey(code) });

export const exerciseApi = {
  create: (request: CreateExercise) => call<{ code: string; controlToken: string }>('POST', '/api/exercises', request),
  /** Check a scenario file before creating anything: every problem with its line and column. */
  checkScenario: (yaml: string) => call<{ ok: boolean; problems: ScenarioProblem[]; message?: string }>('POST', '/api/scenarios/check', { yaml }),
  get: (code: string) => call<PublicExercise>('GET', exercisePath(code), undefined, notFound(code)),
  /** The exercise's scenario: a shipped one the page also has, or the file Control loaded. */
  scenario: (code: string) => call<Scenario>('GET', `${exercisePath(code)}/scenario`, undefined, notFound(code)),
  join: (code: string, name: string, power?: PowerId) =>
    call<Joined>('POST', `${exercisePath(code)}/join`, power ? { name, power } : { name }, { ...notFound(code), 409: (why) => CLASSROOM_PROBLEM.cannotJoin(why) }),
  move: (code: string, controlToken: string, member: string, power: PowerId) =>
    call<PublicExercise>('POST', `${exercisePath(code)}/move`, { controlToken, member, power }, notFound(code)),
  start: (code: string, controlToken: string) => call<PublicExercise>('POST', `${exercisePath(code)}/start`, { controlToken }, notFound(code)),
  remove: (code: string, controlToken: string) => call<{ ok: true }>('DELETE', exercisePath(code), { controlToken }, notFound(code)),
  /** The debrief so far (`partial`) or of the finished exercise; Control's only. */
  debrief: (code: string, controlToken: string, partial = false) =>
    call<Debrief>('GET', `${exercisePath(code)}/debrief.json${partial ? '?partial=1' : ''}`, undefined, controlOnly(code), bearer(controlToken)),
  /** Whether this token opens the exercise as Control. */
  opensControl: (code: string, controlToken: string) =>
    call<{ control: unknown }>('GET', `${exercisePath(code)}/control`, undefined, notFound(code), bearer(controlToken)).then((answer) => answer.control === true),
  /** The address of an export, to fetch with `exportHeaders` (the token never goes in a URL). */
  exportPath: (code: string, format: 'json' | 'csv', partial = false) => `${exercisePath(code)}/debrief.${format}${partial ? '?partial=1' : ''}`,
  exportHeaders: bearer,
  /** The server's clock (serverClock.ts). */
  time: () => call<{ now: unknown }>('GET', '/api/time', undefined),
};
