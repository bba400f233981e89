/**
 * The exercises' HTTP API, served by the lobby's dispatcher (same body checks, size
 * limit and JSON errors):
 *   POST   /api/exercises              create → 201 { code, controlToken }
 *   GET    /api/exercises/:code        public: teams, members' names, started, round
 *   POST   /api/exercises/:code/join   { name, power? } → { power, playerID, memberId, memberToken, captain }
 *   POST   /api/exercises/:code/move   { controlToken, member, power }
 *   POST   /api/exercises/:code/start  { controlToken }
 *   DELETE /api/exercises/:code        { controlToken }: the exercise and everything stored with it go
 */
import { RateLimiter } from '../lobby/rateLimit.js';
import { limit, parse, readJson, type ApiLimits, type Route } from '../lobby/api.js';
import { controlRequest, createExercise, joinExercise, moveMember } from './requests.js';
import type { ExerciseService } from './service.js';

export function exerciseRoutes(exercises: ExerciseService, limits: ApiLimits): Route[] {
  const createLimit = new RateLimiter(limits.create.burst, limits.create.perMinute);
  const joinLimit = new RateLimiter(limits.join.burst, limits.join.perMinute);
  return [
    [
      'POST',
      /^\/api\/exercises$/,
      async (ctx) => {
        limit(createLimit, ctx);
        const body = parse(createExercise, await readJson(ctx));
        ctx.status = 201;
        return exercises.create(body);
      },
    ],
    ['GET', /^\/api\/exercises\/([^/]+)$/, async (_ctx, code) => exercises.get(code)],
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
