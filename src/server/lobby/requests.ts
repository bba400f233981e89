/**
 * The shapes of lobby requests, checked at the edge. Every refusal names the field
 * and what was wrong with it.
 */
import { z } from 'zod';
import { BOT_LEVELS } from '../../bots/levels.js';
import { POWERS } from '../../game/powers.js';

const power = z.enum(POWERS);
/**
 * A shipped scenario's id. Ids with "@" are exercises' own scenarios, which belong to
 * their exercise alone and are gone with it (exercise/customScenarios.ts).
 */
export const shippedScenario = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'the id of a scenario this server offers (GET /api/scenarios)');
const seat = z.strictObject({ kind: z.enum(['open', 'bot']), level: z.enum(BOT_LEVELS) });
const settings = z.strictObject({
  chat: z.boolean(),
  graceSeconds: z.number().int().min(0).max(3600),
  roundSeconds: z.number().int().min(5).max(3600).nullable(),
});

export const createRequest = z.strictObject({
  scenario: shippedScenario.optional(),
  rounds: z.number().int().min(1).max(20).optional(),
  seed: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only, at most 64').optional(),
  public: z.boolean().default(false),
  seats: z.partialRecord(power, seat).default({}),
  settings: settings.partial().default({}),
});
export type CreateRequest = z.infer<typeof createRequest>;

export const name = z
  .string()
  .trim()
  .min(1, 'a name is needed')
  .max(40, 'a name is at most 40 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'a name may not hold control characters');

export const joinRequest = z.strictObject({ power, name });
export const leaveRequest = z.strictObject({ power, credentials: z.string().min(1).max(200) });
export const hostRequest = z.strictObject({ hostToken: z.string().min(1).max(200) });
export const settingsRequest = z.strictObject({ hostToken: z.string().min(1).max(200), settings: settings.partial() });

/** The first problem in words: `seats.CHN.kind: expected one of "open" | "bot"`. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}
