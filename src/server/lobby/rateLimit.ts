/**
 * A token bucket per key (a client address, a seat), so one client cannot flood the
 * server: `burst` at once, then `perMinute`. In memory per process: behind several
 * processes each one limits what reaches it, which is what protects it.
 */
import type { Rate } from '../limits.js';

/** Keys remembered at most; the least recently seen are forgotten first. */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;
  private readonly perMinute: number;

  constructor(
    rate: Rate,
    private readonly now: () => number = Date.now,
  ) {
    this.burst = rate.burst;
    this.perMinute = rate.perMinute;
  }

  /** Take one token for this key; false when it has none left. */
  take(key: string): boolean {
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 60_000) * this.perMinute);
    bucket.at = t;
    // Kept in the order last seen, so the key seen longest ago (its bucket the most refilled)
    // is the one forgotten: the map stays bounded at a constant cost per take.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
