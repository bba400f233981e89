/**
 * The exercise chat between a team's device and Control's console on the real game
 * server, by clicking: a student talks with the team in the waiting room before the
 * start; Control opens the console by the private link and starts; the console reads
 * the team's channel (the line from before the start and one written live), mutes it
 * (the student's box closes and says why), unmutes it (the student writes again), and
 * makes a public statement the student reads.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHAT } from '../../src/view/text/en-chat.js';
import { openBrowser, screenshot } from './browser.js';
import { startGameServer, type GameServer } from './gameServer.js';

let server: GameServer;

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

const lines = (page: Page) => page.getByTestId('chat-line').locator('.chat-text').allTextContents();

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-send').click();
}

test("Control's console reads a team's chat, mutes it (refused on the student's device), unmutes it and makes a statement", async () => {
  server.logOnFailure();
  const created = await fetch(`${server.url}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ teamSize: 2, teams: ['CHN', 'USA'], orderSeconds: 600, bots: 'easy', chat: true }),
  });
  expect(created.status).toBe(201);
  const { code, controlToken } = (await created.json()) as { code: string; controlToken: string };

  // A student joins China on the team page and talks with the team before the start.
  const student = await openBrowser(`/?exercise=${code}`, server.url);
  const s = student.page;
  await s.getByTestId('member-name').fill('Ana');
  await s.locator('[data-testid="join-power"][value="CHN"]').check();
  await s.getByTestId('join-team').click();
  await s.getByTestId('team-room').waitFor({ timeout: 10_000 });
  await s.locator('[data-testid="chat-channel"][data-channel="team:CHN"]').click();
  await say(s, 'Shall we go for the trade deal?');
  await expect.poll(() => lines(s), { timeout: 10_000 }).toEqual(['Shall we go for the trade deal?']);
  await screenshot(s, 'control-chat-team-room');
  await s.setViewportSize({ width: 390, height: 844 });
  await screenshot(s, 'control-chat-team-room-narrow');
  await s.setViewportSize({ width: 1280, height: 800 });

  // Control comes in by the private link and starts; the console has every conversation.
  const teacher = await openBrowser(`/?control=${code}#key=${encodeURIComponent(controlToken)}`, server.url);
  const c = teacher.page;
  await c.getByTestId('control-start').click();
  await c.getByTestId('control-console').waitFor({ timeout: 15_000 });
  const consoleChat = c.getByTestId('control-console').getByTestId('chat');
  await consoleChat.waitFor();
  await expect.poll(() => c.locator('[data-testid="chat-channel"][data-channel^="team:"]').count(), { timeout: 10_000 }).toBe(6);
  expect(await c.getByTestId('chat-pair').locator('option[value]:not([value=""])').count()).toBe(15);

  // The team's line from before the start is there, with its unread count; one written now arrives live.
  const chinaTab = c.locator('[data-testid="chat-channel"][data-channel="team:CHN"]');
  await expect.poll(() => chinaTab.textContent(), { timeout: 10_000 }).toContain('1');
  await chinaTab.click();
  await expect.poll(() => lines(c), { timeout: 10_000 }).toEqual(['Shall we go for the trade deal?']);
  await s.getByTestId('game-screen').waitFor({ timeout: 15_000 });
  await s.locator('[data-testid="chat-channel"][data-channel="team:CHN"]').click();
  await say(s, 'Yes, and keep Russia close.');
  await expect.poll(() => lines(c), { timeout: 10_000 }).toEqual(['Shall we go for the trade deal?', 'Yes, and keep Russia close.']);
  expect(await c.getByTestId('chat-line').last().getAttribute('data-from')).toBe('CHN');
  // A team has several people: each line says which of them wrote it.
  expect(await c.getByTestId('chat-line').last().locator('.chat-meta strong').textContent()).toBe('Ana · China');

  // Muted: the student's box closes and says why; the tab is marked on both sides.
  expect(await c.getByTestId('chat-mute').textContent()).toBe(CHAT.mute);
  await c.getByTestId('chat-mute').click();
  await expect.poll(() => c.getByTestId('chat-mute').textContent(), { timeout: 10_000 }).toBe(CHAT.unmute);
  expect(await chinaTab.textContent()).toContain(CHAT.mutedTag);
  await expect.poll(() => s.getByTestId('chat-status').textContent(), { timeout: 10_000 }).toBe(CHAT.mutedNote);
  expect(await s.getByTestId('chat-input').isDisabled()).toBe(true);
  expect(await s.getByTestId('chat-send').isDisabled()).toBe(true);
  await screenshot(c, 'control-chat-console');
  await screenshot(s, 'control-chat-student-muted');

  // Unmuted: the student writes again and Control reads it.
  await c.getByTestId('chat-mute').click();
  await expect.poll(() => s.getByTestId('chat-input').isDisabled(), { timeout: 10_000 }).toBe(false);
  await say(s, 'Thank you, Control.');
  await expect.poll(() => lines(c), { timeout: 10_000 }).toContain('Thank you, Control.');

  // Control's public statement reaches the student's public conversation, marked as Control's.
  await c.locator('[data-testid="chat-channel"][data-channel="public"]').click();
  await say(c, 'Five minutes left in this round.');
  await s.locator('[data-testid="chat-channel"][data-channel="public"]').click();
  await expect.poll(() => lines(s), { timeout: 10_000 }).toEqual(['Five minutes left in this round.']);
  expect(await s.getByTestId('chat-line').first().getAttribute('data-from')).toBe('control');

  await student.finish();
  await teacher.finish();
}, 120_000);
