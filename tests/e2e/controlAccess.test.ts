/**
 * Control's pages against what a browser holds, on the real game server: a stored
 * Control key the server does not accept is said at once, with the way in (the
 * private link), on the console of a started exercise, in the setup room and on the
 * debrief; the private link then opens the console. And device clocks minutes off:
 * Control's laptop behind, a student's phone and the projector ahead, every countdown
 * reads the server's timer, and Control's pause leaves what the server's clock says.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLASSROOM_PROBLEM } from '../../src/view/text/en-classroom.js';
import { openBrowser, screenshot, type Session } from './browser.js';
import { startGameServer, type GameServer } from './gameServer.js';

let server: GameServer;

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

const createExercise = () => post<{ code: string; controlToken: string }>('/api/exercises', { teamSize: 1, teams: ['CHN'], bots: 'easy' });
const storeKey = (page: Page, code: string, key: string) => page.evaluate(([c, k]) => localStorage.setItem(`triangles.control.${c}`, k!), [code, key]);
const storedKey = (page: Page, code: string) => page.evaluate((c) => localStorage.getItem(`triangles.control.${c}`), code);

test("a stored Control key the server refuses is said at once, with the private link as the way in", async () => {
  server.logOnFailure();
  const started = await createExercise();
  await post(`/api/exercises/${started.code}/start`, { controlToken: started.controlToken });
  const waiting = await createExercise();

  // A started exercise: no endless "Connecting…", but why and what to do.
  const teacher = await openBrowser(`/?control=${started.code}#key=not-the-key`, server.url);
  const page = teacher.page;
  await page.getByTestId('control-wrong-token').waitFor({ timeout: 10_000 });
  expect(await page.locator('h1').textContent()).toBe(`Exercise ${started.code}: this browser's Control key is not accepted`);
  expect(await page.getByTestId('control-wrong-token').textContent()).toContain(CLASSROOM_PROBLEM.wrongControlKey(started.code));
  expect(await page.getByTestId('control-console').count()).toBe(0);
  // The wrong key is not kept: a reload says that this browser holds none.
  expect(await storedKey(page, started.code)).toBeNull();
  await screenshot(page, 'control-wrong-key');
  await page.reload();
  await page.getByTestId('control-no-token').waitFor();

  // The debrief with a wrong key says the same, not a general refusal.
  await storeKey(page, started.code, 'not-the-key');
  await page.goto(`${server.url}/?debrief=${started.code}`);
  await page.getByTestId('debrief-wrong-token').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('debrief-wrong-token').textContent()).toBe(CLASSROOM_PROBLEM.wrongControlKey(started.code));
  await screenshot(page, 'debrief-wrong-key');

  // The setup room of an exercise not started yet is not shown with a key that could do nothing there.
  await storeKey(page, waiting.code, 'not-the-key');
  await page.goto(`${server.url}/?control=${waiting.code}`);
  await page.getByTestId('control-wrong-token').waitFor({ timeout: 10_000 });
  expect(await page.getByTestId('control-setup').count()).toBe(0);

  // The private link, pasted into the tab that said the key was refused, opens the console.
  await page.goto(`${server.url}/?control=${started.code}`);
  await page.getByTestId('control-wrong-token').waitFor({ timeout: 10_000 });
  await page.goto(`${server.url}/?control=${started.code}#key=${encodeURIComponent(started.controlToken)}`);
  await page.getByTestId('control-console').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('console-connection').isHidden(), { timeout: 15_000 }).toBe(true);
  await teacher.finish();
}, 90_000);

/** A browser whose own clock is `skewMs` off, on `path`. */
async function skewedBrowser(path: string, skewMs: number): Promise<Session> {
  const session = await openBrowser('/', server.url);
  await session.page.clock.install({ time: Date.now() + skewMs });
  await session.page.goto(`${server.url}${path}`);
  return session;
}

test("every countdown reads the server's timer, whatever the device's clock says", async () => {
  server.logOnFailure();
  const { code, controlToken } = await createExercise();
  const student = await skewedBrowser(`/?exercise=${code}`, 10 * 60_000);
  expect(await student.page.evaluate(() => Date.now() - 9 * 60_000)).toBeGreaterThan(Date.now());
  await student.page.getByTestId('member-name').fill('Ana');
  await student.page.getByTestId('join-team').click();
  await student.page.getByTestId('team-room').waitFor({ timeout: 10_000 });

  const teacher = await skewedBrowser(`/?control=${code}#key=${encodeURIComponent(controlToken)}`, -10 * 60_000);
  const c = teacher.page;
  await c.getByTestId('control-start').click();
  await c.getByTestId('control-console').waitFor({ timeout: 15_000 });
  const projector = await skewedBrowser(`/?projector=${code}`, 60 * 60_000);

  // Ten minutes set from a laptop ten minutes slow: ten minutes everywhere, not twenty on one screen and none on another.
  await c.getByTestId('timer-seconds').fill('600');
  await expect.poll(() => c.getByTestId('command-setTimer').isDisabled(), { timeout: 15_000 }).toBe(false);
  await c.getByTestId('command-setTimer').click();
  const tenMinutes = /(^|\D)(9:5\d|10:00) left/;
  await expect.poll(() => c.getByTestId('console-clock').textContent(), { timeout: 10_000 }).toMatch(tenMinutes);
  await student.page.getByTestId('team-clock').waitFor({ timeout: 15_000 });
  await expect.poll(() => student.page.getByTestId('team-clock').textContent(), { timeout: 10_000 }).toMatch(/(^|\D)(9:5\d|10:00)(\D|$)/);
  await expect.poll(() => projector.page.getByTestId('projector-clock').textContent(), { timeout: 15_000 }).toMatch(/(^|\D)(9:5\d|10:00)(\D|$)/);

  // Paused from the slow laptop: what is left is the server's, on every screen.
  await c.getByTestId('command-pause').click();
  await expect.poll(() => c.getByTestId('console-clock').textContent(), { timeout: 10_000 }).toMatch(/^Paused, (9:5\d|10:00) left$/);
  await expect.poll(() => student.page.getByTestId('team-clock').getAttribute('data-state'), { timeout: 10_000 }).toBe('paused');
  expect(await student.page.getByTestId('team-clock').textContent()).toMatch(/(^|\D)(9:5\d|10:00)(\D|$)/);
  await screenshot(c, 'control-skewed-clock');
  await screenshot(student.page, 'team-skewed-clock');

  await Promise.all([student.finish(), teacher.finish(), projector.finish()]);
}, 120_000);
