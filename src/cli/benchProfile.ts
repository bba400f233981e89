/**
 * `npm run bench:client -- --profile`: where the page's main thread spends a phase of
 * the client benchmark, from Chromium's sampling profiler (CDP Profiler). Prints the
 * functions with the most self time, so a slow frame can be traced to its code
 * (the bench builds without minifying when profiling, so the names are the source's).
 */
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const TOP = 15;

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
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  });
  console.log(`  profile of ${label}: ${total.toFixed(0)} ms sampled; most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${name}`);
  }
}
