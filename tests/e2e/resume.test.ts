/**
 * The game is saved every round; a reload offers it back and restores the same round
 * and seat, with the orders the person had chosen but not yet locked in.
 */
import { expect, test } from 'vitest';
import { hook, openBrowser } from './browser.js';
import { actByClicking, continueAfterReveal, nextMoment, startGame } from './play.js';

test('a reload mid-game resumes at the same round and seat, with the half-built orders', async () => {
  const s = await openBrowser();
  await startGame(s.page, { power: 'KOR', seed: 'e2e-resume' });
  // Play into round 2, to the moment the seat is asked for its orders.
  for (let turn = 0; ; turn++) {
    expect(turn).toBeLessThan(20);
    const moment = await nextMoment(s.page);
    if (moment === 'reveal') {
      await continueAfterReveal(s.page);
      continue;
    }
    expect(moment).toBe('due');
    const at = await hook(s.page, (h) => ({ round: h.view()!.round, step: h.view()!.step.kind }));
    if (at.round >= 2 && at.step === 'orders') break;
    await actByClicking(s.page, turn);
  }
  const before = await hook(s.page, (h) => ({ round: h.view()!.round, shown: h.shown(), hand: h.view()!.seats[h.shown()!]!.hand, headline: h.view()!.headline }));
  // One order of three chosen when the page goes.
  const chosen = () => s.page.getByTestId('chosen-order').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.order!));
  await s.page.locator('[data-testid="order-kind"]:not([disabled])').first().click();
  await s.page.getByTestId('option').first().click();
  const draft = await chosen();
  expect(draft).toHaveLength(1);

  await s.page.reload();
  const resume = s.page.getByTestId('resume-game');
  await resume.waitFor();
  await expect.poll(() => s.page.getByText('You play South Korea.').isVisible()).toBe(true);
  await resume.click();
  await s.page.getByTestId('game-screen').waitFor();
  await expect
    .poll(() => hook(s.page, (h) => ({ round: h.view()!.round, shown: h.shown(), hand: h.view()!.seats[h.shown()!]!.hand, headline: h.view()!.headline })), { timeout: 20_000 })
    .toEqual(before);
  await expect.poll(chosen).toEqual(draft);
  // And the game goes on from there.
  expect(await nextMoment(s.page)).toBe('due');
  await actByClicking(s.page, 0);
  await s.finish();
});
