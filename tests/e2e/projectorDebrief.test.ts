/**
 * The projector and the debrief on the real game server. Two exercises of one scenario
 * and seed (parallel groups) are created through the API with every power a bot (CHN's
 * team is listed but nobody joins, so a bot takes it at the start) and two rounds.
 * The projector shows how to join before the start, then the map, code, tracks and
 * headline, and nothing secret arrives on its socket or shows on its screen. After the
 * end, the debrief (Control's token put in this browser) shows the timeline and
 * charts, its CSV and JSON downloads match the debrief API, and the parallel group
 * compares side by side. Every page fails the test on a console error.
 */
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTROL_SEAT } from '../../src/game/powers.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import { loadScenarioFolder } from '../../src/server/scenarios.js';
import type { Debrief } from '../../src/server/exercise/debrief.js';
import { expectMapDrawn, openBrowser, screenshot } from './browser.js';
import { debriefApi, download } from './exercisePages.js';
import { startGameServer, type GameServer } from './gameServer.js';
import { parseCsv } from '../helpers/csv.js';

let server: GameServer;
const sc = loadScenarioFolder('scenarios').get(DEFAULT_SCENARIO)!;
const SEED = 'parallel-groups';

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

async function post(path: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

async function createExercise(): Promise<{ code: string; controlToken: string }> {
  return (await post('/api/exercises', { teamSize: 3, teams: ['CHN'], rounds: 2, seed: SEED, bots: 'easy' })) as { code: string; controlToken: string };
}

const exercise = async (code: string) => (await fetch(new URL(`/api/exercises/${code}`, server.url))).json() as Promise<{ started: boolean; over: boolean }>;

const debriefOf = (e: { code: string; controlToken: string }) => debriefApi(server.url, e.code, e.controlToken);

/** Control pauses the exercise's clock from its own socket (seat "6"), as Control's console does. */
async function pauseAsControl(code: string, controlToken: string): Promise<void> {
  const socket = io(`${server.url}/triangles`, { transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    const stateID = await new Promise<number>((resolve) => {
      socket.on('sync', (_id: string, synced: { state: { _stateID: number } }) => resolve(synced.state._stateID));
      socket.emit('sync', code, CONTROL_SEAT, controlToken, 7);
    });
    const move = { type: 'MAKE_MOVE', payload: { type: 'control', args: [{ kind: 'pause', at: Date.now() }], playerID: CONTROL_SEAT, credentials: controlToken } };
    await new Promise<void>((resolve) => {
      socket.on('update', () => resolve());
      socket.emit('update', move, stateID, code, CONTROL_SEAT);
    });
  } finally {
    socket.close();
  }
}

/** The page has no vertical or horizontal scrolling at its current size. */
const fitsScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth);

test('the projector shows the room the public board only, and the debrief exports and compares the finished exercise', async () => {
  server.logOnFailure();
  const a = await createExercise();
  const b = await createExercise();
  // A third exercise keeps the projector mid-game: its one student on CHN never acts, so round 1 waits under a timer.
  const c = (await post('/api/exercises', { teamSize: 3, teams: ['CHN'], rounds: 2, seed: SEED, bots: 'easy', orderSeconds: 600 })) as { code: string; controlToken: string };
  await post(`/api/exercises/${c.code}/join`, { name: 'Ann' });

  const projector = await openBrowser('/', server.url);
  const { page } = projector;
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Everything the server sends the projector, from its first message.
  const frames: string[] = [];
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  // A wrong code is answered in words.
  await page.goto(new URL('/?projector=ZZZZZZ', server.url).href);
  await expect.poll(() => page.getByTestId('projector-problem').textContent(), { timeout: 15_000 }).toContain('No exercise has the code ZZZZZZ');
  // Chromium itself notes the refused look-ups (404s) in the console: those are expected, nothing else.
  expect(projector.errors.length).toBeGreaterThan(0);
  expect(projector.errors.every((e) => e.includes('404'))).toBe(true);
  projector.errors.length = 0;
  await page.goto(new URL(`/?projector=${c.code}`, server.url).href);

  // Before the start: how to join, large.
  await expect.poll(() => page.getByTestId('projector-code').textContent(), { timeout: 15_000 }).toBe(c.code);
  expect(await page.getByTestId('projector-link').textContent()).toBe(new URL(`/?exercise=${c.code}`, server.url).href);
  await page.locator('[data-testid="projector-qr"] svg path').waitFor();
  expect((await page.locator('[data-testid="projector-qr"] svg path').getAttribute('d'))!.length).toBeGreaterThan(500);
  await expect.poll(() => page.locator('[data-testid="projector-teams"] li').count()).toBe(6);
  expect(await page.locator('[data-testid="projector-teams"] li[data-power="CHN"]').textContent()).toContain('1 student');
  expect(await fitsScreen(page)).toBe(true);
  await screenshot(page, 'projector-join-1920');
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await fitsScreen(page)).toBe(true);
  await screenshot(page, 'projector-join-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });

  for (const e of [a, b, c]) await post(`/api/exercises/${e.code}/start`, { controlToken: e.controlToken });
  await page.getByTestId('map').waitFor({ timeout: 15_000 });
  await expectMapDrawn(page);
  expect(await page.getByTestId('projector-code').textContent()).toBe(c.code);
  await expect.poll(() => page.locator('[data-testid="tracks"] [data-track]').count()).toBe(4);
  await expect.poll(() => page.locator('[data-testid="headline"] .card-title').first().textContent()).toMatch(/\w/);
  expect(sc.headlines.map((h) => h.title)).toContain(await page.locator('[data-testid="headline"] .card-title').first().textContent());
  // The orders step's timer counts down on screen.
  await expect.poll(() => page.getByTestId('projector-clock').getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
  expect(await page.getByTestId('projector-clock').textContent()).toMatch(/\d+:\d\d/);
  for (const [width, height] of [[1920, 1080], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    expect(await fitsScreen(page)).toBe(true);
    // Every part of the board is inside the window, none pushed out of sight.
    for (const part of ['tracks', 'map', 'headline', 'reveal', 'projector-clock', 'projector-code']) {
      const box = (await page.getByTestId(part).first().boundingBox())!;
      expect(box.y + Math.min(box.height, 40), part).toBeLessThanOrEqual(height);
    }
    await screenshot(page, `projector-${width}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Control pauses: the room sees the time that is left, held.
  await pauseAsControl(c.code, c.controlToken);
  await expect.poll(() => page.getByTestId('projector-clock').getAttribute('data-state'), { timeout: 10_000 }).toBe('paused');
  expect(await page.getByTestId('projector-clock').textContent()).toMatch(/^Paused\d+:\d\d$/);

  // Nothing secret reached the projector: no hand, draft, deck or agenda.
  expect(frames.filter((f) => f.includes('"tracks"')).length).toBeGreaterThan(0);
  for (const frame of frames) {
    expect(frame).not.toMatch(/"(hand|draft|decks|secret|agenda)"\s*:/);
    for (const agenda of sc.agendas) expect(frame).not.toContain(agenda.id);
  }
  for (const agenda of sc.agendas) expect(await page.locator('body').innerText()).not.toContain(agenda.title);

  // The bots play the other two exercises to the end; a projector then shows the ranking.
  await expect.poll(async () => (await exercise(a.code)).over && (await exercise(b.code)).over, { timeout: 120_000, interval: 1000 }).toBe(true);
  await page.goto(new URL(`/?projector=${a.code}`, server.url).href);
  await expect.poll(() => page.locator('[data-testid="projector-ranking"] li').count(), { timeout: 15_000 }).toBe(6);
  await expect.poll(() => page.locator('[data-testid="reveal"]').getAttribute('data-round')).toBe('2');
  expect(await fitsScreen(page)).toBe(true);
  await screenshot(page, 'projector-over-1920');

  // Without Control's token this browser is told why there is no debrief.
  await page.goto(new URL(`/?debrief=${a.code}`, server.url).href);
  await expect.poll(() => page.getByTestId('debrief-no-token').textContent()).toContain(a.code);
  await screenshot(page, 'debrief-no-token');
  await projector.finish();

  // Control's browser holds both exercises' tokens.
  const control = await openBrowser('/', server.url);
  const debriefPage = control.page;
  await debriefPage.evaluate(
    (tokens) => tokens.forEach(({ code, token }) => localStorage.setItem(`triangles.control.${code}`, token)),
    [a, b, c].map((e) => ({ code: e.code, token: e.controlToken })),
  );
  // Mid-lesson, the debrief of the running exercise says it is partial: round 1 is still being played.
  await debriefPage.goto(new URL(`/?debrief=${c.code}`, server.url).href);
  await expect.poll(() => debriefPage.getByTestId('debrief-partial').textContent(), { timeout: 15_000 }).toContain('0 of its 2 rounds are finished');
  expect(await debriefPage.locator('.debrief-round').count()).toBe(0);
  await screenshot(debriefPage, 'debrief-partial');

  await debriefPage.goto(new URL(`/?debrief=${a.code}`, server.url).href);
  const fromApi = await debriefOf(a);
  await expect.poll(() => debriefPage.locator('.debrief-round').count(), { timeout: 15_000 }).toBe(2);
  // Four tracks and the fifteen relations between six powers.
  expect(await debriefPage.locator('[data-testid="history-charts"] .chart-svg').count()).toBe(4 + 15);
  expect(await debriefPage.locator('[data-testid="debrief-outcome"] tbody tr').count()).toBe(6);
  const firstRound = debriefPage.locator('.debrief-round[data-round="1"]');
  expect(await firstRound.locator('h3').textContent()).toContain(fromApi.timeline[0]!.headline.title!);
  expect(await firstRound.locator('.debrief-orders li').count()).toBe(6);
  const winner = fromApi.result!.ranking[0]!;
  expect(await debriefPage.locator('[data-testid="debrief-outcome"] tbody tr').first().getAttribute('data-power')).toBe(winner.power);
  expect(await debriefPage.locator('[data-testid="debrief-outcome"]').innerText()).toContain(fromApi.result!.agendas[winner.power].title!);
  expect(await debriefPage.locator('[data-testid="debrief-partial"]').count()).toBe(0);

  const json = JSON.parse(await download(debriefPage, 'debrief-json')) as Debrief;
  expect(json).toEqual(fromApi);
  expect(JSON.stringify(json)).not.toContain(SEED);
  const [headers, ...rows] = parseCsv(await download(debriefPage, 'debrief-csv'));
  expect(rows).toHaveLength(fromApi.timeline.length * 6);
  const column = (name: string) => headers!.indexOf(name);
  for (const row of rows) {
    const round = fromApi.timeline.find((r) => String(r.round) === row[column('round')])!;
    expect(Number(row[column('tension')])).toBe(round.tracks.tension);
    expect(Number(row[column('final_vp')])).toBe(fromApi.result!.ranking.find((r) => r.power === row[column('power')])!.vp);
  }
  await screenshot(debriefPage, 'debrief');
  // Control may read it on a phone: nothing wider than the screen.
  await debriefPage.setViewportSize({ width: 390, height: 844 });
  expect(await debriefPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(debriefPage, 'debrief-phone');
  await debriefPage.setViewportSize({ width: 1280, height: 800 });

  // The parallel group, side by side.
  await debriefPage.getByTestId('compare-code').fill(b.code.toLowerCase());
  await debriefPage.getByTestId('compare-add').click();
  await expect.poll(() => debriefPage.locator('[data-testid="compare-table"] thead th').count(), { timeout: 10_000 }).toBe(2);
  const other = await debriefOf(b);
  const compared = await debriefPage.locator('[data-testid="compare-table"]').innerText();
  for (const place of other.result!.ranking) expect(compared).toContain(String(place.vp));
  await debriefPage.emulateMedia({ media: 'print' });
  await screenshot(debriefPage, 'debrief-print');
  expect(await debriefPage.getByTestId('debrief-print').isVisible()).toBe(false);
  await control.finish();
}, 240_000);
