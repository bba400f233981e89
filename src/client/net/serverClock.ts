/**
 * The game server's clock, as seen from this device. The exercise's deadlines are the
 * server's times (its ExerciseClock sets them), but a classroom's phones and the
 * teacher's laptop can be minutes off: every countdown (the console's, a team's, the
 * projector's) and the `at` of Control's clock commands use `serverClock.now()` instead
 * of the device's own clock.
 *
 * It asks `GET /api/time` now and then and keeps the offset between the two clocks.
 * The server read its clock somewhere during the round trip; taking the middle, the
 * estimate is off by at most half the round trip, so of the last few looks the one with
 * the shortest round trip is trusted. Until the first answer (or with no server, as on
 * Vite's dev server) it is the device's clock.
 */
import { exerciseApi } from './exerciseApi.js';

/** One look at the server's clock: this device's times when asked and answered, and the server's. */
export interface TimeSample {
  sent: number;
  received: number;
  server: number;
}

/** Looks kept: a few minutes' worth, so a device whose own clock was corrected since is not misled for long. */
const KEPT = 5;
/** Quick looks at first, for a good estimate before the first countdown matters; then one now and then. */
const FIRST_LOOKS = 3;
const FIRST_MS = 1000;
const LATER_MS = 30_000;

/** Server time minus device time by one look, and how sure it is (± half the round trip). */
export function offsetOf(sample: TimeSample): { offset: number; roundTrip: number } {
  const roundTrip = Math.max(0, sample.received - sample.sent);
  return { offset: sample.server - (sample.sent + roundTrip / 2), roundTrip };
}

/** The offset of the look with the shortest round trip, or null with none. */
export function bestOffset(samples: readonly TimeSample[]): number | null {
  let best: { offset: number; roundTrip: number } | null = null;
  for (const sample of samples) {
    const look = offsetOf(sample);
    if (!best || look.roundTrip < best.roundTrip) best = look;
  }
  return best ? Math.round(best.offset) : null;
}

export class ServerClock {
  private readonly samples: TimeSample[] = [];
  private offset = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** The server's time in ms since the epoch, as it answered. */
    private readonly readServer: () => Promise<unknown>,
    private readonly local: () => number = () => Date.now(),
  ) {}

  /** The server's time now, by this device's clock and the offset. */
  now(): number {
    return this.local() + this.offset;
  }

  /** Look at the server's clock once. A failed look, or an answer that is no time, changes nothing. */
  async sync(): Promise<void> {
    const sent = this.local();
    const server = await this.readServer().catch(() => null);
    const received = this.local();
    if (typeof server !== 'number' || !Number.isFinite(server)) return;
    this.samples.push({ sent, received, server });
    if (this.samples.length > KEPT) this.samples.shift();
    this.offset = bestOffset(this.samples) ?? 0;
  }

  /** Keep looking for as long as the page lives (a page calls this when it opens; again does nothing). */
  keepSynced(): void {
    if (this.timer !== null) return;
    let looks = 0;
    const look = () => {
      looks++;
      void this.sync().finally(() => {
        this.timer = setTimeout(look, looks < FIRST_LOOKS ? FIRST_MS : LATER_MS);
      });
    };
    this.timer = setTimeout(look, 0);
  }
}

/** The one clock every classroom page shares. */
export const serverClock = new ServerClock(() => exerciseApi.time().then((answer) => answer.now));
