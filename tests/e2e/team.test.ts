/**
 * A classroom team on the real game server: Control creates an exercise through the
 * API (China and the United States played by teams of two, the rest by bots); two
 * students join China by the join form (one from the start screen's entry, one by the
 * link) and a third joins the United States. Each team's brief shows its own secret
 * agenda and no other's. Control starts; the two China members draft the orders
 * together, each seeing the other's edits appear; only the captain may lock them in;
 * a reload brings the other member back to the same team; and when Control moves that
 * member to the other team, their page follows as the new team's seat. A second
 * exercise lets its orders timer run out: the team's draft is locked in as it stands.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PowerId } from '../../src/game/powers.js';
import { loadScenarioFolder } from '../../src/server/scenarios.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import { hook, openBrowser, screenshot } from './browser.js';
import { addOrder, chosenOrders, joinTeam } from './exercisePages.js';
import { startGameServer, type GameServer } from './gameServer.js';

let server: GameServer;
const scenario = loadScenarioFolder('scenarios').get(DEFAULT_SCENARIO)!;
const agendaTitles = (power: PowerId) => scenario.agendas.filter((a) => a.power === power).map((a) => a.title);

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

async function api<T>(method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, server.url), { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`).toBe(true);
  return (await response.json()) as T;
}

const agendaText = (page: Page) => page.getByTestId('brief-agenda').textContent();

test('two members of a team join by the form, read their own agenda, draft together live, and only the captain locks in', async () => {
  server.logOnFailure();
  const { code, controlToken } = await api<{ code: string; controlToken: string }>('POST', '/api/exercises', {
    teamSize: 2,
    teams: ['CHN', 'USA'],
    orderSeconds: 600,
    bots: 'easy',
  });

  // The captain comes in from the start screen, typing the code as people do.
  const captain = await openBrowser('/', server.url);
  await screenshot(captain.page, 'team-start-entry');
  await captain.page.getByTestId('exercise-code').fill(code.toLowerCase());
  await captain.page.getByTestId('exercise-join').click();
  await captain.page.getByTestId('team-join').waitFor();
  await screenshot(captain.page, 'team-join');
  // A name is needed, and said so.
  await captain.page.getByTestId('join-team').click();
  await expect.poll(() => captain.page.locator('#join-error').textContent()).toBe('Type your name before you join.');
  await joinTeam(captain.page, 'Ana', 'CHN');

  const member = await openBrowser(`/?exercise=${code}`, server.url);
  await joinTeam(member.page, 'Ben', 'CHN');
  // A wrong code is answered in words, with the code to type again.
  const other = await openBrowser('/?exercise=ZZZZZZ', server.url);
  await expect.poll(() => other.page.getByTestId('team-problem').textContent(), { timeout: 10_000 }).toContain('No exercise has the code ZZZZZZ');
  // Chromium itself notes the refused look-up (a 404) in the console: that one is expected, nothing else.
  expect(other.errors).toEqual([expect.stringContaining('404')]);
  other.errors.length = 0;
  await other.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(other.page, 'team-problem-phone');
  await other.page.getByTestId('exercise-code').fill(code);
  await other.page.getByTestId('exercise-join').click();
  await other.page.getByTestId('team-join').waitFor();
  await screenshot(other.page, 'team-join-phone');
  await joinTeam(other.page, 'Cy', 'USA');

  // Both China devices list the team, the first to join as its captain.
  for (const page of [captain.page, member.page]) {
    await expect.poll(() => page.getByTestId('team-member').allTextContents(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^Ana.*captain/), expect.stringMatching(/^Ben/)]);
    expect(await page.getByTestId('waiting-teacher').isVisible()).toBe(true);
  }
  // Each team's brief carries its own secret agenda, and no other team's.
  const chinaAgenda = new RegExp(agendaTitles('CHN').join('|'));
  await expect.poll(() => agendaText(captain.page), { timeout: 10_000 }).toMatch(chinaAgenda);
  await expect.poll(() => agendaText(member.page), { timeout: 10_000 }).toBe(await agendaText(captain.page));
  await expect.poll(() => agendaText(other.page), { timeout: 10_000 }).toMatch(new RegExp(agendaTitles('USA').join('|')));
  expect(await agendaText(other.page)).not.toMatch(chinaAgenda);
  expect(await other.page.locator('body').textContent()).not.toContain((await agendaText(captain.page))!.replace(/^.*?agenda: for your team only/, ''));
  await screenshot(member.page, 'team-room');
  // Printing gives the brief alone.
  await member.page.emulateMedia({ media: 'print' });
  expect(await member.page.getByTestId('team-roster').isVisible()).toBe(false);
  expect(await member.page.getByTestId('role-brief').isVisible()).toBe(true);
  expect(await member.page.getByTestId('brief-people').textContent()).toContain('Xi Jinping');
  expect(await member.page.getByTestId('print-brief').isVisible()).toBe(false);
  await screenshot(member.page, 'team-brief-print');
  await member.page.emulateMedia({ media: 'screen' });
  await member.page.setViewportSize({ width: 390, height: 844 });
  await screenshot(member.page, 'team-room-phone');

  await api('POST', `/api/exercises/${code}/start`, { controlToken });
  for (const page of [captain.page, member.page]) await page.getByTestId('game-screen').waitFor({ timeout: 20_000 });
  // The other powers' headline decision goes by (bots); then China is asked for orders.
  await captain.page.locator('[data-testid="order-kind"]').first().waitFor({ timeout: 60_000 });
  await member.page.locator('[data-testid="order-kind"]').first().waitFor({ timeout: 10_000 });
  await expect.poll(() => captain.page.getByTestId('team-clock').textContent(), { timeout: 10_000 }).toMatch(/^\d+:\d\d left$/);

  // An edit on one device appears on the other, both ways.
  await addOrder(captain.page, 'hold');
  await expect.poll(() => chosenOrders(member.page), { timeout: 10_000 }).toEqual(await chosenOrders(captain.page));
  await addOrder(member.page, 'hold');
  await expect.poll(() => chosenOrders(captain.page), { timeout: 10_000 }).toEqual(await chosenOrders(member.page));
  expect(await chosenOrders(captain.page)).toHaveLength(2);

  // Only the captain locks in: the other member is told who does, and has no button for it.
  expect(await member.page.getByTestId('submit-orders').count()).toBe(0);
  expect(await member.page.getByTestId('locked-by-other').textContent()).toBe("Only your captain, Ana, can lock in the team's orders.");
  await screenshot(member.page, 'team-draft-phone');
  await member.page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(member.page, 'team-draft');

  // A reload brings the member back to the same team and the same draft.
  const draft = await chosenOrders(member.page);
  await member.page.reload();
  await member.page.getByTestId('game-screen').waitFor({ timeout: 20_000 });
  await expect.poll(() => hook(member.page, (h) => h.shown()), { timeout: 20_000 }).toBe('CHN');
  await expect.poll(() => chosenOrders(member.page), { timeout: 10_000 }).toEqual(draft);

  await addOrder(captain.page, 'hold');
  await captain.page.getByTestId('submit-orders').click();
  await expect.poll(() => hook(member.page, (h) => h.view()?.seats.CHN?.orders?.length ?? 0), { timeout: 10_000 }).toBe(3);
  await expect.poll(() => member.page.locator('.locked-orders li').count(), { timeout: 10_000 }).toBe(3);

  // The United States' team (one member, its captain) locks in too, and round 2 opens with China's decision.
  await other.page.locator('[data-testid="order-kind"]').first().waitFor({ timeout: 10_000 });
  for (let i = 0; i < 3; i++) await addOrder(other.page, 'hold');
  await other.page.getByTestId('submit-orders').click();
  await member.page.getByTestId('decision-option').first().waitFor({ timeout: 60_000 });
  // Only the captain chooses: the others read the options, told who decides.
  expect(await member.page.getByTestId('decision-option').evaluateAll((nodes) => nodes.every((n) => (n as HTMLButtonElement).disabled))).toBe(true);
  expect(await member.page.getByTestId('locked-by-other').textContent()).toBe('Only your captain, Ana, chooses for the team. Talk it over first.');
  await screenshot(member.page, 'team-decision');
  await captain.page.getByTestId('decision-option').first().click();
  // China was the only one asked, so its choice is revealed at once, in every team device's log.
  await expect.poll(() => hook(member.page, (h) => h.view()!.log.some((e) => e.round === 2 && e.code === 'chose' && e.power === 'CHN')), { timeout: 10_000 }).toBe(true);

  // The brief over the game, opened from the team's panel, still has the agenda, and prints alone.
  await member.page.getByTestId('open-brief').click();
  await expect.poll(() => agendaText(member.page)).toMatch(chinaAgenda);
  await screenshot(member.page, 'team-brief-dialog');
  await member.page.emulateMedia({ media: 'print' });
  expect(await member.page.getByTestId('game-screen').isVisible()).toBe(false);
  expect(await member.page.getByTestId('role-brief').isVisible()).toBe(true);
  await member.page.emulateMedia({ media: 'screen' });
  await member.page.getByTestId('close-brief').click();

  // Control moves the member to the other team: the page follows, as that team's seat.
  const teams = await api<{ teams: Array<{ members: Array<{ id: string; name: string }> }> }>('GET', `/api/exercises/${code}`, undefined);
  const ben = teams.teams.flatMap((t) => t.members).find((m) => m.name === 'Ben')!;
  await api('POST', `/api/exercises/${code}/move`, { controlToken, member: ben.id, power: 'USA' });
  await expect.poll(() => hook(member.page, (h) => h.shown()), { timeout: 20_000 }).toBe('USA');
  await expect.poll(() => member.page.getByTestId('team-panel').textContent(), { timeout: 10_000 }).toContain('Your teacher moved you to team United States.');
  expect(await member.page.getByTestId('team-members').textContent()).toMatch(/Cy.*captain.*Ben.*you/i);
  await expect.poll(() => hook(member.page, (h) => h.view()?.seats.CHN ?? null)).toBeNull();
  await screenshot(member.page, 'team-moved');

  await captain.finish();
  await member.finish();
  await other.finish();
});

test("when the orders timer runs out, the team's draft is locked in as it stands", async () => {
  server.logOnFailure();
  const { code, controlToken } = await api<{ code: string; controlToken: string }>('POST', '/api/exercises', { teamSize: 2, teams: ['CHN'], orderSeconds: 15, bots: 'easy' });
  const student = await openBrowser(`/?exercise=${code}`, server.url);
  await joinTeam(student.page, 'Ana', 'CHN');
  await api('POST', `/api/exercises/${code}/start`, { controlToken });
  await student.page.locator('[data-testid="order-kind"]').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => student.page.getByTestId('team-clock').textContent(), { timeout: 5_000 }).toMatch(/^0:\d\d left$/);
  await addOrder(student.page, 'build');
  const [drafted] = await chosenOrders(student.page);
  // Nobody locks in: at the deadline the server does, with holds for the orders not drafted, and the round is revealed.
  await expect.poll(() => hook(student.page, (h) => h.view()!.history[0]?.orders.CHN ?? null), { timeout: 30_000 }).toEqual([JSON.parse(drafted!), { kind: 'hold' }, { kind: 'hold' }]);
  await student.finish();
});
