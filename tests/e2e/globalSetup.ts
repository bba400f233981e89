/**
 * Once per e2e run: build the client with the read-only test hook into a temporary
 * folder and serve it on a free loopback port. Tests get the address with
 * `inject('baseUrl')`, and the built folder with `inject('clientDir')` (online tests
 * serve it from the real game server).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    clientDir: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'triangles-e2e-'));
  // Vite reads VITE_* variables from the environment at build time; set it only for this build.
  const before = process.env.VITE_TEST_HOOK;
  process.env.VITE_TEST_HOOK = '1';
  try {
    // Rolldown's plugin-timing advice is noise in a test log; the ordinary build still prints it.
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } } });
  } finally {
    if (before === undefined) delete process.env.VITE_TEST_HOOK;
    else process.env.VITE_TEST_HOOK = before;
  }
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseUrl', url);
  project.provide('clientDir', outDir);
  return async () => {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
