import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/lobby/rateLimit.js';
import { StoredMoves } from '../../src/server/storedMoves.js';
import type { MatchStore } from '../../src/server/storage/types.js';

describe('the rate limiter', () => {
  it('gives a burst at once, then tokens as the minute goes, each key its own', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 6 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([true, true, false, true]);
    now = 10_000;
    expect([limiter.take('a'), limiter.take('a')]).toEqual([true, false]);
  });

  it('forgets the key seen longest ago once it holds ten thousand, and no other', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, () => 0);
    for (let i = 0; i <= 10_000; i++) expect(limiter.take(`client-${i}`)).toBe(true);
    // client-0 was forgotten (its bucket starts full again); client-2, seen after it, is still remembered as spent.
    expect(limiter.take('client-0')).toBe(true);
    expect(limiter.take('client-2')).toBe(false);
  });
});

describe("the bound on a match's stored moves", () => {
  it('reads a match it has not written once, then counts from the states it stores', async () => {
    let reads = 0;
    const store = {
      fetch: async () => {
        reads++;
        return { state: { _stateID: 4 } };
      },
    } as unknown as MatchStore;
    const bound = new StoredMoves(store, 5);
    expect(await bound.refusal('M')).toBeNull();
    expect(await bound.refusal('M')).toBeNull();
    expect(reads).toBe(1);
    bound.stored('M', 5);
    expect(await bound.refusal('M')).toMatch(/stored 5 moves, the most a match may \(MAX_MATCH_MOVES\)/);
    expect(reads).toBe(1);
  });
});
