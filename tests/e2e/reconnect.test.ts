/**
 * An online match through a normal restart of its server, in real Chromium: two people
 * play online, the server is stopped with SIGTERM (`kill PID`) and started again on the
 * same data and port, and both pages come back by themselves, without a reload. During
 * the outage the move panel says the game is offline, and orders locked in then wait on
 * the device and reach the server once it is back. A reload in the middle of choosing
 * orders gives the half-built draft back.
 */
import type { Page } from 'playwright-core';
import { expect, inject, onTestFailed, onTestFinished, test } from 'vitest';
import { hook, openBrowser, screenshot, type Session } from './browser.js';
import { createMatch, takeSeat } from './gameServer.js';
import { actByClicking, buildOrders, nextMoment } from './play.js';
import { tempDir } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../../src/cli/serverProcess.js';
import { LOBBY } from '../../src/view/text/en-lobby.js';
import { ORDER_TEXT } from '../../src/view/text/en-game.js';

/** Answer what the seat on screen is asked until it is to choose its orders. */
async function reachOrders(page: Page): Promise<void> {
  for (let turn = 0; ; turn++) {
    expect(turn, 'the seat was never asked for orders').toBeLessThan(10);
    expect(await nextMoment(page, 120_000)).toBe('due');
    if ((await hook(page, (h) => h.view()!.step.kind)) === 'orders') return;
    await actByClicking(page, turn);
  }
}

const chosenOrders = (page: Page) => page.getByTestId('chosen-order').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.order!));
const statusShown = (page: Page) => page.getByTestId('online-status').evaluate((n) => ((n as HTMLElement).hidden ? null : n.textContent));

/** While the server was down, Chromium notes each failed reconnection attempt: those, and nothing else, are expected. */
function forgiveOutage(session: Session): void {
  expect(session.errors.filter((e) => !/net::ERR_CONNECTION_(REFUSED|RESET)/.test(e))).toEqual([]);
  session.errors.length = 0;
}

test('two pages keep playing through a SIGTERM restart of the server; offline orders wait and are delivered; a reload keeps a half-built draft', async () => {
  const data = tempDir();
  onTestFinished(() => data.remove());
  const env = { DATA_DIR: data.dir, CLIENT_DIR: inject('clientDir') };
  let server: ServerProcess = await spawnServer({ PORT: '0', ...env });
  onTestFinished(() => server.stop());
  const logs: string[] = [];
  onTestFailed(() => console.log(`server logs:\n${[...logs, server.output()].join('\n---\n')}`));

  const host = await openBrowser('/', server.url);
  const code = await createMatch(host.page, ['RUS', 'PRK', 'JPN', 'KOR']);
  await takeSeat(host.page, 'CHN', 'Host');
  const guest = await openBrowser(`/?match=${code}`, server.url);
  await guest.page.getByTestId('waiting-room').waitFor();
  await takeSeat(guest.page, 'USA', 'Guest');
  await expect.poll(() => host.page.locator('[data-testid="seat-row"][data-power="USA"]').textContent(), { timeout: 10_000 }).toContain('Guest');
  await host.page.getByTestId('start-match').click();
  await Promise.all([reachOrders(host.page), reachOrders(guest.page)]);
  const step = await hook(guest.page, (h) => `${h.view()!.round}/${h.view()!.step.kind}`);

  // The host chooses one order of three, and reloads: the draft is still there.
  await host.page.locator('[data-testid="order-kind"]:not([disabled])').first().click();
  await host.page.getByTestId('option').first().click();
  const draft = await chosenOrders(host.page);
  expect(draft).toHaveLength(1);
  await host.page.reload();
  await host.page.getByTestId('game-screen').waitFor({ timeout: 30_000 });
  await expect.poll(() => chosenOrders(host.page), { timeout: 20_000 }).toEqual(draft);

  // The guest chooses all three, and has not locked them in when the server stops.
  await buildOrders(guest.page, 0);
  const guestOrders = await chosenOrders(guest.page);
  const stopped = server;
  await stopped.stop('SIGTERM');
  expect(await stopped.exited, 'the server did not exit cleanly on SIGTERM').toBe(0);
  logs.push(stopped.output());

  // Offline: each page says so over the game and on its lock-in button; nothing chosen is lost.
  for (const page of [host.page, guest.page]) {
    await expect.poll(() => statusShown(page), { timeout: 30_000 }).toBe(LOBBY.connectionLost);
    await expect.poll(() => page.getByTestId('submit-orders').textContent()).toBe(ORDER_TEXT.submitOffline);
    await expect.poll(() => page.getByTestId('offline-note').textContent()).toBe(ORDER_TEXT.offlineHint);
  }
  expect(await chosenOrders(host.page)).toEqual(draft);
  await screenshot(guest.page, 'reconnect-offline');
  // Locked in while offline: shown as waiting on this device, with the orders.
  await guest.page.getByTestId('submit-orders').click();
  await expect.poll(() => guest.page.getByTestId('queued-move').textContent()).toContain(ORDER_TEXT.queued);
  expect(await guest.page.getByTestId('queued-move').locator('li').count()).toBe(guestOrders.length);
  await screenshot(guest.page, 'reconnect-queued');

  server = await spawnServer({ PORT: String(stopped.port), ...env });
  // Both pages come back by themselves; the guest's orders reach the server; the host's draft is still there.
  for (const page of [host.page, guest.page]) await expect.poll(() => statusShown(page), { timeout: 60_000 }).toBeNull();
  await expect.poll(() => hook(guest.page, (h) => h.view()!.ready), { timeout: 30_000 }).toContain('USA');
  await guest.page.locator('.locked-line').waitFor();
  expect(await chosenOrders(host.page)).toEqual(draft);
  expect(await host.page.getByTestId('submit-orders').textContent()).toBe(ORDER_TEXT.submit);
  await screenshot(guest.page, 'reconnect-back');

  // The host completes the orders and locks in: the round goes on for both.
  await buildOrders(host.page, 1);
  await host.page.getByTestId('submit-orders').click();
  for (const page of [host.page, guest.page]) {
    await expect.poll(() => hook(page, (h) => `${h.view()!.round}/${h.view()!.step.kind}`), { timeout: 60_000 }).not.toBe(step);
  }
  forgiveOutage(host);
  forgiveOutage(guest);
  await host.finish();
  await guest.finish();
});
