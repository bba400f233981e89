/** What the start screen says when something is wrong, and the rules dialog. */
import { expect, test } from 'vitest';
import { openBrowser, screenshot } from './browser.js';

test('a corrupt save shows a clear message and a way to start fresh', async () => {
  const s = await openBrowser();
  await s.page.evaluate(() => localStorage.setItem('triangles.save', '{oops'));
  await s.page.reload();
  await s.page.getByText('Your saved game could not be read.').waitFor();
  expect(await s.page.getByTestId('resume-game').count()).toBe(0);
  await screenshot(s.page, 'corrupt-save');
  await s.page.getByTestId('discard-save').click();
  await s.page.getByTestId('start-form').waitFor();
  expect(await s.page.getByText('could not be read').count()).toBe(0);
  expect(await s.page.evaluate(() => localStorage.getItem('triangles.save'))).toBeNull();
  await s.page.getByTestId('start-game').click();
  await s.page.getByTestId('game-screen').waitFor();
  await s.finish();
});

test('an invalid seed in the link is reported, and a typed one is checked before starting', async () => {
  const s = await openBrowser('/?seed=not%20a%20seed!');
  await s.page.getByText('The seed in the link ("not a seed!") is not valid; a new one will be drawn.').waitFor();
  const seed = s.page.getByTestId('start-seed');
  expect(await seed.inputValue()).toBe('');
  await seed.fill('still bad');
  await s.page.getByText('A seed is 1 to 64 letters').waitFor();
  await s.page.getByTestId('start-game').click();
  // Not started: the seed field has focus so it can be corrected.
  expect(await s.page.getByTestId('game-screen').count()).toBe(0);
  expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('start-seed');
  await seed.fill('good-seed_1');
  expect(await s.page.getByText('A seed is 1 to 64 letters').count()).toBe(0);
  await s.page.getByTestId('start-game').click();
  await s.page.getByTestId('game-screen').waitFor();
  await s.finish();
});

test('a valid seed in the link is filled in', async () => {
  const s = await openBrowser('/?seed=classroom-7');
  expect(await s.page.getByTestId('start-seed').inputValue()).toBe('classroom-7');
  await s.finish();
});

test('the rules open in a dialog that keeps focus, closes on Escape and gives focus back', async () => {
  const s = await openBrowser();
  const page = s.page;
  const open = page.getByTestId('open-rules');
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('rules-page');
  await dialog.waitFor();
  await dialog.getByText('Polarisation', { exact: true }).waitFor();
  await dialog.locator('table').first().waitFor();
  await screenshot(page, 'rules');
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="rules-page"]'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-rules');
  // The close button works too.
  await open.click();
  await page.getByTestId('close-rules').click();
  await expect.poll(() => dialog.count()).toBe(0);
  await s.finish();
});
