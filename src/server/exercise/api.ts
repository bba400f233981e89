/**
 * The exercises' HTTP API, served by the lobby's dispatcher (same body checks, size
 * limit and JSON errors):
 *   POST   /api/exercises              create → 201 { code, controlToken }; with `scenarioYaml` (Control's own
 *                                       scenario file) a bad one is a 400 { error, problems: [{ line, col, path, message }] }
 *   POST   /api/scenarios/check        { yaml } → { ok, problems }: the same checks, before creating anything
 *   GET    /api/exercises/:code        public: teams, members' names, started, round
 *   GET    /api/exercises/:code/scenario  public: the scenario the exercise plays (its pages need a custom one)
 *   POST   /api/exercises/:code/join   { name, power? } → { power, playerID, memberId, memberToken, captain }
 *   POST   /api/exercises/:code/move   { controlToken, member, power }
 *   POST   /api/exercises/:code/start  { controlToken }
 *   DELETE /api/exercises/:code        { controlToken }: the exercise and everything stored with it go
 *   GET    /api/exercises/:code/control  Authorization: Bearer <controlToken> → { control }: whether the Control token
 *                                       a browser keeps opens the exercise, asked before it connects with it (a wrong
 *                                       one is an answer, not a refusal: browsers log every refused request as an error)
 *   GET    /api/time                   { now }: the server's clock (ms since the epoch), for the pages' countdowns
 *                                       and Control's commands (src/client/net/serverClock.ts)
 * and the debrief's exports (debriefApi.ts).
 */
import type { Context } from 'koa';
import { RateLimiter } from '../lobby/rateLimit.js';
import type { Limits } from '../limits.js';
import { HttpError, limit, parse, readJson, type Route } from '../lobby/api.js';
import { checkUpload, MAX_SCENARIO_CHARS } from './customScenarios.js';
import { controlRequest, createExercise, joinExercise, moveMember, scenarioCheck } from './requests.js';
import type { ExerciseService } from './service.js';

/**
 * Only the two routes that carry a scenario file read bodies this large: JSON escapes
 * (a newline is two bytes, a non-ASCII character up to six) may double the text, and
 * both routes are rate-limited before the body is read.
 */
const SCENARIO_BODY = 2 * MAX_SCENARIO_CHARS + 16 * 1024;

export function exerciseRoutes(exercises: ExerciseService, limits: Pick<Limits, 'create' | 'join'>): Route[] {
  const createLimit = new RateLimiter(limits.create);
  const joinLimit = new RateLimiter(limits.join);
  // Checking a file parses up to 200 kB of YAML: limited like creating.
  const checkLimit = new RateLimiter(limits.create);
  return [
    [
      'POST',
      /^\/api\/exercises$/,
      async (ctx) => {
        limit(createLimit, ctx);
        const body = parse(createExercise, await readJson(ctx, SCENARIO_BODY));
        if (body.scenarioYaml === undefined) {
          ctx.status = 201;
          return exercises.create(body);
        }
        const checked = checkUpload(body.scenarioYaml);
        if (!checked.ok) {
          ctx.status = 400;
          return { error: checked.message, problems: checked.problems };
        }
        const created = await exercises.create(body, { scenario: checked.scenario, yaml: body.scenarioYaml });
        ctx.status = 201;
        return created;
      },
    ],
    [
      'POST',
      /^\/api\/scenarios\/check$/,
      async (ctx) => {
        limit(checkLimit, ctx);
        const checked = checkUpload(parse(scenarioCheck, await readJson(ctx, SCENARIO_BODY)).yaml);
        return checked.ok ? { ok: true, problems: [] } : { ok: false, problems: checked.problems, message: checked.message };
      },
    ],
    [
      'GET',
      /^\/api\/time$/,
      async (ctx) => {
        // Read at once, never kept: a stored answer would be a stale clock.
        ctx.set('cache-control', 'no-store');
        return { now: Date.now() };
      },
    ],
    ['GET', /^\/api\/exercises\/([^/]+)$/, async (_ctx, code) => exercises.get(code)],
    [
      'GET',
      /^\/api\/exercises\/([^/]+)\/control$/,
      async (ctx, code) => {
        return { control: await exercises.opensControl(code, bearerToken(ctx, 'send Authorization: Bearer <controlToken>')) };
      },
    ],
    ['GET', /^\/api\/exercises\/([^/]+)\/scenario$/, async (_ctx, code) => exercises.scenario(code)],
    [
      'POST',
      /^\/api\/exercises\/([^/]+)\/join$/,
      async (ctx, code) => {
        limit(joinLimit, ctx);
        const body = parse(joinExercise, await readJson(ctx));
        return exercises.join(code, body.name, body.power);
      },
    ],
    [
      'POST',
      /^\/api\/exercises\/([^/]+)\/move$/,
      async (ctx, code) => {
        const body = parse(moveMember, await readJson(ctx));
        await exercises.move(code, body.controlToken, body.member, body.power);
        return exercises.get(code);
      },
    ],
    [
      'POST',
      /^\/api\/exercises\/([^/]+)\/start$/,
      async (ctx, code) => {
        const body = parse(controlRequest, await readJson(ctx));
        await exercises.start(code, body.controlToken);
        return exercises.get(code);
      },
    ],
    [
      'DELETE',
      /^\/api\/exercises\/([^/]+)$/,
      async (ctx, code) => {
        const body = parse(controlRequest, await readJson(ctx));
        await exercises.remove(code, body.controlToken);
        return { ok: true };
      },
    ],
  ];
}

/** Control's token from the Authorization header, kept out of addresses (logs, history); a 403 saying `how` without one. */
export function bearerToken(ctx: Context, how: string): string {
  const token = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1];
  if (!token) throw new HttpError(403, `this is for Control: ${how}`);
  return token;
}
