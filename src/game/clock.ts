/**
 * The exercise clock that Control runs. It is state of the match, so a reload, a replay
 * and the debrief all see the same timer; but the rules never read a clock: every time
 * arrives as an argument (`at`, ms since the epoch) from Control's side, and whoever
 * watches the deadline (the server) asks Control's `advance` when it passes.
 *
 * A timer belongs to one step (a decision or the orders): when the match moves on to
 * the next step it stops, and Control sets the next one.
 */
import type { Reason } from './reasons.js';
import type { Clock, GameState } from './types.js';

/** The longest timer or extension Control may set at once: an hour is a whole lesson. */
export const MAX_TIMER_SECONDS = 3600;

function clockOf(G: GameState): Clock {
  return (G.clock ??= { paused: false, deadline: null, left: null });
}

export function pauseRefused(clock: Clock | undefined): Reason | null {
  return clock?.paused ? { code: 'alreadyPaused' } : null;
}

export function pauseClock(G: GameState, at: number): void {
  const clock = clockOf(G);
  clock.paused = true;
  if (clock.deadline !== null) clock.left = Math.max(0, clock.deadline - at);
  clock.deadline = null;
}

export function resumeRefused(clock: Clock | undefined): Reason | null {
  return clock?.paused ? null : { code: 'notPaused' };
}

export function resumeClock(G: GameState, at: number): void {
  const clock = clockOf(G);
  clock.paused = false;
  if (clock.left !== null) clock.deadline = at + clock.left;
  clock.left = null;
}

/** A timer of `seconds` from `at` (0: no timer); while paused it waits, whole, for the resume. */
export function setTimer(G: GameState, seconds: number, at: number): void {
  const clock = clockOf(G);
  const ms = seconds * 1000;
  clock.deadline = seconds === 0 || clock.paused ? null : at + ms;
  clock.left = seconds === 0 || !clock.paused ? null : ms;
}

export function extendRefused(clock: Clock | undefined): Reason | null {
  return clock?.deadline != null || clock?.left != null ? null : { code: 'noTimer' };
}

export function extendTimer(G: GameState, seconds: number): void {
  const clock = clockOf(G);
  if (clock.deadline !== null) clock.deadline += seconds * 1000;
  if (clock.left !== null) clock.left += seconds * 1000;
}

/** The step this timer was for is over. A pause outlasts it: Control resumes when the room is ready. */
export function stopTimer(G: GameState): void {
  if (!G.clock) return;
  G.clock.deadline = null;
  G.clock.left = null;
}
