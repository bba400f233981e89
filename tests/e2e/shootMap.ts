/**
 * node --import tsx tests/e2e/shootMap.ts
 *
 * Opens the map preview in headless Chromium and saves screenshots to
 * test-artifacts/ for a person to look at: the whole map, a zoom on the Korean
 * peninsula with a theatre chosen by clicking the sea, the whole map at
 * devicePixelRatio 2, and the whole map in a panel the size of the game screen's. Fails if the canvas is blank (Phaser fell back to an empty
 * canvas), if the map never becomes ready, or if a click on the sea does not choose
 * the theatre under it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from '../../src/cli/chromium.js';
import { canvasColours } from './canvasColours.js';

const OUT = 'test-artifacts';
const VIEWPORT = { width: 1280, height: 800 };

type Position = { x: number; y: number };

mkdirSync(OUT, { recursive: true });
// Port 0: the system picks a free port, so parallel runs never collide.
const server = await createServer({ logLevel: 'warn', server: { host: '127.0.0.1', port: 0, strictPort: true } });
await server.listen();
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('vite did not report a URL');

try {
  await withPage(1, async (page) => {
    await openPreview(page, `${base}tests/e2e/map-preview.html?covert`);
    await assertCanvasNotBlank(page);
    await page.screenshot({ path: join(OUT, 'map.png') });

    // Zoom on the peninsula with the wheel, as a player would.
    const dmz = await positionOf(page, 'DMZ');
    const whole = dmz;
    await page.mouse.move(dmz.x, dmz.y);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -240);
    await settle(page);
    // Click open water of the Yellow Sea, away from its name, to exercise the canvas hit test.
    const sea = await positionOf(page, 'YELLOW_SEA');
    await page.mouse.click(sea.x - 30, sea.y + 70);
    const selected = await page.evaluate(() => window.__MAP_PREVIEW__!.selected());
    if (selected !== 'YELLOW_SEA') throw new Error(`a click on the Yellow Sea chose ${selected}`);
    // Hover the Sea of Japan / East Sea off Korea's east coast, so the shot shows a hover next to the selection.
    const dmzNow = await positionOf(page, 'DMZ');
    await page.mouse.move(dmzNow.x + 260, dmzNow.y + 120);
    await settle(page);
    await assertCanvasNotBlank(page);
    await page.screenshot({ path: join(OUT, 'map-zoomed.png') });

    // The canvas has focus after the click: "0" on the keyboard shows the whole map again.
    await page.keyboard.press('0');
    await settle(page);
    const back = await positionOf(page, 'DMZ');
    if (Math.hypot(back.x - whole.x, back.y - whole.y) > 1) throw new Error(`"0" did not return to the whole map: ${JSON.stringify({ whole, back })}`);
  });

  await withPage(2, async (page) => {
    await openPreview(page, `${base}tests/e2e/map-preview.html?covert`);
    await assertCanvasNotBlank(page);
    await page.screenshot({ path: join(OUT, 'map@2x.png') });
  });
  // About the size of the map panel on the game screen, where names and counters go compact.
  await withPage(1, async (page) => {
    await openPreview(page, `${base}tests/e2e/map-preview.html`);
    await assertCanvasNotBlank(page);
    await page.screenshot({ path: join(OUT, 'map-small.png') });
  }, { width: 800, height: 600 });
  console.log(`saved ${OUT}/map.png, ${OUT}/map-zoomed.png, ${OUT}/map@2x.png, ${OUT}/map-small.png`);
} finally {
  await server.close();
}

async function withPage(deviceScaleFactor: number, use: (page: Page) => Promise<void>, viewport = VIEWPORT): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'triangles-shoot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    viewport,
    deviceScaleFactor,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(page);
    if (errors.length > 0) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function openPreview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__MAP_PREVIEW__ !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => window.__MAP_PREVIEW__!.map.ready);
  await settle(page);
}

async function positionOf(page: Page, theatre: string): Promise<Position> {
  const position = await page.evaluate((id) => window.__MAP_PREVIEW__!.map.screenPositionOf(id), theatre);
  if (!position) throw new Error(`no position for ${theatre}`);
  return position;
}

/** Long enough for the crisp front layer to be repainted after the last pan or zoom. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600);
}

/**
 * Reads the canvas as the screen shows it (a screenshot of the canvas alone, with the
 * DOM overlay hidden), decoded in the page: a blank or single-colour canvas fails.
 */
async function assertCanvasNotBlank(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.tm-overlay { visibility: hidden !important; }' });
  const png = await page.locator('canvas').screenshot();
  await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.textContent?.includes('visibility: hidden !important') && s.remove()));
  const stats = await canvasColours(page, png);
  if (stats.distinct < 6 || stats.flatShare > 0.8) {
    throw new Error(`the map canvas looks blank: ${JSON.stringify(stats)}`);
  }
  console.log(`canvas ${stats.width}×${stats.height}: ${stats.distinct} colours, commonest ${(stats.flatShare * 100).toFixed(0)}%`);
}
