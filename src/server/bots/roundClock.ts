/**
 * The time the round timer keeps (serverBots.ts): the server's clock and its alarms.
 * The server runs on the real ones; a test passes its own, to say when time passes
 * instead of racing a deadline.
 */
export interface RoundClock {
  now(): number;
  /** Call `wake` in `ms` without keeping the process up for it; returns how to call it off. */
  alarm(ms: number, wake: () => void): () => void;
}

export const realRoundClock: RoundClock = {
  now: () => Date.now(),
  alarm: (ms, wake) => {
    const timer = setTimeout(wake, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
