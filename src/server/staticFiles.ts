/**
 * Serves the built client. Paths that are not files get the page itself, so a link
 * such as /match/ABC234 opens the app, which reads the address; unknown /api and
 * socket paths are never answered with the page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Next } from 'koa';
import serve from 'koa-static';

export function staticClient(dir: string) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no built client at ${dir} (run npm run build first)`);
  const files = serve(dir, { index: 'index.html', maxage: 0 });
  return async (ctx: Context, next: Next): Promise<void> => {
    await files(ctx, next);
    if (ctx.status !== 404 || ctx.body || ctx.method !== 'GET') return;
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/socket.io') || ctx.path.startsWith('/games/') || /\.[a-z0-9]+$/i.test(ctx.path)) return;
    ctx.path = '/';
    await files(ctx, next);
  };
}
