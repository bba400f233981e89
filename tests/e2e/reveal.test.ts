/**
 * The reveal: when the last power locks in, the round resolves step by step beside the
 * map. A short solo game is played by clicking; its first reveal is checked step by
 * step (all six powers' orders, the bots' reasons, stepping to the end and back,
 * replay and skip, drawn on the map), and the last round's reveal plays to its end on
 * its own before the results come.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { POWERS } from '../../src/game/powers.js';
import { animationsDone, hook, openBrowser, screenshot } from './browser.js';
import { actByClicking, continueAfterReveal, nextMoment, startGame } from './play.js';

const step = (page: Page) => page.getByTestId('reveal-player').getAttribute('data-step').then(Number);
const steps = (page: Page) => page.getByTestId('reveal-player').getAttribute('data-steps').then(Number);

test('each round resolves step by step beside the map, the last one before the results', async () => {
  const s = await openBrowser();
  const page = s.page;
  await startGame(page, { power: 'USA', seed: 'e2e-reveal', short: true });
  const rounds = await expect.poll(() => hook(page, (h) => h.view()?.rounds ?? 0), { timeout: 20_000 }).toBeGreaterThan(0).then(() => hook(page, (h) => h.view()!.rounds));

  let reveals = 0;
  let lastShown = 0;
  for (let turn = 0; ; turn++) {
    expect(turn, 'the game did not end').toBeLessThan(80);
    const moment = await nextMoment(page);
    if (moment === 'over') {
      // A crisis in the last round is decided after its reveal: the results then follow the decision.
      expect(lastShown, 'the results came without the last round’s reveal').toBe(await hook(page, (h) => h.view()!.history.at(-1)!.round));
      break;
    }
    if (moment === 'due') {
      await actByClicking(page, turn);
      continue;
    }
    expect(moment).toBe('reveal');
    reveals++;
    const player = page.getByTestId('reveal-player');
    const round = Number(await player.getAttribute('data-round'));
    const view = await hook(page, (h) => ({ over: h.view()!.step.kind === 'over', history: h.view()!.history }));
    const record = view.history.find((r) => r.round === round)!;
    lastShown = round;
    // The move waits behind the reveal; the reveal is in view beside the map, not a scroll away
    // (the page comes back up to the map if the person had scrolled down to lock in).
    expect(await page.getByTestId('move').isVisible()).toBe(false);
    expect(await player.isVisible()).toBe(true);
    const inView = () =>
      page.evaluate(() => {
        const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
        const panel = document.querySelector('[data-testid="reveal-player"]')!.getBoundingClientRect();
        return map.top >= 0 && map.bottom <= innerHeight && panel.top >= 0 && panel.top < innerHeight;
      });
    await expect.poll(inView, { timeout: 10_000 }).toBe(true);

    if (reveals === 1) {
      expect(round).toBe(1);
      // The first step: all six powers' orders, with each bot's reason; the person's own has none.
      expect(await player.getAttribute('data-step-id')).toBe('orders');
      const rows = page.getByTestId('reveal-power');
      expect(await rows.evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.power))).toEqual([...POWERS]);
      for (const power of POWERS) {
        const row = page.locator(`[data-testid="reveal-power"][data-power="${power}"]`);
        expect(await row.locator('.reveal-order-list > li').count()).toBe(record.orders[power]!.length);
        expect(await row.locator('.reveal-why').count()).toBe(power === 'USA' ? 0 : 1);
      }
      // Drawn on the map: arrows between capitals and theatres, badges on capitals.
      await expect.poll(() => page.locator('[data-testid="map"] .tm-reveal path').count(), { timeout: 20_000 }).toBeGreaterThan(0);

      // Stepping by hand stops the play and reaches the sum, one step at a time; Back goes back.
      const total = await steps(page);
      expect(total).toBeGreaterThan(2);
      await page.getByTestId('reveal-replay').click();
      expect(await step(page)).toBe(1);
      for (let at = 1; at < total; at++) {
        await page.getByTestId('reveal-next').click();
        expect(await step(page)).toBe(at + 1);
        if (at === 1) {
          await animationsDone(page);
          await screenshot(page, 'reveal-step', { fullPage: false });
          await page.setViewportSize({ width: 390, height: 844 });
          await animationsDone(page);
          await screenshot(page, 'reveal-step-phone', { fullPage: false });
          await page.setViewportSize({ width: 1280, height: 800 });
        }
      }
      expect(await player.getAttribute('data-step-id')).toBe('summary');
      expect(await page.getByTestId('reveal-next').isDisabled()).toBe(true);
      await page.getByTestId('reveal-back').click();
      expect(await step(page)).toBe(total - 1);
      // Replay starts over; Skip goes straight to the sum.
      await page.getByTestId('reveal-replay').click();
      expect(await step(page)).toBe(1);
      await page.getByTestId('reveal-skip').click();
      expect(await step(page)).toBe(total);
      expect(await page.getByTestId('reveal-continue').textContent()).toBe('Continue to round 2');
      await continueAfterReveal(page);
      expect(await page.getByTestId('move').isVisible()).toBe(true);
      // Closed, it can be watched again.
      await page.getByTestId('reveal-watch-again').click();
      expect(await player.getAttribute('data-round')).toBe('1');
      await continueAfterReveal(page);
      continue;
    }

    if (!view.over) {
      await continueAfterReveal(page);
      continue;
    }
    // The last round (or war): the game is over, yet the reveal comes first, plays to its end on its own, and only Continue brings the results.
    expect(await page.getByTestId('end-screen').count()).toBe(0);
    expect(await page.getByTestId('reveal-power').count()).toBe(6);
    await expect.poll(async () => (await step(page)) === (await steps(page)), { timeout: 120_000, interval: 500 }).toBe(true);
    expect(await page.getByTestId('end-screen').count()).toBe(0);
    expect(await page.getByTestId('reveal-continue').textContent()).toBe('Continue to the results');
    await page.getByTestId('reveal-continue').click();
    await page.getByTestId('end-screen').waitFor();
    break;
  }
  expect(reveals).toBeGreaterThan(1);
  expect(reveals).toBeLessThanOrEqual(rounds);
  await s.finish();
});
