/**
 * The exercise clock read at a moment: one reading that each page words its own way
 * (Control's console, a team's panel, the projector). `now` is the server's time
 * (serverClock.ts), as the deadlines are the server's.
 */
import type { Clock } from '../game/types.js';

export type ClockState = 'none' | 'running' | 'paused' | 'up';

export interface ClockReading {
  state: ClockState;
  /** Milliseconds left, never below 0; null when no timer is set (or one is paused without one). */
  leftMs: number | null;
}

export function readClock(clock: Clock | undefined, now: number): ClockReading {
  if (clock?.paused) return { state: 'paused', leftMs: clock.left };
  if (!clock || clock.deadline === null) return { state: 'none', leftMs: null };
  const leftMs = Math.max(0, clock.deadline - now);
  return { state: leftMs === 0 ? 'up' : 'running', leftMs };
}

/** Whole minutes and seconds, rounded up so a timer shows 0:00 only when it is up. */
export function minutesAndSeconds(ms: number): { minutes: number; seconds: number } {
  const total = Math.ceil(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** "2:05", for a clock read from across a table or a room. */
export function clockTime(ms: number): string {
  const { minutes, seconds } = minutesAndSeconds(ms);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
