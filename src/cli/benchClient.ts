/**
 * `npm run bench:client`: what the browser client costs. Builds the production
 * client, prints every output file's size raw and gzipped (JS, CSS, map data, other
 * assets), then drives headless Chromium to time the start screen, the first drawn
 * map, and frame times while panning the map and while the bots play a round.
 * After the bots' rounds it steps through a round's reveal, timing its frames as each
 * step draws its orders on the map.
 * It prints figures and asserts nothing: budgets are judged by people. `--bots hard`
 * plays against Hard bots, whose search keeps the bot worker busy for up to a second.
 * With `--profile` it builds without minifying and also prints where the main thread
 * spent its time while panning and while the bots played (see benchProfile.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { BOT_LEVELS, isBotLevel, type BotLevel } from '../bots/levels.js';
import { parseArgs } from './args.js';
import { PhaseProfiler } from './benchProfile.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from './chromium.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAN_MS = 3_000;
const BOT_ROUNDS = 3;
const PROFILE = process.argv.includes('--profile');
/** `--bots hard`: the level of the five bot seats (the start screen's choice; Normal by default). */
const BOTS = botsFlag();

function botsFlag(): BotLevel {
  const { flags } = parseArgs(process.argv.slice(2));
  const level = flags.get('bots') ?? 'normal';
  if (!isBotLevel(level)) throw new Error(`--bots must be one of ${BOT_LEVELS.join(', ')}, not "${level}"`);
  return level;
}

type Category = 'js' | 'css' | 'map' | 'asset';

interface FileSize {
  file: string;
  category: Category;
  raw: number;
  gzip: number;
}

function categorise(file: string): Category {
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  // The pre-projected map (assets/map/*.json), when it ships as its own file rather than inside a chunk.
  if (/map|east-asia/i.test(file) && /\.(json|bin|geojson|topojson)$/.test(file)) return 'map';
  return 'asset';
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

async function bundleSizes(outDir: string): Promise<FileSize[]> {
  const sizes: FileSize[] = [];
  for (const path of await filesUnder(outDir)) {
    const data = await readFile(path);
    sizes.push({ file: relative(outDir, path), category: categorise(path), raw: (await stat(path)).size, gzip: gzipSync(data, { level: 9 }).length });
  }
  return sizes.sort((a, b) => a.category.localeCompare(b.category) || b.gzip - a.gzip);
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function printSizes(sizes: FileSize[]): void {
  console.log('\nBundle (production build; gzip -9)');
  const width = Math.max(...sizes.map((s) => s.file.length), 10);
  console.log(`  ${'file'.padEnd(width)}  ${'kind'.padEnd(5)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
  for (const s of sizes) console.log(`  ${s.file.padEnd(width)}  ${s.category.padEnd(5)}  ${kB(s.raw).padStart(10)}  ${kB(s.gzip).padStart(10)}`);
  const total = (pick: (s: FileSize) => boolean) => sizes.filter(pick).reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), { raw: 0, gzip: 0 });
  for (const category of ['js', 'css', 'map', 'asset'] as const) {
    const t = total((s) => s.category === category);
    console.log(`  total ${category.padEnd(5)} ${kB(t.raw).padStart(10)} raw  ${kB(t.gzip).padStart(10)} gzip`);
  }
  const jsMap = total((s) => s.category === 'js' || s.category === 'map');
  console.log(`  total JS + map data: ${kB(jsMap.raw)} raw, ${kB(jsMap.gzip)} gzip`);
}

/** The map asset is imported by the code, so Vite inlines it into a JS chunk: say how much of the JS it is. */
async function printInlinedMap(sizes: FileSize[]): Promise<void> {
  if (sizes.some((s) => s.category === 'map')) return;
  const path = join(ROOT, 'assets/map/east-asia.json');
  if (!existsSync(path)) return;
  const data = await readFile(path);
  console.log(`  of which the map data (${relative(ROOT, path)}, inlined in JS): ${kB(data.length)} raw, ${kB(gzipSync(data, { level: 9 }).length)} gzip on its own`);
}

/** Runs in the page before any script: a frame clock and the moments the screens appear. */
function instrument(): void {
  const w = window as unknown as { __bench: { frames: number[]; recording: boolean; marks: Record<string, number> } };
  const bench = (w.__bench = { frames: [] as number[], recording: false, marks: {} as Record<string, number> });
  const tick = (t: number) => {
    if (bench.recording) bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const seen = (name: string, test: () => boolean) => {
    if (bench.marks[name] === undefined && test()) bench.marks[name] = performance.now();
  };
  new MutationObserver(() => {
    seen('start-screen', () => !!document.querySelector('[data-testid="start-form"]'));
    seen('game-screen', () => !!document.querySelector('[data-testid="game-screen"]'));
    seen('map-ready', () => !!document.querySelector('[data-map-ready="true"], [data-map-ready=""]'));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-ready'] });
}

async function record<T>(page: Page, during: () => Promise<T>): Promise<number[]> {
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: { frames: number[]; recording: boolean } }).__bench;
    b.frames = [];
    b.recording = true;
  });
  await during();
  const frames = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { frames: number[]; recording: boolean } }).__bench;
    b.recording = false;
    return b.frames;
  });
  return frames.slice(1).map((t, i) => t - frames[i]!);
}

function printFrames(label: string, deltas: number[]): void {
  if (deltas.length === 0) return console.log(`  ${label}: no frames recorded`);
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const over = deltas.filter((d) => d > 33).length;
  console.log(
    `  ${label}: ${deltas.length} frames, p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms, over 33 ms: ${over}`,
  );
}

/** When the map was first on screen, by its own signal: a `map-drawn` performance mark, or `data-map-ready` on its container. */
async function waitForMap(page: Page): Promise<{ at: number; how: string } | null> {
  return page
    .waitForFunction(
      () => {
        const mark = performance.getEntriesByName('map-drawn')[0];
        if (mark) return { at: mark.startTime, how: 'map-drawn mark' };
        const marks = (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks;
        if (marks['map-ready'] !== undefined) return { at: marks['map-ready'], how: 'data-map-ready' };
        return null;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    )
    .then((h) => h.jsonValue() as Promise<{ at: number; how: string }>)
    .catch(() => null);
}

/** Drags the map in a circle for PAN_MS, from a point where the canvas itself (not a label over it) takes the pointer. */
async function pan(page: Page): Promise<void> {
  const start = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    if (!canvas) return null;
    const box = canvas.getBoundingClientRect();
    for (let i = 2; i < 8; i++) {
      for (let j = 2; j < 8; j++) {
        const x = box.left + (box.width * i) / 10;
        const y = box.top + (box.height * j) / 10;
        if (document.elementFromPoint(x, y) === canvas) return { x, y, r: Math.min(box.width, box.height) / 8 };
      }
    }
    return null;
  });
  if (!start) throw new Error('no free spot on the map canvas to drag');
  await page.mouse.move(start.x + start.r, start.y);
  await page.mouse.down();
  const began = Date.now();
  for (let i = 0; Date.now() - began < PAN_MS; i++) {
    const a = i / 12;
    await page.mouse.move(start.x + start.r * Math.cos(a), start.y + start.r * Math.sin(a));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
}

/**
 * Plays the seat's part of one round with the simplest legal clicks (decisions: the
 * first option; orders: hold), then waits until the bots have played theirs and the
 * seat is asked again. The last round's reveal is continued from first.
 */
async function playRoundForBots(page: Page): Promise<void> {
  const due = page
    .locator('[data-testid="decision-option"], [data-testid="order-kind"][data-kind="hold"]:not([disabled]), [data-testid="reveal-continue"], [data-testid="end-screen"]')
    .first();
  for (let guard = 0; guard < 6; guard++) {
    await due.waitFor({ timeout: 60_000 });
    if (await page.getByTestId('end-screen').count()) return;
    if (await page.getByTestId('reveal-continue').count()) {
      await page.getByTestId('reveal-continue').click();
      await page.getByTestId('reveal-player').waitFor({ state: 'detached', timeout: 60_000 });
      continue;
    }
    if (await page.getByTestId('decision-option').count()) {
      await page.getByTestId('decision-option').first().click();
      await page.getByTestId('decision-option').first().waitFor({ state: 'detached', timeout: 60_000 });
      continue;
    }
    const hold = page.locator('[data-testid="order-kind"][data-kind="hold"]');
    while (!(await page.getByTestId('submit-orders').isEnabled())) {
      if ((await hold.getAttribute('aria-expanded')) !== 'true') await hold.click();
      await page.getByTestId('option').first().click();
    }
    // The title names the round: it changes when the bots have played theirs (or a crisis or the end comes first).
    const title = await page.title();
    await page.getByTestId('submit-orders').click();
    await page.waitForFunction(
      (before) => document.title !== before || !!document.querySelector('[data-testid="decision-option"], [data-testid="end-screen"]'),
      title,
      { timeout: 60_000, polling: 50 },
    );
    return;
  }
}

/** How long each step of the reveal is watched: its orders draw on (staggered) and the map's relations change. */
const REVEAL_STEP_MS = 1_500;

/** Steps through the open reveal from its first step to its sum with Next, as a person reading it would. */
async function stepThroughReveal(page: Page): Promise<number> {
  const player = page.getByTestId('reveal-player');
  await page.getByTestId('reveal-replay').click();
  const steps = Number(await player.getAttribute('data-steps'));
  await page.waitForTimeout(REVEAL_STEP_MS);
  for (let i = 1; i < steps; i++) {
    await page.getByTestId('reveal-next').click();
    await page.waitForTimeout(REVEAL_STEP_MS);
  }
  return steps;
}

async function main(): Promise<void> {
  const outDir = join(ROOT, 'dist');
  console.log('Building the production client…');
  const began = Date.now();
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, ...(PROFILE ? { minify: false } : {}) } });
  console.log(`Built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  const sizes = await bundleSizes(outDir);
  printSizes(sizes);
  await printInlinedMap(sizes);

  if (!existsSync(CHROMIUM)) {
    console.log(`\nNo Chromium at ${CHROMIUM}: browser timings skipped.`);
    return;
  }
  const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  const profile = await mkdtemp(join(tmpdir(), 'triangles-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
  try {
    if (!url) throw new Error('the preview server did not report its address');
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    // tsx compiles this file with esbuild's keepNames, whose __name() helper the page does not have.
    await page.addInitScript({ content: `globalThis.__name = (f) => f; (${instrument.toString()})();` });
    await page.goto(url);
    await page.getByTestId('start-form').waitFor();
    await page.locator('#bot-level').selectOption(BOTS);
    const startScreen = await page.evaluate(() => (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks['start-screen'] ?? null);
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('start-game').click();
    const map = await waitForMap(page);

    console.log('\nBrowser (headless Chromium, software rendering without a GPU, 1280×800)');
    console.log(`  navigation → start screen: ${startScreen === null ? 'n/a' : `${startScreen.toFixed(0)} ms`}`);
    if (map === null) console.log('  first drawn map: not seen within 60 s');
    else {
      const afterClick = map.at - clickedAt;
      console.log(`  click Start → first drawn map: ${afterClick.toFixed(0)} ms; navigation → map with an instant click: ${(afterClick + (startScreen ?? 0)).toFixed(0)} ms`);
      console.log(`    (measured by: ${map.how})`);
    }

    await page.waitForTimeout(500);
    printFrames('idle game screen, 1 s', await record(page, () => page.waitForTimeout(1_000)));
    const profiler = PROFILE ? await PhaseProfiler.attach(page) : null;
    const profiled = <T>(label: string, during: () => Promise<T>) => (profiler ? profiler.profile(label, during) : during());
    printFrames(`panning the map, ${PAN_MS / 1000} s`, await profiled('panning', () => record(page, () => pan(page))));
    printFrames(
      `bots (${BOTS}) playing ${BOT_ROUNDS} rounds`,
      await profiled('the bots playing', () =>
        record(page, async () => {
          for (let i = 0; i < BOT_ROUNDS; i++) await playRoundForBots(page);
        }),
      ),
    );
    // The round the bots just finished is revealed beside the map.
    await page.getByTestId('reveal-player').waitFor({ timeout: 60_000 });
    let steps = 0;
    const revealFrames = await profiled('the reveal', () => record(page, async () => void (steps = await stepThroughReveal(page))));
    printFrames(`the reveal, ${steps} steps drawn on the map (${REVEAL_STEP_MS / 1000} s each)`, revealFrames);
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
