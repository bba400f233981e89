/**
 * The server's clock on a device (src/client/net/serverClock.ts): the offset from one
 * look, the look trusted among several, and the clock kept with a fake server and a
 * fake device clock minutes apart.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bestOffset, offsetOf, ServerClock } from '../../src/client/net/serverClock.js';

describe('offsetOf', () => {
  it('puts the server reading in the middle of the round trip', () => {
    // Asked at 1000, answered at 1200 (this device); the server read 61_100 about halfway, at 1100 here.
    expect(offsetOf({ sent: 1000, received: 1200, server: 61_100 })).toEqual({ offset: 60_000, roundTrip: 200 });
    // A device ahead of the server: a negative offset.
    expect(offsetOf({ sent: 500_000, received: 500_040, server: 380_020 })).toEqual({ offset: -120_000, roundTrip: 40 });
  });

  it('takes a device clock stepped back during the look as an instant round trip', () => {
    expect(offsetOf({ sent: 2000, received: 1900, server: 5000 })).toEqual({ offset: 3000, roundTrip: 0 });
  });
});

describe('bestOffset', () => {
  it('trusts the look with the shortest round trip', () => {
    const samples = [
      { sent: 0, received: 2000, server: 10_000 }, // slow: offset 9000 ± 1000
      { sent: 5000, received: 5020, server: 15_510 }, // quick: offset 10_500 ± 10
      { sent: 9000, received: 9600, server: 19_000 }, // offset 9700 ± 300
    ];
    expect(bestOffset(samples)).toBe(10_500);
    expect(bestOffset([])).toBeNull();
  });
});

describe('ServerClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A device whose clock is `behind` ms behind a server, `roundTrip` ms away. */
  function setUp(behind: number, roundTrip: number, answer: (server: number) => unknown = (s) => s) {
    let device = 1_700_000_000_000;
    const readServer = vi.fn(async () => {
      device += roundTrip / 2;
      const server = device + behind;
      device += roundTrip / 2;
      return answer(server);
    });
    const clock = new ServerClock(readServer, () => device);
    return { clock, readServer, device: () => device, wait: (ms: number) => (device += ms) };
  }

  it('is the device clock until the server answers, then the server clock', async () => {
    const { clock, device, wait } = setUp(3 * 60_000, 80);
    expect(clock.now()).toBe(device());
    await clock.sync();
    expect(clock.now()).toBe(device() + 3 * 60_000);
    wait(45_000);
    expect(clock.now()).toBe(device() + 3 * 60_000);
  });

  it('keeps its offset when the server does not answer or answers no time', async () => {
    const { clock, device, readServer } = setUp(-90_000, 20);
    await clock.sync();
    readServer.mockRejectedValueOnce(new Error('offline'));
    await clock.sync();
    readServer.mockResolvedValueOnce('soon');
    await clock.sync();
    readServer.mockResolvedValueOnce(Number.NaN);
    await clock.sync();
    expect(clock.now()).toBe(device() - 90_000);
  });

  it('looks quickly at first, then now and then, once however often it is asked to', async () => {
    vi.useFakeTimers();
    const { clock, readServer } = setUp(1000, 10);
    clock.keepSynced();
    clock.keepSynced();
    await vi.advanceTimersByTimeAsync(0);
    expect(readServer).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(readServer).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(readServer).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(readServer).toHaveBeenCalledTimes(4);
  });
});
