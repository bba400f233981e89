/**
 * Playing through the real UI: start a game by clicking, then for the seat on screen
 * answer decisions and build orders with the same buttons a person uses. The test
 * hook is read to know what the match waits for; it never acts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PowerId } from '../../src/game/powers.js';
import { hook } from './browser.js';

/** A rotation of order kinds, so a game exercises most of them rather than holding every round. */
const KIND_PREFERENCE = ['engage', 'aid', 'deploy', 'hold', 'withdraw', 'card', 'pressure', 'build'];

export interface StartOptions {
  power?: PowerId;
  hotseat?: PowerId[];
  seed?: string;
  short?: boolean;
}

export async function startGame(page: Page, options: StartOptions = {}): Promise<void> {
  await page.getByTestId('start-form').waitFor();
  await page.locator(`[data-testid="start-power"][value="${options.power ?? 'CHN'}"]`).check();
  for (const p of options.hotseat ?? []) await page.locator(`[data-testid="start-hotseat"][value="${p}"]`).check();
  if (options.seed !== undefined) await page.getByTestId('start-seed').fill(options.seed);
  if (options.short) await page.locator('#short-form').check();
  await page.getByTestId('start-game').click();
  await page.locator('[data-testid="game-screen"], [data-testid="handover"]').first().waitFor();
}

export type Moment = 'due' | 'handover' | 'reveal' | 'over' | 'reached';

/**
 * Waits until the seat on screen is asked something, a hand-over is up, a round's
 * reveal is playing, or the game is over; or, given `untilRound`, until the match has
 * reached that round ('reached').
 */
export async function nextMoment(page: Page, timeout = 90_000, untilRound: number | null = null): Promise<Moment> {
  const handle = await page.waitForFunction(
    (until) => {
      if (document.querySelector('[data-testid="end-screen"]')) return 'over';
      if (document.querySelector('[data-testid="handover"]')) return 'handover';
      const h = (window as unknown as { __TRIANGLES__?: import('../../src/client/testHook.js').TestHook }).__TRIANGLES__;
      const shown = h?.shown();
      if (until !== null && (h?.view()?.round ?? 0) >= until) return 'reached';
      if (document.querySelector('[data-testid="reveal-player"]')) return 'reveal';
      if (!shown || !h!.awaiting().includes(shown) || !document.querySelector('[data-testid="game-screen"]')) return null;
      // Wait for the screen to show the step the match is at (it redraws on every change).
      const step = h!.view()!.step.kind;
      const control = step === 'decide' ? '[data-testid="decision-option"]' : '[data-testid="order-kind"]';
      return document.querySelector(control) ? 'due' : null;
    },
    untilRound,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as Moment;
}

/** Answers the seat's decision or builds and submits its orders, by clicking. */
export async function actByClicking(page: Page, turn: number): Promise<void> {
  const step = await hook(page, (h) => h.view()!.step.kind);
  const before = await hook(page, (h) => `${h.view()!.round}/${h.view()!.step.kind}/${h.view()!.log.length}`);
  if (step === 'decide') {
    const options = page.getByTestId('decision-option');
    const count = await options.count();
    expect(count).toBeGreaterThan(0);
    await options.nth(turn % count).click();
  } else {
    await buildOrders(page, turn);
    await page.getByTestId('submit-orders').click();
  }
  // The action was accepted: the seat is no longer asked the same thing.
  await page.waitForFunction(
    (key) => {
      const h = (window as unknown as { __TRIANGLES__: import('../../src/client/testHook.js').TestHook }).__TRIANGLES__;
      const v = h.view();
      const shown = h.shown();
      return !v || !shown || !h.awaiting().includes(shown) || `${v.round}/${v.step.kind}/${v.log.length}` !== key;
    },
    before,
    { timeout: 30_000, polling: 100 },
  );
}

/** Chooses orders by clicking until the seat on screen may lock them in (it does not lock in). */
export async function buildOrders(page: Page, turn: number): Promise<void> {
  const submit = page.getByTestId('submit-orders');
  for (let pick = 0; !(await submit.isEnabled()); pick++) {
    expect(pick, 'could not fill the orders by clicking').toBeLessThan(24);
    const kinds = await page.locator('[data-testid="order-kind"]:not([disabled])').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.kind!));
    const ranked = KIND_PREFERENCE.filter((k) => kinds.includes(k));
    const kind = ranked[(turn + pick) % ranked.length]!;
    const kindButton = page.locator(`[data-testid="order-kind"][data-kind="${kind}"]`);
    if ((await kindButton.getAttribute('aria-expanded')) !== 'true') await kindButton.click();
    const options = page.getByTestId('option');
    const count = await options.count();
    if (count === 0) {
      await kindButton.click(); // nothing open to choose (every form refused): close it and try another kind
      continue;
    }
    const chosen = await page.getByTestId('chosen-order').count();
    await options.nth((turn * 7 + pick) % count).click();
    await expect.poll(() => page.getByTestId('chosen-order').count(), { timeout: 10_000 }).toBe(chosen + 1);
  }
}

/** Closes the reveal on screen with its Continue button, and waits until it is gone. */
export async function continueAfterReveal(page: Page): Promise<void> {
  const player = page.getByTestId('reveal-player');
  await page.getByTestId('reveal-continue').click();
  await player.waitFor({ state: 'detached', timeout: 30_000 });
}

/**
 * Plays the human seats until the game ends: hand-overs are accepted, every reveal is
 * continued from, every question to the seat on screen is answered by clicking.
 * Returns the number of actions taken.
 */
export async function playToEnd(page: Page, onMoment?: (moment: Moment, turn: number) => Promise<void>): Promise<number> {
  for (let turn = 0; ; turn++) {
    expect(turn, 'the game did not end').toBeLessThan(200);
    const moment = await nextMoment(page);
    await onMoment?.(moment, turn);
    if (moment === 'over') return turn;
    if (moment === 'handover') await page.getByTestId('handover-ready').click();
    else if (moment === 'reveal') await continueAfterReveal(page);
    else await actByClicking(page, turn);
  }
}
