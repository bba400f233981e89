/**
 * Chat, spectating and the host's settings through the lobby UI on the real game
 * server: the host changes the settings in the waiting room and the guest sees them;
 * two players exchange a private line that a spectator never sees, and a public line
 * everyone sees; the spectator's screen has no hand, no orders and no move.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openBrowser, screenshot } from './browser.js';
import { createMatch, startGameServer, takeSeat, type GameServer } from './gameServer.js';

let server: GameServer;

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

const channel = (page: Page, name: string) => page.locator(`[data-testid="chat-channel"][data-channel="${name}"]`);
const chatTexts = (page: Page) => page.locator('[data-testid="chat-line"] .chat-text').allTextContents();

async function say(page: Page, to: string, text: string): Promise<void> {
  await channel(page, to).click();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  await expect.poll(() => chatTexts(page), { timeout: 10_000 }).toContain(text);
}

test('the host sets the match up in the waiting room; two players chat in private and in public; a spectator reads only the public line', async () => {
  server.logOnFailure();
  const host = await openBrowser('/', server.url);
  const code = await createMatch(host.page, ['RUS', 'PRK', 'JPN', 'KOR']);
  await takeSeat(host.page, 'CHN', 'Host');

  const guest = await openBrowser(`/?match=${code}`, server.url);
  await guest.page.getByTestId('waiting-room').waitFor();
  await takeSeat(guest.page, 'USA', 'Guest');
  // The guest reads the settings but has no form for them.
  expect(await guest.page.getByTestId('settings-form').count()).toBe(0);
  await expect.poll(() => guest.page.getByTestId('room-settings').textContent()).toContain('No round timer');

  // A number out of the API's limits is refused in words before anything is sent.
  const settings = host.page.getByTestId('settings-form');
  await settings.getByTestId('setting-grace').fill('5000');
  await settings.getByTestId('save-settings').click();
  await expect.poll(() => host.page.locator('#settings-error').textContent()).toContain('from 0 to 3600');
  await settings.getByTestId('setting-grace').fill('120');
  await settings.getByTestId('setting-timer').check();
  await settings.getByTestId('setting-round-seconds').fill('900');
  await settings.getByTestId('save-settings').click();
  await expect.poll(() => host.page.getByTestId('settings-saved').textContent(), { timeout: 10_000 }).toBe('Settings saved.');
  await expect.poll(() => guest.page.getByTestId('room-settings').textContent(), { timeout: 10_000 }).toContain('after 2 minutes');
  expect(await guest.page.getByTestId('room-settings').textContent()).toContain('Each round has 15 minutes.');
  await screenshot(host.page, 'online-room-settings');

  await host.page.getByTestId('start-match').click();
  await host.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });
  await guest.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });

  const watcher = await openBrowser(`/?match=${code}`, server.url);
  await watcher.page.getByTestId('watch-match').click();
  await watcher.page.getByTestId('watching').waitFor({ timeout: 30_000 });
  for (const testid of ['move', 'order-kind', 'hand', 'submit-orders', 'decision-option', 'chat-input']) {
    expect(await watcher.page.getByTestId(testid).count(), testid).toBe(0);
  }
  expect(await watcher.page.getByTestId('chat-channel').count()).toBe(1);
  await watcher.page.getByTestId('chat-spectator').waitFor();

  await say(host.page, 'CHN+USA', 'Just between us');
  // The guest is told of the private line by its conversation's unread count.
  await expect.poll(() => channel(guest.page, 'CHN+USA').textContent(), { timeout: 10_000 }).toContain('1 new');
  await channel(guest.page, 'CHN+USA').click();
  await expect.poll(() => chatTexts(guest.page)).toEqual(['Just between us']);
  expect(await channel(guest.page, 'CHN+USA').textContent()).not.toContain('new');
  await say(guest.page, 'public', 'Hello, everyone');

  await channel(host.page, 'public').click();
  for (const page of [host.page, watcher.page]) await expect.poll(() => chatTexts(page), { timeout: 10_000 }).toEqual(['Hello, everyone']);
  // One server delivers a match's lines in order: the public line came after the private one, which never reached the spectator.
  expect(await watcher.page.locator('body').textContent()).not.toContain('Just between us');
  const meta = await watcher.page.locator('[data-testid="chat-line"] .chat-meta').first().textContent();
  expect(meta).toMatch(/United States.*\d{1,2}:\d{2}/);

  await screenshot(guest.page, 'online-chat');
  await guest.page.getByTestId('chat').screenshot({ path: 'test-artifacts/online-chat-panel.png' });
  await screenshot(watcher.page, 'online-spectator');

  for (const session of [host, guest, watcher]) await session.finish();
});
