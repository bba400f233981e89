/**
 * `npm run bench:client -- --profile`: where the page's main thread spends a phase of
 * the client benchmark, from Chromium's sampling profiler (CDP Profiler). Prints the
 * functions with the most self time, so a slow frame can be traced to its code
 * (the bench builds without minifying when profiling, so the names are the source's),
 * and the longest stretches the thread was busy without a break — the tasks that drop
 * frames — with the functions that took the most of each (self time and below).
 */
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const TOP = 15;
const STRETCHES = 3;
const IN_STRETCH = 8;
/** Samples that are not the page's own work: a stretch ends at the first of them. */
const IDLE = new Set(['(idle)', '(garbage collector)']);

export class PhaseProfiler {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<PhaseProfiler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    return new PhaseProfiler(cdp);
  }

  /** Runs `during` under the profiler and prints the top self-time functions under `label`. */
  async profile<T>(label: string, during: () => Promise<T>): Promise<T> {
    await this.cdp.send('Profiler.start');
    const result = await during();
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: Profile };
    printTop(label, profile);
    printStretches(profile);
    return result;
  }
}

function printTop(label: string, profile: Profile): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const name = nameOf(frame);
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  });
  console.log(`  profile of ${label}: ${total.toFixed(0)} ms sampled; most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${name}`);
  }
}

const nameOf = (frame: ProfileNode['callFrame']): string => {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
};

/** The longest runs of consecutive busy samples, each with the functions most often on its stacks. */
function printStretches(profile: Profile): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stretches: Array<{ ms: number; samples: Array<{ id: number; ms: number }> }> = [];
  let current: (typeof stretches)[number] | null = null;
  (profile.samples ?? []).forEach((id, i) => {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const name = byNode.get(id)?.callFrame.functionName ?? '(idle)';
    if (IDLE.has(name)) {
      current = null;
      return;
    }
    if (!current) stretches.push((current = { ms: 0, samples: [] }));
    current.ms += ms;
    current.samples.push({ id, ms });
  });
  stretches.sort((a, b) => b.ms - a.ms);
  for (const stretch of stretches.slice(0, STRETCHES)) {
    const inclusive = new Map<string, number>();
    for (const { id, ms } of stretch.samples) {
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        const name = nameOf(byNode.get(node)!.callFrame);
        if (name === '(root)' || seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
    const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, IN_STRETCH);
    console.log(`    busy ${stretch.ms.toFixed(1)} ms without a break: ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
}
