/** A whole solo game played by clicking, from the start screen to the debrief. */
import { expect, test } from 'vitest';
import { expectMapDrawn, hook, openBrowser, screenshot } from './browser.js';
import { playToEnd, startGame } from './play.js';

test('a solo game is played to the end screen by clicking', async () => {
  const s = await openBrowser();
  await screenshot(s.page, 'start-screen');
  await startGame(s.page, { power: 'JPN', seed: 'e2e-solo' });
  await expect.poll(() => hook(s.page, (h) => h.shown()), { timeout: 20_000 }).toBe('JPN');
  await expectMapDrawn(s.page);

  let shotTaken = false;
  const actions = await playToEnd(s.page, async (moment) => {
    // The game screen in the middle of building orders is the most telling picture of it.
    if (moment === 'due' && !shotTaken && (await hook(s.page, (h) => h.view()!.step.kind)) === 'orders') {
      await screenshot(s.page, 'game-screen');
      shotTaken = true;
    }
  });
  expect(actions).toBeGreaterThan(0);

  const end = s.page.getByTestId('end-screen');
  await expect.poll(() => end.isVisible()).toBe(true);
  const rows = s.page.getByTestId('ranking').locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(6);
  await expect.poll(() => end.getByText('Japan').first().isVisible()).toBe(true);
  // Every chart has a text equivalent.
  const unlabelled = await end.locator('svg[role="img"]:not([aria-label])').count();
  expect(unlabelled).toBe(0);
  await screenshot(s.page, 'end-screen');

  await s.page.getByTestId('new-game').click();
  await s.page.getByTestId('start-form').waitFor();
  await s.finish();
});
