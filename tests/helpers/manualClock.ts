/**
 * A round clock (src/server/bots/roundClock.ts) the test moves by hand: its time stands
 * still, and an alarm rings only when the test moves the time past it.
 */
import type { RoundClock } from '../../src/server/bots/roundClock.js';

export function manualClock(start: number): RoundClock & { pending(): number[]; advanceTo(time: number): void } {
  let now = start;
  const alarms = new Set<{ at: number; wake: () => void }>();
  const soonestFirst = () => [...alarms].sort((a, b) => a.at - b.at);
  return {
    now: () => now,
    alarm: (ms, wake) => {
      const alarm = { at: now + ms, wake };
      alarms.add(alarm);
      return () => void alarms.delete(alarm);
    },
    /** When the alarms set now will ring, soonest first. */
    pending: () => soonestFirst().map((a) => a.at),
    /** Move the time on to `time`, ringing every alarm due by then, soonest first. */
    advanceTo: (time) => {
      now = time;
      for (const alarm of soonestFirst()) {
        if (alarm.at > now) break;
        alarms.delete(alarm);
        alarm.wake();
      }
    },
  };
}
