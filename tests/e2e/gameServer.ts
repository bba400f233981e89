/**
 * The real game server for the online browser tests, serving the client that the e2e
 * set-up built, on a free loopback port with its own SQLite folder. Its log is kept
 * and printed only when a test fails (a stalled round usually has its cause there).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, onTestFailed } from 'vitest';
import type { PowerId } from '../../src/game/powers.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import { loadScenarioFolder } from '../../src/server/scenarios.js';
import { startServer, type RunningServer } from '../../src/server/server.js';

export interface GameServer {
  url: string;
  /** Print the server's log if the running test fails. */
  logOnFailure(): void;
  close(): Promise<void>;
}

export async function startGameServer(): Promise<GameServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triangles-online-'));
  const log: string[] = [];
  const server: RunningServer = await startServer(
    { port: 0, host: '127.0.0.1', dataDir, databaseUrl: null, redisUrl: null, clientDir: inject('clientDir'), origins: [] },
    { scenarios: loadScenarioFolder('scenarios'), defaultScenario: DEFAULT_SCENARIO, log: (line) => log.push(line) },
  );
  return {
    url: server.url,
    logOnFailure: () => onTestFailed(() => console.log(`server log:\n  ${log.join('\n  ')}`)),
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Take a seat in the waiting room on screen, under a name. */
export async function takeSeat(page: Page, power: PowerId, name: string): Promise<void> {
  await page.getByTestId('player-name').fill(name);
  await page.locator(`[data-testid="take-seat"][data-power="${power}"]`).click();
  await expect.poll(() => page.getByTestId('leave-seat').isVisible(), { timeout: 10_000 }).toBe(true);
}

/**
 * From the start screen, create a match whose `bots` seats are played by Easy bots
 * (the others open for people), and wait for its waiting room; `beforeCreate` runs on
 * the filled-in form. Returns the match's code as the room shows it.
 */
export async function createMatch(page: Page, bots: readonly PowerId[], beforeCreate?: () => Promise<void>): Promise<string> {
  await page.getByTestId('play-online').click();
  await page.getByTestId('create-form').waitFor();
  for (const power of bots) await page.locator(`[data-testid="seat-kind"][data-power="${power}"]`).selectOption('easy');
  await beforeCreate?.();
  await page.getByTestId('create-match').click();
  await page.getByTestId('waiting-room').waitFor();
  return (await page.getByTestId('room-code').textContent())!.trim();
}
