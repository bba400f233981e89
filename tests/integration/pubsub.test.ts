/**
 * The Redis pub/sub on the machine's real Redis, with two instances standing in for
 * two server processes. Every test uses channels of its own.
 *
 * To show that a message did NOT arrive, the test publishes a marker on a channel that
 * is listened to, after the message, from the same publisher: Redis delivers one
 * connection's messages in order, so once the marker is in, the message would be too.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedisPubSub } from '../../src/server/pubsub/redisPubSub.js';
import { TEST_REDIS_URL, uniqueName } from '../helpers/services.js';

type Payload = { type: string; args: unknown[] };

describe('Redis pub/sub', () => {
  let one: RedisPubSub<Payload>;
  let two: RedisPubSub<Payload>;
  let prefix: string;

  beforeEach(async () => {
    [one, two] = await Promise.all([RedisPubSub.connect<Payload>(TEST_REDIS_URL), RedisPubSub.connect<Payload>(TEST_REDIS_URL)]);
    prefix = uniqueName('test-');
  });
  afterEach(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  /** Subscribes and returns the list that the channel's payloads are collected in. */
  async function listen(pubSub: RedisPubSub<Payload>, channel: string): Promise<Payload[]> {
    const received: Payload[] = [];
    await pubSub.subscribe(channel, (payload) => received.push(payload));
    return received;
  }

  /** Publishes a marker from `publisher` and waits until `listener` has it (see the note at the top). */
  async function flush(publisher: RedisPubSub<Payload>, listener: RedisPubSub<Payload>): Promise<void> {
    const markers = await listen(listener, `${prefix}:marker`);
    await publisher.publish(`${prefix}:marker`, { type: 'marker', args: [] });
    await vi.waitFor(() => expect(markers).toHaveLength(1));
  }

  it('delivers a message published by one process to the subscribers of both, as JSON', async () => {
    const channel = `${prefix}:MATCH-abc`;
    const onOne = await listen(one, channel);
    const onTwo = await listen(two, channel);
    const alsoOnTwo = await listen(two, channel);
    const update: Payload = {
      type: 'update',
      args: ['abc', { G: { regions: { seoul: { owner: 'KOR' } } }, ctx: { turn: 3, phase: null }, _stateID: 7 }, [{ _stateID: 6, turn: 3 }]],
    };

    await one.publish(channel, update);

    await vi.waitFor(() => {
      expect(onOne).toEqual([update]);
      expect(onTwo).toEqual([update]);
      expect(alsoOnTwo).toEqual([update]);
    });
  });

  it('stops delivering on a channel after unsubscribeAll, on that process only', async () => {
    const channel = `${prefix}:MATCH-abc`;
    const onOne = await listen(one, channel);
    const onTwo = await listen(two, channel);
    const alsoOnTwo = await listen(two, channel);

    await two.unsubscribeAll(channel);
    await one.publish(channel, { type: 'update', args: ['after'] });
    await flush(one, two);

    expect(onTwo).toEqual([]);
    expect(alsoOnTwo).toEqual([]);
    await vi.waitFor(() => expect(onOne).toEqual([{ type: 'update', args: ['after'] }]));
  });

  it('drops a message already on its way when the channel is unsubscribed before it arrives', async () => {
    const channel = `${prefix}:MATCH-late`;
    const onTwo = await listen(two, channel);
    // Sent together: Redis may pass the message on to two before it reads two's unsubscribe.
    const published = one.publish(channel, { type: 'update', args: ['in flight'] });
    const unsubscribed = two.unsubscribeAll(channel);
    await Promise.all([published, unsubscribed]);
    await flush(one, two);
    expect(onTwo).toEqual([]);
  });

  it('keeps channels apart', async () => {
    const first = await listen(two, `${prefix}:MATCH-1`);
    const second = await listen(two, `${prefix}:MATCH-2`);

    await one.publish(`${prefix}:MATCH-1`, { type: 'update', args: ['for match 1'] });
    await flush(one, two);

    expect(first).toEqual([{ type: 'update', args: ['for match 1'] }]);
    expect(second).toEqual([]);
  });

  it('keeps delivering when one subscriber throws', async () => {
    const channel = `${prefix}:MATCH-abc`;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await two.subscribe(channel, () => {
        throw new Error('a broken subscriber');
      });
      const received = await listen(two, channel);

      await one.publish(channel, { type: 'update', args: [1] });
      await one.publish(channel, { type: 'update', args: [2] });

      await vi.waitFor(() => expect(received.map((payload) => payload.args[0])).toEqual([1, 2]));
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(`a subscriber of ${channel} failed`), expect.any(Error));
    } finally {
      logged.mockRestore();
    }
  });
});

describe('Redis pub/sub connection errors', () => {
  it('fails at once, naming the server, when Redis cannot be reached', async () => {
    await expect(RedisPubSub.connect('redis://:hunter2@127.0.0.1:1')).rejects.toThrow(
      /^Redis pub\/sub: cannot connect the publisher to redis:\/\/:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/,
    );
  });

  it('explains a REDIS_URL that is not a redis:// URL', async () => {
    await expect(RedisPubSub.connect('http://127.0.0.1:6379')).rejects.toThrow(/^Redis pub\/sub: cannot connect the publisher to http:\/\/127\.0\.0\.1:6379\/: Invalid protocol/);
    await expect(RedisPubSub.connect('not a url')).rejects.toThrow(/REDIS_URL is not a URL/);
  });
});
