/**
 * A token bucket per client address, so one client cannot flood the lobby with
 * matches or seat grabs. In memory per process: behind several processes each one
 * limits what reaches it, which is what protects it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Take one token for this client; false when it has none left. */
  take(client: string): boolean {
    const t = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 60_000) * this.perMinute);
    bucket.at = t;
    if (this.buckets.size > 10_000) this.forgetFull();
    this.buckets.set(client, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Clients whose buckets have refilled need no entry; dropping them bounds the memory. */
  private forgetFull(): void {
    const t = this.now();
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((t - bucket.at) / 60_000) * this.perMinute >= this.burst) this.buckets.delete(client);
    }
  }
}
