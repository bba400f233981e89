/** Two people on one device: each hand stays hidden until its owner says they are ready. */
import { expect, test } from 'vitest';
import { POWER_NAME } from '../../src/view/text/en.js';
import { animationsDone, hook, openBrowser, screenshot } from './browser.js';
import { actByClicking, continueAfterReveal, nextMoment, startGame } from './play.js';

test('the hand-over screen hides the hand and then shows the right power', async () => {
  const s = await openBrowser();
  await startGame(s.page, { power: 'CHN', hotseat: ['KOR'], seed: 'e2e-hotseat' });
  const seen = new Set<string>();
  let revealed = 0;
  for (let turn = 0; seen.size < 2 || revealed === 0 || turn < 6; turn++) {
    expect(turn, 'both seats should have been handed the device').toBeLessThan(40);
    const moment = await nextMoment(s.page);
    if (moment === 'over') break;
    if (moment === 'due') {
      await actByClicking(s.page, turn);
      continue;
    }
    if (moment === 'reveal') {
      // The round's reveal, once for the table: the public map and the orders, nobody's hand.
      await s.page.getByTestId('reveal-screen').waitFor();
      expect(await s.page.getByTestId('hand').count()).toBe(0);
      expect(await s.page.getByTestId('game-screen').count()).toBe(0);
      if (revealed === 0) {
        await s.page.getByTestId('reveal-next').click();
        await animationsDone(s.page);
        await screenshot(s.page, 'reveal-table', { fullPage: false });
      }
      revealed++;
      await continueAfterReveal(s.page);
      continue;
    }
    // Hand-over: nothing secret on screen.
    const handover = s.page.getByTestId('handover');
    expect(await s.page.getByTestId('hand').count()).toBe(0);
    expect(await s.page.getByTestId('game-screen').count()).toBe(0);
    const text = (await handover.textContent()) ?? '';
    if (seen.size === 0) await screenshot(s.page, 'handover');
    await s.page.getByTestId('handover-ready').click();
    await s.page.getByTestId('hand').waitFor();
    const shown = await hook(s.page, (h) => h.shown());
    expect(shown === 'CHN' || shown === 'KOR').toBe(true);
    expect(text).toContain(POWER_NAME[shown!]);
    expect(await s.page.getByTestId('game-screen').getAttribute('data-power')).toBe(shown);
    seen.add(shown!);
  }
  expect([...seen].sort()).toEqual(['CHN', 'KOR']);
  expect(revealed).toBeGreaterThan(0);
  await s.finish();
});
