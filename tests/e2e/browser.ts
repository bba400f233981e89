/**
 * Real Chromium for the browser tests: a fresh profile per test, every console error
 * and page error collected (a test fails on any), helpers that read the game through
 * the read-only test hook, and a check that the map canvas actually drew something.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect, inject, onTestFinished } from 'vitest';
import type { TestHook } from '../../src/client/testHook.js';
import { canvasColours, type CanvasColours } from './canvasColours.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../../src/cli/chromium.js';


const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export interface Session {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Console warnings (bot trouble is reported there): printed when the test fails. */
  warnings: string[];
  /** Fails the test if the page logged any error. Call at the end of every test. */
  finish(): Promise<void>;
}

/** A fresh Chromium on the page at `path`, served by the e2e preview server unless another base (the game server) is given. */
export async function openBrowser(path = '/', baseUrl = inject('baseUrl')): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`);
  const profile = await mkdtemp(join(tmpdir(), 'triangles-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const errors: string[] = [];
  const warnings: string[] = [];
  onTestFinished(async ({ task }) => {
    // A stalled game usually has its cause in a warning (a bot's refused move): show them with the failure.
    if (task.result?.state === 'fail' && warnings.length) console.log(`page warnings:\n  ${warnings.join('\n  ')}`);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (watched: Page) => {
    watched.on('console', (message) => {
      // index.html names no icon, so Chromium's own favicon request 404s; that is not the game's error.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`console: ${message.text()}`);
      // SwiftShader's driver notes ("GPU stall due to ReadPixels") are about the test machine, not the game.
      if (message.type() === 'warning' && !message.text().includes('GL Driver Message')) warnings.push(message.text());
    });
    watched.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  };
  watch(page);
  // A page the first one opens (a link to a new tab) is held to the same standard.
  context.on('page', watch);
  await page.goto(new URL(path, baseUrl).href);
  return {
    page,
    errors,
    warnings,
    finish: async () => {
      expect(errors, 'the page logged errors').toEqual([]);
    },
  };
}

/** Reads the test hook in the page. The hook only reads; tests act through the real UI. */
export async function hook<T>(page: Page, read: (hook: TestHook) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__TRIANGLES__)`) as Promise<T>;
}

/** Waits until every CSS animation and transition on the page has run its course (a picture of the end state, not a frame of it). */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { polling: 100, timeout: 30_000 });
}

/** The whole page, or with `{ fullPage: false }` only what the window shows (what a person sees without scrolling). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/**
 * The map's canvas is WebGL, whose pixels cannot be read back once composited, so
 * the check takes a real screenshot of the canvas and decodes it in the page. The
 * DOM labels over the map are hidden for that moment, so they cannot pass for a
 * drawing. A blank or failed canvas is one flat colour; a drawn map has land, sea
 * and lines. Polled, because Phaser draws its first frame a little after the screen.
 */
export async function expectMapDrawn(page: Page): Promise<void> {
  const canvas = page.getByTestId('map').locator('canvas').first();
  await canvas.waitFor({ timeout: 30_000 });
  await expect
    .poll(async () => mapColours(page), { timeout: 30_000, interval: 500 })
    .toSatisfy((stats: { distinct: number; flatShare: number }) => stats.distinct >= 6 && stats.flatShare < 0.9);
}

async function mapColours(page: Page): Promise<CanvasColours> {
  const setOverlay = (visibility: string) =>
    page.evaluate((value) => {
      const box = document.querySelector('[data-testid="map"]')!;
      const canvas = box.querySelector('canvas')!;
      for (const node of box.querySelectorAll<HTMLElement>('*')) if (node !== canvas && !node.contains(canvas)) node.style.visibility = value;
    }, visibility);
  await setOverlay('hidden');
  const png = await page.getByTestId('map').locator('canvas').first().screenshot();
  await setOverlay('');
  return canvasColours(page, png);
}
