/**
 * Control's clock commands (pause, resume, setTimer) carry the moment they were given
 * (`at`), because the rules never read a clock (game/clock.ts). The console takes that
 * moment from the server's clock (src/client/net/serverClock.ts), but a client is not
 * to be trusted with it: a device whose clock is minutes off, or a modified one, would
 * set a deadline minutes early or late for the whole class. So at the edge, before the
 * master runs the move, an `at` further than AT_TOLERANCE_MS from the server's time is
 * replaced by the server's time; a nearer one (the click's own moment, give or take the
 * network) is kept. An `at` that is not a number is left to the rules to refuse.
 */

/** How far Control's `at` may be from the server's time: a slow network and a rough offset, not a wrong clock. */
export const AT_TOLERANCE_MS = 5000;

/** Bound the `at` of the command in a `control` move's arguments, in place (they go on to the master as they are). */
export function boundCommandTime(args: unknown, now: number): void {
  if (!Array.isArray(args)) return;
  const command: unknown = args[0];
  if (typeof command !== 'object' || command === null || !Object.hasOwn(command, 'at')) return;
  const timed = command as { at: unknown };
  if (typeof timed.at === 'number' && Number.isFinite(timed.at) && Math.abs(timed.at - now) > AT_TOLERANCE_MS) timed.at = now;
}
