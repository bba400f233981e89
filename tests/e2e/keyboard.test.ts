/** One round with the keyboard alone: Tab to move, Enter or Space to press. */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { hook, openBrowser } from './browser.js';
import { nextMoment } from './play.js';

/** Presses Tab until the focused element matches the selector; fails if focus never gets there (or is trapped). */
async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function orderCount(page: Page): Promise<number> {
  return page.getByTestId('chosen-order').count();
}

test('a round can be played with Tab, Enter and Space only', async () => {
  const s = await openBrowser();
  const page = s.page;
  await page.getByTestId('start-form').waitFor();
  await tabTo(page, '[data-testid="start-game"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('game-screen').waitFor();

  let round = 0;
  for (let turn = 0; ; turn++) {
    expect(turn).toBeLessThan(10);
    const moment = await nextMoment(page);
    if (moment === 'reveal') {
      // The reveal takes focus; Home goes back to its first step (and stops it playing on), the arrow keys step it,
      // End goes to the sum, and Tab reaches Continue.
      const player = page.getByTestId('reveal-player');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="reveal-player"]') !== null)).toBe(true);
      await page.keyboard.press('Home');
      await expect.poll(() => page.getByTestId('reveal-play').getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => player.getAttribute('data-step')).toBe('2');
      await page.keyboard.press('End');
      await expect.poll(async () => (await player.getAttribute('data-step')) === (await player.getAttribute('data-steps'))).toBe(true);
      await tabTo(page, '[data-testid="reveal-continue"]');
      await page.keyboard.press('Enter');
      await player.waitFor({ state: 'detached' });
      // Back at the move.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe('move-title');
      continue;
    }
    expect(moment).toBe('due');
    const view = await hook(page, (h) => ({ round: h.view()!.round, step: h.view()!.step.kind }));
    if (round && view.round > round) break; // a whole round played
    round ||= view.round;
    if (view.step === 'decide') {
      await tabTo(page, '[data-testid="decision-option"]');
      await page.keyboard.press('Space');
    } else {
      const limit = await page.locator('.chosen-orders > li').count();
      for (const kind of ['engage', 'hold', 'hold'].slice(0, limit)) {
        const before = await orderCount(page);
        await tabTo(page, `[data-testid="order-kind"][data-kind="${kind}"]`);
        await page.keyboard.press('Enter');
        await tabTo(page, '[data-testid="option"]');
        await page.keyboard.press(kind === 'hold' ? 'Space' : 'Enter');
        await expect.poll(() => orderCount(page), { timeout: 10_000 }).toBe(before + 1);
      }
      await tabTo(page, '[data-testid="submit-orders"]');
      await page.keyboard.press('Enter');
      // Locked in: the orders wait for the others, or the round has already been resolved.
      await expect
        .poll(() => hook(page, (h) => ({ round: h.view()!.round, locked: h.view()!.seats[h.shown()!]!.orders !== null })), { timeout: 20_000 })
        .toSatisfy((now: { round: number; locked: boolean }) => now.locked || now.round > view.round);
    }
  }
  await s.finish();
});
