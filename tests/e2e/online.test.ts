/**
 * Online play through the lobby UI, on the real game server: one person creates a
 * match (two seats open, four bots) and takes a seat, another joins by the code, the
 * host starts, both play a round by clicking, and a reload brings the second person
 * back to the same seat with the same hand.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectMapDrawn, hook, openBrowser, screenshot } from './browser.js';
import { createMatch, startGameServer, takeSeat, type GameServer } from './gameServer.js';
import { actByClicking, nextMoment } from './play.js';

let server: GameServer;

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

/** Answer everything the seat on screen is asked until the match reaches round 2. */
async function playFirstRound(page: Page): Promise<void> {
  for (let turn = 0; ; turn++) {
    expect(turn, 'round 1 did not end').toBeLessThan(10);
    if ((await nextMoment(page, 120_000, 2)) === 'reached') return;
    await actByClicking(page, turn);
  }
}

const seatOnScreen = (page: Page) =>
  hook(page, (h) => {
    const view = h.view();
    return view && { shown: h.shown(), round: view.round, hand: view.seats[h.shown()!]?.hand ?? null };
  });

test('two browsers create, join, start and play a round online; a reload rejoins the same seat', async () => {
  server.logOnFailure();
  const host = await openBrowser('/', server.url);
  const code = await createMatch(host.page, ['RUS', 'PRK', 'JPN', 'KOR'], async () => {
    // A round timer long enough never to run out here: the players see it count down.
    await host.page.getByTestId('setting-timer').check();
    await host.page.getByTestId('setting-round-seconds').fill('900');
    await screenshot(host.page, 'online-lobby');
  });
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  expect(new URL(host.page.url()).searchParams.get('match')).toBe(code);
  await takeSeat(host.page, 'CHN', 'Host');

  const guest = await openBrowser('/', server.url);
  await guest.page.getByTestId('play-online').click();
  // A wrong code is answered in words, and the form stays for another try.
  await guest.page.getByTestId('join-code').fill('ZZZZZZ');
  await guest.page.getByTestId('join-submit').click();
  await expect.poll(() => guest.page.locator('#join-error').textContent(), { timeout: 10_000 }).toContain('No match has the code ZZZZZZ');
  // Chromium itself notes the refused look-up (a 404) in the console: that one is expected, nothing else.
  expect(guest.errors).toEqual([expect.stringContaining('404')]);
  guest.errors.length = 0;
  // Typed the way people type it: lower case, with a dash.
  await guest.page.getByTestId('join-code').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
  await guest.page.getByTestId('join-submit').click();
  await guest.page.getByTestId('waiting-room').waitFor();
  await expect.poll(() => guest.page.locator('[data-testid="seat-row"][data-power="CHN"]').textContent()).toContain('Host');
  await screenshot(guest.page, 'online-join');
  await takeSeat(guest.page, 'USA', 'Guest');
  await expect.poll(() => guest.page.getByTestId('waiting-host').isVisible()).toBe(true);

  // The host's room hears of the guest by polling.
  await expect.poll(() => host.page.locator('[data-testid="seat-row"][data-power="USA"]').textContent(), { timeout: 10_000 }).toContain('Guest');
  await screenshot(host.page, 'online-waiting-room');
  await screenshot(guest.page, 'online-waiting-room-guest');

  await host.page.getByTestId('start-match').click();
  await host.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });
  await guest.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });
  await expect.poll(() => hook(host.page, (h) => h.shown()), { timeout: 20_000 }).toBe('CHN');
  await expect.poll(() => hook(guest.page, (h) => h.shown()), { timeout: 20_000 }).toBe('USA');
  await expectMapDrawn(host.page);
  for (const page of [host.page, guest.page]) await expect.poll(() => page.getByTestId('round-timer').textContent(), { timeout: 10_000 }).toMatch(/^1[45]:\d\d left in this step/);

  await Promise.all([playFirstRound(host.page), playFirstRound(guest.page)]);
  const before = await seatOnScreen(guest.page);
  expect(before).toMatchObject({ shown: 'USA', round: 2 });
  expect(before!.hand!.length).toBeGreaterThan(0);

  await guest.page.reload();
  await guest.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });
  await expect.poll(() => seatOnScreen(guest.page), { timeout: 20_000 }).toEqual(before);
  await expect.poll(() => guest.page.getByTestId('hand').isVisible()).toBe(true);

  await host.finish();
  await guest.finish();
});
