/**
 * The debrief's exports, for Control only (the debrief reveals every power's orders and
 * agenda):
 *   GET /api/exercises/:code/debrief.json   Authorization: Bearer <controlToken>
 *   GET /api/exercises/:code/debrief.csv    the same, one row per (round, power)
 * Before the match is over they answer 409, unless Control asks for the rounds so far
 * with `?partial=1` (a mid-lesson look back).
 */
import type { Context } from 'koa';
import type { GameState } from '../../game/types.js';
import { HttpError, type Route } from '../lobby/api.js';
import type { MatchStore } from '../storage/types.js';
import type { CustomScenarios } from './customScenarios.js';
import { buildDebrief, type Debrief } from './debrief.js';
import { debriefCsv } from './debriefCsv.js';
import { bearerToken } from './api.js';
import { exerciseOf, requireControlToken } from './service.js';

export function debriefRoutes(store: MatchStore, customs: CustomScenarios): Route[] {
  const debriefFor = async (ctx: Context, code: string): Promise<Debrief> => {
    const token = bearerToken(ctx, 'the debrief reveals every secret; send Authorization: Bearer <controlToken>');
    const { state, metadata: raw } = await store.fetch(code, { state: true, metadata: true });
    if (!raw || !state) throw new HttpError(404, `no exercise with code ${code}`);
    const metadata = exerciseOf(raw, code);
    requireControlToken(metadata, token);
    const G = state.G as GameState;
    if (G.step.kind !== 'over' && ctx.query.partial !== '1') {
      throw new HttpError(409, 'the exercise is not over yet; add ?partial=1 for the rounds played so far');
    }
    return buildDebrief(code, G, metadata, await store.listChat(code), customs.scenarioOf(metadata.triangles));
  };
  return [
    ['GET', /^\/api\/exercises\/([^/]+)\/debrief\.json$/, debriefFor],
    [
      'GET',
      /^\/api\/exercises\/([^/]+)\/debrief\.csv$/,
      async (ctx, code) => {
        const csv = debriefCsv(await debriefFor(ctx, code));
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', `attachment; filename="debrief-${code}.csv"`);
        return csv;
      },
    ],
  ];
}
