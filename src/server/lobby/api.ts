/**
 * The lobby's HTTP API under /api, as Koa middleware. Bodies are read with a size
 * limit, parsed and checked here; every refusal is JSON `{ "error": "..." }` with a
 * status that says what kind of refusal it is.
 */
import type { Context, Next } from 'koa';
import type { z } from 'zod';
import type { GameHost } from '../../game/game.js';
import type { Limits } from '../limits.js';
import { normaliseCode } from './codes.js';
import { RateLimiter } from './rateLimit.js';
import { createRequest, describeProblem, hostRequest, joinRequest, leaveRequest, settingsRequest } from './requests.js';
import { LobbyError, type LobbyService } from './service.js';

const MAX_BODY = 16 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A route: method, path (its first group is a match code), and the handler whose result is the JSON answer. */
export type Route = [string, RegExp, (ctx: Context, code: string) => Promise<unknown>];

/**
 * The lobby's routes, plus `extra` ones under /api (classroom exercises) that share its
 * checks and errors. Every request naming a match code counts against the client's
 * lookups, whatever its route: each reads the store, and each tells whether a code
 * exists, so unlimited they would let one client guess codes thousands a second.
 */
export function lobbyApi(lobby: LobbyService, host: GameHost, limits: Pick<Limits, 'create' | 'join' | 'lookup'>, extra: Route[] = []) {
  const createLimit = new RateLimiter(limits.create);
  const joinLimit = new RateLimiter(limits.join);
  const lookupLimit = new RateLimiter(limits.lookup);

  const routes: Route[] = [
    ['GET', /^\/api\/scenarios$/, async () => [...host.scenarios.values()].map((sc) => ({ id: sc.id, title: sc.title, rounds: sc.rounds }))],
    [
      'GET',
      /^\/api\/matches$/,
      async (ctx) => {
        // The list reads every open match's record.
        limit(lookupLimit, ctx);
        return lobby.listOpen();
      },
    ],
    [
      'POST',
      /^\/api\/matches$/,
      async (ctx) => {
        limit(createLimit, ctx);
        const body = parse(createRequest, await readJson(ctx));
        ctx.status = 201;
        return lobby.create(body);
      },
    ],
    ['GET', /^\/api\/matches\/([^/]+)$/, async (_ctx, code) => lobby.get(code)],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/join$/,
      async (ctx, code) => {
        limit(joinLimit, ctx);
        const body = parse(joinRequest, await readJson(ctx));
        return { ...(await lobby.join(code, body.power, body.name)), power: body.power, matchID: code };
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/leave$/,
      async (ctx, code) => {
        const body = parse(leaveRequest, await readJson(ctx));
        await lobby.leave(code, body.power, body.credentials);
        return { ok: true };
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/start$/,
      async (ctx, code) => {
        const body = parse(hostRequest, await readJson(ctx));
        await lobby.start(code, body.hostToken);
        return lobby.get(code);
      },
    ],
    [
      'POST',
      /^\/api\/matches\/([^/]+)\/settings$/,
      async (ctx, code) => {
        const body = parse(settingsRequest, await readJson(ctx));
        await lobby.updateSettings(code, body.hostToken, body.settings);
        return lobby.get(code);
      },
    ],
    ...extra,
  ];

  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.path.startsWith('/api/')) return next();
    try {
      const route = routes.find(([method, pattern]) => method === ctx.method && pattern.test(ctx.path));
      if (!route) {
        const known = routes.some(([, pattern]) => pattern.test(ctx.path));
        throw new HttpError(known ? 405 : 404, known ? `${ctx.method} is not allowed on ${ctx.path}` : `no such API route: ${ctx.path}`);
      }
      const raw = route[1].exec(ctx.path)![1];
      if (raw !== undefined) limit(lookupLimit, ctx);
      const code = raw === undefined ? '' : normaliseCode(decodeURIComponent(raw));
      if (code === null) throw new HttpError(404, `"${raw!.slice(0, 20)}" is not a match code (six letters and digits)`);
      const result = await route[2](ctx, code);
      ctx.body = result;
    } catch (error) {
      if (error instanceof HttpError || error instanceof LobbyError) {
        ctx.status = error.status;
        ctx.body = { error: error.message };
        return;
      }
      throw error;
    }
  };
}

export function limit(limiter: RateLimiter, ctx: Context): void {
  if (!limiter.take(ctx.ip)) throw new HttpError(429, 'too many requests from this address; wait a minute and try again');
}

export function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, describeProblem(result.error));
  return result.data;
}

/** The body as JSON; `maxBytes` is raised only by routes that carry a scenario file. */
export async function readJson(ctx: Context, maxBytes = MAX_BODY): Promise<unknown> {
  if (!ctx.is('application/json')) throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > maxBytes) throw new HttpError(413, `the body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `the body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `the body is not valid JSON: ${(error as Error).message}`);
  }
}
