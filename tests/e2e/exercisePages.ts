/**
 * What the classroom browser tests do on the exercise pages, by clicking as people do:
 * join a team through the join form, add an order to the team's shared draft and read
 * the draft back, download one of the debrief's exports, and read the debrief as the
 * API gives it to Control.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PowerId } from '../../src/game/powers.js';
import type { Debrief } from '../../src/server/exercise/debrief.js';

/** Fill in the join form on screen and wait for the team's waiting room. */
export async function joinTeam(page: Page, name: string, power: PowerId): Promise<void> {
  await page.getByTestId('team-join').waitFor();
  await page.getByTestId('member-name').fill(name);
  await page.locator(`[data-testid="join-power"][value="${power}"]`).check();
  await page.getByTestId('join-team').click();
  await page.getByTestId('team-room').waitFor({ timeout: 10_000 });
}

/** The team's draft as this device shows it: each order as the JSON it stands for. */
export const chosenOrders = (page: Page): Promise<string[]> =>
  page.getByTestId('chosen-order').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.order!));

/** Add one order to the draft by clicking: the kind's first form. */
export async function addOrder(page: Page, kind: string): Promise<void> {
  const before = (await chosenOrders(page)).length;
  await page.locator(`[data-testid="order-kind"][data-kind="${kind}"]`).click();
  await page.getByTestId('option').first().click();
  await expect.poll(() => chosenOrders(page).then((list) => list.length), { timeout: 10_000 }).toBe(before + 1);
}

/** Click a download button and read the file the page gave. */
export async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFile((await file.path())!, 'utf8');
}

/** The debrief as the API gives it to Control (its token in the header). */
export async function debriefApi(serverUrl: string, code: string, controlToken: string): Promise<Debrief> {
  const response = await fetch(new URL(`/api/exercises/${code}/debrief.json`, serverUrl), { headers: { authorization: `Bearer ${controlToken}` } });
  expect(response.status, `debrief of ${code}`).toBe(200);
  return (await response.json()) as Debrief;
}

/** The match's log as a page shows it (the console's, a team device's). */
export const logText = (page: Page) => page.getByTestId('log').textContent();

/** A track's value as the tracks panel shows it. */
export const trackValue = async (page: Page, track: string): Promise<number> =>
  Number((await page.locator(`[data-testid="tracks"] [data-track="${track}"] .track-value`).textContent())!.trim());

/** On Control's console: write an inject with one effect from the menu (a track moved by `delta`), not yet sent. */
export async function writeInject(page: Page, inject: { title: string; text: string; track: string; delta: number }): Promise<void> {
  await page.getByTestId('inject-title').fill(inject.title);
  await page.getByTestId('inject-text').fill(inject.text);
  await page.getByTestId('effect-kind').selectOption('track');
  await page.getByTestId('effect-track').selectOption(inject.track);
  await page.getByTestId('effect-delta').fill(String(inject.delta));
  await page.getByTestId('add-effect').click();
}
