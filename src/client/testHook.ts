/**
 * A read-only window onto the game for browser tests (`window.__TRIANGLES__`), built
 * in only when VITE_TEST_HOOK=1: the seat on screen, its view, and where the map
 * draws each theatre, so tests can click the real UI and check what it shows.
 */
import type { PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import type { Match } from './net/match.js';

export interface TestHook {
  shown(): PowerId | null;
  view(): SeatView | null;
  awaiting(): PowerId[];
  mapPositions(): Record<string, { x: number; y: number }>;
}

/** Filled in by the map when it is on screen. */
export const mapProbe: { positions: () => Record<string, { x: number; y: number }> } = { positions: () => ({}) };

export function exposeTestHook(match: () => Match | null, shown: () => PowerId | null): void {
  if (import.meta.env.VITE_TEST_HOOK !== '1') return;
  const hook: TestHook = {
    shown,
    view: () => {
      const power = shown();
      const m = match();
      return power && m ? m.view(power) : null;
    },
    awaiting: () => match()?.awaiting() ?? [],
    mapPositions: () => mapProbe.positions(),
  };
  (window as unknown as { __TRIANGLES__: TestHook }).__TRIANGLES__ = hook;
}
