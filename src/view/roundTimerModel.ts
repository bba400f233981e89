/**
 * An online match's round timer as a player sees it: the host's timer runs on the
 * server (serverBots.ts), which tells each step's deadline with the match; it is shown
 * only for the step it was set for, counted down on the server's clock.
 */
import type { RoundDeadline } from '../server/lobby/matchInfo.js';
import { clockTime, readClock } from './clockReading.js';
import { LOBBY } from './text/en-lobby.js';

/** The words for the timer now, or null when none runs for the step on screen. */
export function roundTimerText(deadline: RoundDeadline | null, step: string, now: number): string | null {
  if (!deadline || deadline.step !== step) return null;
  const { state, leftMs } = readClock({ paused: false, deadline: deadline.at, left: null }, now);
  return state === 'up' ? LOBBY.roundTimerUp : LOBBY.roundTimer(clockTime(leftMs ?? 0));
}
