/**
 * Control's pages on the real game server, by clicking: the create-exercise form (a
 * broken scenario file listed with its line numbers, then a shipped scenario), the
 * setup room (code, student link, QR code, moving a student who joined), the private
 * Control link opened in a second browser, the start, and the console's commands —
 * pause, resume, a headline put on top, a written inject, an adjudication and the end —
 * each seen in the console's log and in what it changed. Then an exercise of Control's
 * own (valid) file: created, deleted after the confirmation, and run from the console.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaultScenario.js';
import { openBrowser, screenshot } from './browser.js';
import { logText, trackValue, writeInject } from './exercisePages.js';
import { startGameServer, type GameServer } from './gameServer.js';

let server: GameServer;

beforeAll(async () => {
  server = await startGameServer();
});

afterAll(async () => {
  await server?.close();
});

/** The shipped scenario with a bad id: the check must point at the line and column where it is. */
function brokenScenario(): { yaml: string; line: number; col: number } {
  const lines = readFileSync(`scenarios/${DEFAULT_SCENARIO}.yaml`, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.startsWith('id: '));
  lines[index] = 'id: Not_An_Id';
  return { yaml: lines.join('\n'), line: index + 1, col: 'id: '.length + 1 };
}

const teamText = (page: Page, power: string) => page.locator(`[data-testid="setup-team"][data-power="${power}"]`).textContent();

test('Control creates an exercise, reopens it on a second device, starts it and runs it from the console', async () => {
  server.logOnFailure();
  const teacher = await openBrowser('/', server.url);
  const page = teacher.page;

  // The start screen's entry leads to the create-exercise form.
  await screenshot(page, 'control-start-entry');
  await page.getByTestId('run-exercise').click();
  await page.getByTestId('create-exercise-screen').waitFor();

  // A broken file is checked at once: every problem with its line and column, and nothing is created.
  const broken = brokenScenario();
  await page.locator('[data-testid="create-scenario"][value=""]').check();
  await page.getByTestId('create-file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken.yaml) });
  await expect.poll(() => page.getByTestId('create-file-report').textContent(), { timeout: 10_000 }).toContain('broken.yaml has 1 problem');
  expect(await page.getByTestId('scenario-problems').textContent()).toContain(`line ${broken.line}, column ${broken.col}`);
  await screenshot(page, 'control-create-bad-file');
  await page.getByTestId('create-exercise').click();
  expect(await page.locator('#create-error').textContent()).toContain('has problems');

  // Then a shipped scenario: two rounds, a long orders timer, teams of three for China and the United States, easy bots.
  await page.locator(`[data-testid="create-scenario"][value="${DEFAULT_SCENARIO}"]`).check();
  await page.getByTestId('create-rounds').fill('2');
  await page.getByTestId('create-seconds').fill('600');
  await page.getByTestId('create-team-size').fill('3');
  for (const power of ['RUS', 'PRK', 'JPN', 'KOR']) await page.locator(`[data-testid="create-team"][data-power="${power}"]`).uncheck();
  await page.getByTestId('create-bots').selectOption('easy');
  await page.getByTestId('create-exercise').click();

  // The setup room: the code, the student link, its QR code and the private link.
  await page.getByTestId('control-setup').waitFor({ timeout: 15_000 });
  const code = (await page.getByTestId('control-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  expect(page.url()).toBe(`${server.url}/?control=${code}`);
  expect(await page.getByTestId('student-link').textContent()).toBe(`${server.url}/?exercise=${code}`);
  await page.getByTestId('control-qr').waitFor();
  expect((await page.locator('[data-testid="control-qr"] path').getAttribute('d'))!.length).toBeGreaterThan(100);
  const privateLink = await page.getByTestId('private-link').inputValue();
  expect(privateLink).toMatch(new RegExp(`^${server.url}/\\?control=${code}#key=.+`));

  // A student joins (through the API, as the team screens do); Control moves them to the other team.
  const joined = await fetch(`${server.url}/api/exercises/${code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ana', power: 'CHN' }) });
  expect(joined.status).toBe(200);
  await expect.poll(() => teamText(page, 'CHN'), { timeout: 10_000 }).toContain('Ana');
  expect(await teamText(page, 'RUS')).toContain('Bot');
  await page.locator('[data-testid="setup-team"][data-power="CHN"] [data-testid="move-to"]').selectOption('USA');
  await page.locator('[data-testid="setup-team"][data-power="CHN"] [data-testid="move-member"]').click();
  await expect.poll(() => teamText(page, 'USA'), { timeout: 10_000 }).toContain('Ana');
  expect(await teamText(page, 'CHN')).not.toContain('Ana');
  await screenshot(page, 'control-setup-room');

  // Another browser without the token is told so; the private link lets it in and leaves no token in the address.
  const second = await openBrowser(`/?control=${code}`, server.url);
  await second.page.getByTestId('control-no-token').waitFor();
  await second.page.goto(privateLink);
  await second.page.getByTestId('control-setup').waitFor({ timeout: 15_000 });
  expect(second.page.url()).toBe(`${server.url}/?control=${code}`);
  await expect.poll(() => teamText(second.page, 'USA'), { timeout: 10_000 }).toContain('Ana');

  // Start: both Control pages go on to the console (the second hears of it by polling).
  await page.getByTestId('control-start').click();
  await page.getByTestId('control-console').waitFor({ timeout: 15_000 });
  await second.page.getByTestId('control-console').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.getByTestId('console-step').textContent(), { timeout: 15_000 }).toMatch(/Decision|Orders/);
  // Every seat's secrets: each power's agenda is on the console.
  expect(await page.locator('[data-testid="console-seat"] >> text=Secret agenda').count()).toBe(6);
  // (Matched on the seat's team line only: a card in another seat's hand may contain the letters "ana".)
  expect(await page.getByTestId('console-seat').filter({ has: page.getByTestId('seat-team').filter({ hasText: 'Ana' }) }).getAttribute('data-power')).toBe('USA');

  // Resume is refused until paused, and says why.
  expect(await page.getByTestId('command-resume').isDisabled()).toBe(true);
  expect(await page.locator('#why-resume').textContent()).toContain('not paused');
  await page.getByTestId('command-pause').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Control paused the exercise.');
  expect(await page.getByTestId('console-result').textContent()).toBe('Sent: pause.');
  await expect.poll(() => page.getByTestId('console-clock').textContent()).toContain('Paused');
  await expect.poll(() => page.getByTestId('command-pause').isDisabled()).toBe(true);
  await page.getByTestId('command-resume').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Control resumed the exercise.');

  // A headline from the pool on top: logged without saying which.
  await page.locator('[data-testid="put-on-top"]:not([disabled])').first().click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Control put a headline on top');

  // A flag is offered by its label, never its id; added, it reads as the cards read it (then removed again).
  await page.getByTestId('effect-kind').selectOption('setFlag');
  expect(await page.getByTestId('effect-flag').locator('option').allTextContents()).toEqual([
    'the Russia–North Korea arms-for-technology channel',
    'the Russia–North Korea mutual-assistance treaty',
  ]);
  await page.getByTestId('effect-flag').selectOption('rus-prk-treaty');
  await page.getByTestId('add-effect').click();
  expect(await page.getByTestId('inject-effects').textContent()).toContain('Now in force: the Russia–North Korea mutual-assistance treaty');
  await page.getByTestId('inject-effects').getByRole('button').click();
  expect(await page.getByTestId('inject-effects').textContent()).not.toContain('Now in force');

  // A written inject with one effect from the menu: Tension +2.
  const tension = await trackValue(page, 'tension');
  await writeInject(page, { title: 'Summit in Busan collapses', text: 'The talks end early; both delegations leave without a statement.', track: 'tension', delta: 2 });
  expect(await page.getByTestId('inject-effects').textContent()).toContain('Tension +2');
  await page.getByTestId('send-inject').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Inject: Summit in Busan collapses.');
  await expect.poll(() => trackValue(page, 'tension')).toBe(Math.min(10, tension + 2));

  // An adjudication with a reason; an empty reason is refused before sending.
  await page.getByTestId('adjudicate-subject').selectOption('polarisation');
  await page.getByTestId('adjudicate-value').fill('3');
  await page.getByTestId('send-adjudicate').click();
  expect(await page.locator('#adjudicate-error').textContent()).toContain('Write the reason');
  await page.getByTestId('adjudicate-reason').fill('The class agreed the blocs drew apart');
  await page.getByTestId('send-adjudicate').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Control set Polarisation to 3: The class agreed the blocs drew apart');
  await expect.poll(() => trackValue(page, 'polarisation')).toBe(3);

  // This round's record lists Control's commands, in order; the other device sees the same log.
  const record = await page.getByTestId('console-record').textContent();
  for (const words of ['pause', 'resume', 'put a headline on top', 'inject “Summit in Busan collapses”', 'set Polarisation to 3']) expect(record).toContain(words);
  await expect.poll(() => logText(second.page), { timeout: 10_000 }).toContain('Control set Polarisation to 3');
  expect(await page.getByTestId('projector-link').getAttribute('href')).toBe(`${server.url}/?projector=${code}`);
  expect(await page.getByTestId('debrief-link').getAttribute('href')).toBe(`${server.url}/?debrief=${code}`);
  await screenshot(page, 'control-console');

  // The end asks first; then the exercise is over on every Control page, and no command is offered.
  await page.getByTestId('command-end').click();
  await page.getByTestId('end-no').click();
  expect(await logText(page)).not.toContain('Control ended the exercise.');
  await page.getByTestId('command-end').click();
  await page.getByTestId('end-yes').click();
  await expect.poll(() => page.getByTestId('console-step').textContent(), { timeout: 10_000 }).toBe('The exercise is over');
  await expect.poll(() => logText(second.page), { timeout: 10_000 }).toContain('Control ended the exercise.');
  for (const kind of ['pause', 'resume', 'advance', 'end', 'extend', 'setTimer']) expect(await page.getByTestId(`command-${kind}`).isDisabled(), kind).toBe(true);

  await teacher.finish();
  await second.finish();
});

test('Control creates an exercise of its own scenario file, and deletes it from its setup room after saying yes', async () => {
  server.logOnFailure();
  const control = await openBrowser('/?control=new', server.url);
  const page = control.page;
  await page.getByTestId('create-exercise-screen').waitFor();
  await page.locator('[data-testid="create-scenario"][value=""]').check();
  const yaml = readFileSync(`scenarios/${DEFAULT_SCENARIO}.yaml`, 'utf8').replace(/^title: .*$/m, 'title: "Our own triangle"');
  await page.getByTestId('create-file').setInputFiles({ name: 'ours.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await expect.poll(() => page.getByTestId('create-file-report').textContent(), { timeout: 10_000 }).toBe('ours.yaml has no problems.');
  await page.getByTestId('create-exercise').click();
  await page.getByTestId('control-setup').waitFor({ timeout: 15_000 });
  // The room names the uploaded scenario, read back from the server (the page's bundle does not have it).
  expect(await page.getByTestId('control-setup').locator('.tagline').textContent()).toBe('Our own triangle');
  const code = (await page.getByTestId('control-code').textContent())!.trim();
  const controlToken = await page.evaluate((c) => window.localStorage.getItem(`triangles.control.${c}`), code);
  expect(controlToken).toBeTruthy();
  expect(await page.getByTestId('private-link').inputValue()).toBe(`${server.url}/?control=${code}#key=${encodeURIComponent(controlToken!)}`);
  // On a teacher's phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('control-qr').waitFor();
  await screenshot(page, 'control-setup-phone');

  await page.getByTestId('control-delete').click();
  await page.getByRole('button', { name: 'Keep it' }).click();
  expect((await fetch(`${server.url}/api/exercises/${code}`)).status).toBe(200);
  await page.getByTestId('control-delete').click();
  await page.getByTestId('control-delete-yes').click();
  await page.getByTestId('control-deleted').waitFor({ timeout: 10_000 });
  expect((await fetch(`${server.url}/api/exercises/${code}`)).status).toBe(404);
  // The token goes with it: this browser holds nothing for the code any more.
  expect(await page.evaluate((c) => window.localStorage.getItem(`triangles.control.${c}`), code)).toBeNull();
  await control.finish();
});

test('the console runs an exercise of an uploaded scenario, which the page reads from the server', async () => {
  server.logOnFailure();
  const yaml = readFileSync(`scenarios/${DEFAULT_SCENARIO}.yaml`, 'utf8').replace(/^title: .*$/m, 'title: "Our own triangle"');
  const created = await fetch(`${server.url}/api/exercises`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ teamSize: 2, scenarioYaml: yaml, bots: 'easy' }) });
  expect(created.status).toBe(201);
  const { code, controlToken } = (await created.json()) as { code: string; controlToken: string };
  // One student's team keeps the match waiting at its first step (six bots would play it out at once).
  await fetch(`${server.url}/api/exercises/${code}/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bo', power: 'JPN' }) });
  const control = await openBrowser(`/?control=${code}#key=${encodeURIComponent(controlToken)}`, server.url);
  const page = control.page;
  await page.getByTestId('control-setup').waitFor({ timeout: 15_000 });
  await page.getByTestId('control-start').click();
  await expect.poll(() => page.getByTestId('console-step').textContent(), { timeout: 15_000 }).toMatch(/Decision|Orders/);
  await page.getByTestId('command-pause').click();
  await expect.poll(() => logText(page), { timeout: 10_000 }).toContain('Control paused the exercise.');
  await control.finish();
});
