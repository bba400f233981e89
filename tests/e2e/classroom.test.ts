/**
 * A whole classroom exercise in real Chromium against a real game server, every step
 * by clicking: Control creates it with the form (China and the United States played
 * by teams of two, the other powers by bots, two rounds); a projector shows the join
 * code; four students join by typing the code; Control starts from the setup room.
 * Each team's two members draft together and see each other's orders live; a student
 * writes in the team chat, which Control reads and mutes from the console. In round 1
 * Control injects and adjudicates and both captains lock in; in round 2 China's
 * captain decides the headline and locks in, while the United States' draft is left to
 * a short timer Control sets from the console, and the server locks it in. The
 * projector shows each reveal and nothing secret (in its DOM and on its socket).
 * Control opens the debrief: its JSON and CSV downloads parse and match the API's
 * debrief, the drafts the teams locked in and the reveals the projector showed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PowerId } from '../../src/game/powers.js';
import type { Order } from '../../src/game/types.js';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import { loadScenarioFolder } from '../../src/server/scenarios.js';
import type { Debrief } from '../../src/server/exercise/debrief.js';
import { orderText } from '../../src/view/orderModel.js';
import { POWER_NAME } from '../../src/view/text/en.js';
import { parseCsv } from '../helpers/csv.js';
import { openBrowser, screenshot, type Session } from './browser.js';
import { addOrder, chosenOrders, debriefApi, download, joinTeam, logText, trackValue, writeInject } from './exercisePages.js';
import { startGameServer, type GameServer } from './gameServer.js';

let server: GameServer;
const sc = loadScenarioFolder('scenarios').get(DEFAULT_SCENARIO)!;
const BOTS: PowerId[] = ['RUS', 'PRK', 'JPN', 'KOR'];

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

const draftOf = async (page: Page): Promise<Order[]> => (await chosenOrders(page)).map((o) => JSON.parse(o) as Order);
const channel = (page: Page, name: string) => page.locator(`[data-testid="chat-channel"][data-channel="${name}"]`);
const chatTexts = (page: Page) => page.locator('[data-testid="chat-line"] .chat-text').allTextContents();

/** The projector's reveal, power by power, as the room reads it. */
async function revealRows(page: Page): Promise<Record<string, string>> {
  const rows = await page.locator('[data-testid="reveal"] li[data-power]').evaluateAll((nodes) =>
    nodes.map((n) => [(n as HTMLElement).dataset.power!, n.querySelector('.reveal-orders')!.textContent!.trim()]),
  );
  return Object.fromEntries(rows);
}

/** A student types the code on the start screen, then joins a team by the form. */
async function joinByCode(page: Page, code: string, name: string, power: PowerId): Promise<void> {
  await page.getByTestId('exercise-code').fill(code);
  await page.getByTestId('exercise-join').click();
  await joinTeam(page, name, power);
}

/**
 * Until the team is asked for orders: whenever it is asked to decide, the other member
 * sees the options greyed out and the captain chooses the first. Returns the choices made.
 */
async function decideUntilOrders(captain: Page, member: Page): Promise<string[]> {
  const chosen: string[] = [];
  const open = '[data-testid="order-kind"], [data-testid="decision-option"]:not([disabled])';
  for (;;) {
    await captain.locator(open).first().waitFor({ timeout: 60_000 });
    if ((await captain.getByTestId('order-kind').count()) > 0) return chosen;
    await member.getByTestId('decision-option').first().waitFor({ timeout: 10_000 });
    expect(await member.getByTestId('decision-option').evaluateAll((nodes) => nodes.every((n) => (n as HTMLButtonElement).disabled))).toBe(true);
    const option = captain.locator('[data-testid="decision-option"]:not([disabled])').first();
    chosen.push((await option.getAttribute('data-option'))!);
    await option.click();
    await captain.locator('[data-testid="decision-option"]:not([disabled])').first().waitFor({ state: 'detached', timeout: 10_000 });
  }
}

/**
 * Until Control's console says the exercise is over: a captain takes any decision still
 * open for the team (a crisis can break out as the last round ends), the first option.
 */
async function decideUntilOver(control: Page, captains: Array<[Page, string[]]>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await control.getByTestId('console-step').textContent()) !== 'The exercise is over') {
    if (Date.now() > deadline) throw new Error('the exercise did not end within 60 s');
    for (const [captain, chosen] of captains) {
      const option = captain.locator('[data-testid="decision-option"]:not([disabled])').first();
      if ((await option.count()) === 0) continue;
      const id = await option.getAttribute('data-option', { timeout: 1_000 }).catch(() => null);
      // The option may go between the look and the click (the step moved on): only a click that landed counts.
      if (id && (await option.click({ timeout: 2_000 }).then(() => true, () => false))) chosen.push(id);
    }
    await control.waitForTimeout(250);
  }
}

/** The member adds an order, the captain sees it; the captain adds one, the member sees it. */
async function draftTogether(captain: Page, member: Page): Promise<void> {
  await member.getByTestId('order-kind').first().waitFor({ timeout: 10_000 });
  await addOrder(member, 'build');
  await expect.poll(() => chosenOrders(captain), { timeout: 10_000 }).toEqual(await chosenOrders(member));
  await addOrder(captain, 'hold');
  await expect.poll(() => chosenOrders(member), { timeout: 10_000 }).toEqual(await chosenOrders(captain));
  expect(await chosenOrders(captain)).toHaveLength(2);
}

/** The captain completes the draft and locks it in: the orders as locked in. */
async function lockIn(captain: Page): Promise<Order[]> {
  await addOrder(captain, 'hold');
  const orders = await draftOf(captain);
  await captain.getByTestId('submit-orders').click();
  // Locked in, the draft can no longer be sent (the round may already be revealed if the other team was done).
  await captain.getByTestId('submit-orders').waitFor({ state: 'detached', timeout: 10_000 });
  return orders;
}

test('a whole lesson: Control, a projector and two teams of two run a two-round exercise and its debrief, all by clicking', async () => {
  server.logOnFailure();
  const sessions = await Promise.all(Array.from({ length: 6 }, () => openBrowser('/', server.url)));
  const [control, projector, ana, ben, cy, dee] = sessions as [Session, Session, Session, Session, Session, Session];
  const page = control.page;

  // Control creates the exercise with the form.
  await page.getByTestId('run-exercise').click();
  await page.getByTestId('create-exercise-screen').waitFor();
  // The teacher's guide opens over the form, and closes back to it.
  await page.getByTestId('open-teacher-guide').click();
  await expect.poll(() => page.getByTestId('teacher-guide').locator('h3').allTextContents(), { timeout: 10_000 }).toContain('The 50-minute lesson');
  await page.getByTestId('teacher-guide').screenshot({ path: 'test-artifacts/classroom-teacher-guide.png' });
  await page.getByTestId('close-teacher-guide').click();
  await page.getByTestId('teacher-guide').waitFor({ state: 'detached' });
  await page.locator(`[data-testid="create-scenario"][value="${DEFAULT_SCENARIO}"]`).check();
  await page.getByTestId('create-rounds').fill('2');
  await page.getByTestId('create-seconds').fill('600');
  await page.getByTestId('create-team-size').fill('2');
  for (const power of BOTS) await page.locator(`[data-testid="create-team"][data-power="${power}"]`).uncheck();
  await page.getByTestId('create-bots').selectOption('easy');
  await screenshot(page, 'classroom-create-form');
  await page.getByTestId('create-exercise').click();
  await page.getByTestId('control-setup').waitFor({ timeout: 15_000 });
  const code = (await page.getByTestId('control-code').textContent())!.trim();
  const controlToken = (await page.evaluate((c) => window.localStorage.getItem(`triangles.control.${c}`), code))!;
  expect(controlToken).toBeTruthy();

  // The projector: every frame its socket receives is kept, to check that nothing secret came.
  const frames: string[] = [];
  projector.page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  await projector.page.setViewportSize({ width: 1920, height: 1080 });
  // The setup room links to it, for the computer that drives the projector.
  const projectorLink = (await page.getByTestId('setup-projector-link').getAttribute('href'))!;
  expect(projectorLink).toBe(`${server.url}/?projector=${code}`);
  await projector.page.goto(projectorLink);
  await expect.poll(() => projector.page.getByTestId('projector-code').textContent(), { timeout: 15_000 }).toBe(code);

  // Students type the code; the first on each team is its captain.
  await Promise.all([joinByCode(ana.page, code, 'Ana', 'CHN'), joinByCode(cy.page, code, 'Cy', 'USA')]);
  await Promise.all([joinByCode(ben.page, code, 'Ben', 'CHN'), joinByCode(dee.page, code, 'Dee', 'USA')]);
  for (const power of ['CHN', 'USA']) {
    await expect.poll(() => projector.page.locator(`[data-testid="projector-teams"] li[data-power="${power}"]`).textContent(), { timeout: 10_000 }).toContain('2 students');
  }
  const team = (power: PowerId) => page.locator(`[data-testid="setup-team"][data-power="${power}"]`).textContent();
  await expect.poll(() => team('CHN'), { timeout: 10_000 }).toMatch(/Ana.*Ben/);
  await expect.poll(() => team('USA'), { timeout: 10_000 }).toMatch(/Cy.*Dee/);
  await screenshot(page, 'classroom-setup-room');
  await screenshot(projector.page, 'classroom-projector-join');

  // Control starts from the setup room; every device goes on to the game.
  await page.getByTestId('control-start').click();
  await page.getByTestId('control-console').waitFor({ timeout: 15_000 });
  for (const student of [ana, ben, cy, dee]) await student.page.getByTestId('game-screen').waitFor({ timeout: 20_000 });
  await projector.page.getByTestId('map').waitFor({ timeout: 15_000 });

  // Round 1: the teams draft together.
  const decisions = { CHN: [] as string[], USA: [] as string[] };
  await Promise.all([
    decideUntilOrders(ana.page, ben.page).then((c) => decisions.CHN.push(...c)),
    decideUntilOrders(cy.page, dee.page).then((c) => decisions.USA.push(...c)),
  ]);
  await Promise.all([draftTogether(ana.page, ben.page), draftTogether(cy.page, dee.page)]);
  await screenshot(ben.page, 'classroom-team-draft');
  // The console shows each team's draft as it stands.
  await expect.poll(() => page.locator('[data-testid="console-seat"][data-power="CHN"] li').first().textContent(), { timeout: 10_000 }).toBeTruthy();

  // Ben writes in his team's chat: Control reads it, and mutes the team's conversation.
  await channel(ben.page, 'team:CHN').click();
  await ben.page.getByTestId('chat-input').fill('Build first, then hold?');
  await ben.page.getByTestId('chat-send').click();
  await expect.poll(() => chatTexts(ben.page), { timeout: 10_000 }).toContain('Build first, then hold?');
  await channel(page, 'team:CHN').click();
  await expect.poll(() => chatTexts(page), { timeout: 10_000 }).toContain('Build first, then hold?');
  await page.getByTestId('chat-mute').click();
  await expect.poll(() => ben.page.getByTestId('chat-status').textContent(), { timeout: 10_000 }).toContain('Control has muted this conversation');
  expect(await ben.page.getByTestId('chat-input').isDisabled()).toBe(true);

  // Control injects (a written inject with an effect) and adjudicates (a track with a reason).
  const tension = await trackValue(page, 'tension');
  await writeInject(page, { title: 'Border crossing closed', text: 'Trucks queue at Dandong while the customs post stays shut.', track: 'tension', delta: 1 });
  await page.getByTestId('send-inject').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Inject: Border crossing closed.');
  await expect.poll(() => trackValue(page, 'tension')).toBe(Math.min(10, tension + 1));
  const polarisation = await trackValue(page, 'polarisation');
  const ruled = polarisation > 0 ? polarisation - 1 : polarisation + 1;
  await page.getByTestId('adjudicate-subject').selectOption('polarisation');
  await page.getByTestId('adjudicate-value').fill(String(ruled));
  await page.getByTestId('adjudicate-reason').fill('Both teams sent envoys to Seoul');
  await page.getByTestId('send-adjudicate').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Both teams sent envoys to Seoul');
  await expect.poll(() => trackValue(page, 'polarisation')).toBe(ruled);
  await screenshot(page, 'classroom-console');

  // Both captains lock in.
  const locked: Record<number, Partial<Record<PowerId, Order[]>>> = { 1: {}, 2: {} };
  [locked[1]!.CHN, locked[1]!.USA] = await Promise.all([lockIn(ana.page), lockIn(cy.page)]);

  // Round 2: the projector shows round 1's reveal; China's captain decides the headline.
  await expect.poll(() => projector.page.locator('[data-testid="reveal"]').getAttribute('data-round'), { timeout: 60_000 }).toBe('1');
  const reveals: Record<number, Record<string, string>> = { 1: await revealRows(projector.page) };
  await screenshot(projector.page, 'classroom-projector-reveal');
  await Promise.all([
    decideUntilOrders(ana.page, ben.page).then((c) => decisions.CHN.push(...c)),
    decideUntilOrders(cy.page, dee.page).then((c) => decisions.USA.push(...c)),
  ]);
  expect(decisions.CHN.length + decisions.USA.length, 'a captain chose in a decision').toBeGreaterThan(0);
  await Promise.all([draftTogether(ana.page, ben.page), draftTogether(cy.page, dee.page)]);
  locked[2]!.CHN = await lockIn(ana.page);

  // Nothing secret on the projector mid-game: no agenda, and no card that is in a hand now (the console lists them).
  const hands = await page.locator('[data-testid="console-seat"] details li').allTextContents();
  expect(hands.length).toBeGreaterThan(0);
  const shown = await projector.page.locator('body').innerText();
  // (A few cards share their title with a headline's or crisis's option, which the room may read.)
  const publicWords = new Set([...sc.headlines, ...sc.crises].flatMap((card) => card.decision?.options.map((o) => o.label) ?? []));
  for (const title of hands) if (!publicWords.has(title)) expect(shown, 'a card in a hand').not.toContain(title);
  for (const agenda of sc.agendas) expect(shown, 'an agenda').not.toContain(agenda.title);
  // Until the end reveals them, no agenda reached the projector's socket either.
  const beforeTheEnd = frames.length;

  // The United States' captain does not lock in: Control sets a short timer, and at its end the server locks the draft in.
  const usaDraft = await draftOf(cy.page);
  await page.getByTestId('timer-seconds').fill('6');
  await page.getByTestId('command-setTimer').click();
  await expect.poll(() => dee.page.getByTestId('team-clock').textContent(), { timeout: 5_000 }).toMatch(/^0:0\d left$/);
  locked[2]!.USA = [...usaDraft, { kind: 'hold' }];

  // The end: every device hears of it; the projector shows round 2's reveal and the ranking.
  await decideUntilOver(page, [
    [ana.page, decisions.CHN],
    [cy.page, decisions.USA],
  ]);
  await expect.poll(() => projector.page.locator('[data-testid="reveal"]').getAttribute('data-round'), { timeout: 15_000 }).toBe('2');
  reveals[2] = await revealRows(projector.page);
  await expect.poll(() => projector.page.locator('[data-testid="projector-ranking"] li').count(), { timeout: 10_000 }).toBe(6);
  // Nothing secret reached the projector's socket: no hand, draft, deck or team chat ever, no agenda before the end.
  expect(frames.filter((f) => f.includes('"tracks"')).length).toBeGreaterThan(0);
  frames.forEach((frame, index) => {
    expect(frame).not.toMatch(/"(hand|draft|decks|secret)"\s*:/);
    expect(frame).not.toContain('Build first, then hold?');
    if (index < beforeTheEnd) for (const agenda of sc.agendas) expect(frame).not.toContain(agenda.id);
  });

  // Control opens the debrief from the console, in a new tab.
  const [debrief] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('debrief-link').click()]);
  await expect.poll(() => debrief.locator('.debrief-round').count(), { timeout: 15_000 }).toBe(2);
  const fromApi = await debriefApi(server.url, code, controlToken);
  const json = JSON.parse(await download(debrief, 'debrief-json')) as Debrief;
  expect(json).toEqual(fromApi);
  expect(json.over).toBe(true);
  expect(json.timeline.map((r) => r.round)).toEqual([1, 2]);

  // The orders: the teams' locked-in drafts (the timer's too), and every power's as the projector revealed them.
  for (const round of json.timeline) {
    for (const power of ['CHN', 'USA'] as const) expect(round.orders[power], `${power} in round ${round.round}`).toEqual(locked[round.round]![power]);
    const revealed = Object.fromEntries(Object.entries(round.orders).map(([power, orders]) => [power, `${POWER_NAME[power as PowerId]}: ${orders!.map((o) => orderText(sc, o)).join(' · ')}`]));
    expect(revealed, `round ${round.round} as revealed`).toEqual(reveals[round.round]);
  }
  // The decisions the captains made, the inject and the adjudication with its reason.
  const decided = json.timeline.flatMap((r) => [r.decisions.headline, r.decisions.crisis]);
  for (const power of ['CHN', 'USA'] as const) expect(decided.map((d) => d[power]).filter(Boolean)).toEqual(decisions[power]);
  expect(json.timeline[0]!.injects).toEqual([{ title: 'Border crossing closed', text: 'Trucks queue at Dandong while the customs post stays shut.' }]);
  expect(json.timeline[0]!.adjudications).toEqual([{ what: 'polarisation', from: polarisation, to: ruled, reason: 'Both teams sent envoys to Seoul' }]);
  const taking = (power: PowerId) => json.participation.find((p) => p.power === power)!;
  expect(taking('CHN')).toMatchObject({ members: 2, chatMessages: 1 });
  expect(taking('USA')).toMatchObject({ members: 2, chatMessages: 0 });

  // The CSV: a row per round and power, the same orders, the inject and the reason on round 1's rows.
  const [headers, ...rows] = parseCsv(await download(debrief, 'debrief-csv'));
  expect(rows).toHaveLength(2 * 6);
  const cell = (row: string[], name: string) => row[headers!.indexOf(name)]!;
  for (const row of rows) {
    const round = json.timeline[Number(cell(row, 'round')) - 1]!;
    const orders = round.orders[cell(row, 'power') as PowerId]!;
    expect(cell(row, 'orders').split('; ').map((o) => o.split(':')[0])).toEqual(orders.map((o) => o.kind));
    if (round.round === 1) {
      expect(cell(row, 'injects')).toContain('Border crossing closed');
      expect(cell(row, 'adjudications')).toContain('Both teams sent envoys to Seoul');
    }
  }
  await screenshot(debrief, 'classroom-debrief');
  await debrief.locator('.debrief-round[data-round="1"]').screenshot({ path: 'test-artifacts/classroom-debrief-round1.png' });

  for (const session of sessions) await session.finish();
}, 180_000);
