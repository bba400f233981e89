/**
 * The shapes of exercise requests, checked at the edge like the lobby's
 * (lobby/requests.ts): every refusal names the field and what was wrong with it.
 */
import { z } from 'zod';
import { BOT_LEVELS } from '../../bots/levels.js';
import { MAX_TIMER_SECONDS } from '../../game/clock.js';
import { POWERS } from '../../game/powers.js';
import { EXERCISE_LIMITS } from '../../view/settingsLimits.js';
import { name, shippedScenario } from '../lobby/requests.js';
import { MAX_SCENARIO_CHARS } from './customScenarios.js';

const power = z.enum(POWERS);
const token = z.string().min(1).max(200);
const scenarioYaml = z.string().min(1, 'the scenario is empty').max(MAX_SCENARIO_CHARS, `a scenario may have at most ${MAX_SCENARIO_CHARS} characters`);

export const createExercise = z
  .strictObject({
    scenario: shippedScenario.optional(),
    /** Control's own scenario file, checked by parseScenario (customScenarios.ts). */
    scenarioYaml: scenarioYaml.optional(),
    rounds: z.number().int().min(EXERCISE_LIMITS.rounds.min).max(EXERCISE_LIMITS.rounds.max).optional(),
    seed: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only, at most 64').optional(),
    // Five seconds is the shortest timer a room can react to; an hour is a whole lesson.
    orderSeconds: z.number().int().min(EXERCISE_LIMITS.orderSeconds.min).max(MAX_TIMER_SECONDS).nullable().default(null),
    chat: z.boolean().default(true),
    teamSize: z.number().int().min(EXERCISE_LIMITS.teamSize.min).max(EXERCISE_LIMITS.teamSize.max),
    teams: z
      .array(power)
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'a power is listed twice')
      .default([...POWERS]),
    bots: z.enum(BOT_LEVELS).default('normal'),
  })
  .refine((body) => !(body.scenario && body.scenarioYaml), 'send either scenario (a shipped id) or scenarioYaml, not both');
export type CreateExercise = z.infer<typeof createExercise>;

export const joinExercise = z.strictObject({ name, power: power.optional() });
export const controlRequest = z.strictObject({ controlToken: token });
export const moveMember = z.strictObject({ controlToken: token, member: z.string().min(1).max(40), power });
export const scenarioCheck = z.strictObject({ yaml: scenarioYaml });
