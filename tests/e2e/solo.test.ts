/** A whole solo game played by clicking, from the start screen to the debrief. */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectMapDrawn, hook, openBrowser, screenshot } from './browser.js';
import { playToEnd, startGame } from './play.js';

/**
 * Chooses the first card the order builder offers and checks the card, now chosen,
 * still reads as one card in the hand: its head as wide as another card's, its text
 * below its head (a stray rule once laid it out as four squeezed columns).
 */
async function chooseCardAndCheckLayout(page: Page): Promise<void> {
  await page.locator('[data-testid="order-kind"][data-kind="card"]').click();
  await page.getByTestId('option').first().click();
  const chosen = page.getByTestId('hand').locator('[data-state="chosen"]');
  await chosen.waitFor();
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    const layout = await page.getByTestId('hand').evaluate((hand) => {
      const box = (card: Element | null, part: string) => card?.querySelector(part)?.getBoundingClientRect() ?? null;
      const card = hand.querySelector('[data-state="chosen"]');
      const other = hand.querySelector('[data-card]:not([data-state="chosen"])');
      return { head: box(card, '.policy-head'), text: box(card, '.policy-text'), otherHead: box(other, '.policy-head') };
    });
    expect(layout.text!.top, `${viewport.width}px: the chosen card's text sits below its head`).toBeGreaterThanOrEqual(layout.head!.bottom - 1);
    if (layout.otherHead) expect(Math.abs(layout.head!.width - layout.otherHead.width), `${viewport.width}px: head widths`).toBeLessThanOrEqual(1);
    await screenshot(page, `game-screen-${viewport.width}`);
  }
}

test('a solo game is played to the end screen by clicking', async () => {
  const s = await openBrowser();
  await screenshot(s.page, 'start-screen');
  await startGame(s.page, { power: 'JPN', seed: 'e2e-solo' });
  await expect.poll(() => hook(s.page, (h) => h.shown()), { timeout: 20_000 }).toBe('JPN');
  await expectMapDrawn(s.page);

  let cardChosen = false;
  const actions = await playToEnd(s.page, async (moment) => {
    // The game screen in the middle of building orders, a card chosen, is the most telling picture of it.
    if (moment !== 'due' || cardChosen || (await hook(s.page, (h) => h.view()!.step.kind)) !== 'orders') return;
    if (await s.page.locator('[data-testid="order-kind"][data-kind="card"]').isDisabled()) return;
    await chooseCardAndCheckLayout(s.page);
    cardChosen = true;
  });
  expect(actions).toBeGreaterThan(0);
  expect(cardChosen, 'no round offered a card to play').toBe(true);

  const end = s.page.getByTestId('end-screen');
  await expect.poll(() => end.isVisible()).toBe(true);
  const rows = s.page.getByTestId('ranking').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(6);
  await expect.poll(() => end.getByText('Japan').first().isVisible()).toBe(true);
  // Every chart has a text equivalent.
  const unlabelled = await end.locator('svg[role="img"]:not([aria-label])').count();
  expect(unlabelled).toBe(0);
  await screenshot(s.page, 'end-screen');

  // The seed, to replay the same game, is shown and copied.
  expect(await end.getByTestId('end-seed').inputValue()).toBe('e2e-solo');
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await end.getByTestId('copy-seed').click();
  await expect.poll(() => s.page.evaluate(() => navigator.clipboard.readText())).toBe('e2e-solo');

  await s.page.getByTestId('new-game').click();
  await s.page.getByTestId('start-form').waitFor();
  await s.finish();
});
