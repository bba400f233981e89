/**
 * boardgame.io's GenericPubSub over Redis, so every server process hears every match's
 * updates: the socket transport publishes each new state on `MATCH-<id>`, and each
 * process with players of that match connected subscribes to it and relays the update
 * to its own sockets.
 *
 * Redis pub/sub delivers only to connections subscribed at that moment and keeps
 * nothing: a process cut off from Redis misses updates until it reconnects (node-redis
 * then resubscribes by itself). Clients catch up on their next sync; the stored state,
 * not this channel, is the source of truth.
 */
import type { IntermediateTransportData } from 'boardgame.io/dist/types/src/master/master';
import type { GenericPubSub } from 'boardgame.io/server';
import { createClient, type RedisClientType } from 'redis';

type Callback<T> = (payload: T) => void;

/** `T` defaults to what boardgame.io's socket transport publishes: `{ type, args }` of plain JSON. */
export class RedisPubSub<T = IntermediateTransportData> implements GenericPubSub<T> {
  /**
   * The callbacks of each channel now subscribed. Redis confirms an unsubscribe later,
   * and messages already on the way are still delivered meanwhile: boardgame.io has
   * forgotten the match's sockets by then, and its callback would throw.
   */
  private readonly live = new Map<string, Set<(message: string) => void>>();

  private constructor(
    private readonly publisher: RedisClientType,
    // A connection in subscribe mode can run no other command, so publishing needs its own.
    private readonly subscriber: RedisClientType,
    private readonly target: string,
  ) {}

  /** Connects both connections, or fails with a message naming the server that could not be reached. */
  static async connect<T = IntermediateTransportData>(url: string): Promise<RedisPubSub<T>> {
    const target = redactedUrl(url);
    const publisher = await openClient(url, target, 'publisher');
    try {
      return new RedisPubSub<T>(publisher, await openClient(url, target, 'subscriber'), target);
    } catch (error) {
      publisher.destroy();
      throw error;
    }
  }

  /**
   * boardgame.io calls this without awaiting it, so a failure is logged here rather than
   * left as an unhandled rejection; callers that await it still see the error.
   */
  publish(channel: string, payload: T): Promise<void> {
    return this.reported(this.publisher.publish(channel, JSON.stringify(payload)), `publish to ${channel}`);
  }

  /** Resolves once Redis has confirmed the subscription; messages published after that reach `callback`. */
  subscribe(channel: string, callback: Callback<T>): Promise<void> {
    const deliver = (message: string): void => {
      if (!this.live.get(channel)?.has(deliver)) return;
      // A throwing callback must not break the subscriber connection for every other match.
      try {
        callback(JSON.parse(message) as T);
      } catch (error) {
        console.error(`Redis pub/sub ${this.target}: a subscriber of ${channel} failed:`, error);
      }
    };
    let callbacks = this.live.get(channel);
    if (!callbacks) this.live.set(channel, (callbacks = new Set()));
    callbacks.add(deliver);
    return this.reported(this.subscriber.subscribe(channel, deliver), `subscribe to ${channel}`);
  }

  unsubscribeAll(channel: string): Promise<void> {
    this.live.delete(channel);
    return this.reported(this.subscriber.unsubscribe(channel), `unsubscribe from ${channel}`);
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher.close(), this.subscriber.close()]);
  }

  private reported(command: Promise<unknown>, what: string): Promise<void> {
    const done = command.then(() => undefined);
    done.catch((error: unknown) => console.error(`Redis pub/sub ${this.target}: ${what} failed: ${(error as Error).message}`));
    return done;
  }
}

async function openClient(url: string, target: string, role: string): Promise<RedisClientType> {
  let connected = false;
  try {
    const client: RedisClientType = createClient({
      url,
      socket: {
        // Fail start-up at once when Redis is not there (connect() rejects with the cause);
        // once connected, ride out Redis restarts.
        reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 5_000) : cause),
      },
    });
    client.on('ready', () => {
      connected = true;
    });
    // Without a listener an 'error' event would crash the process; before the first
    // connection the error reaches the caller through connect() instead.
    client.on('error', (error: Error) => {
      if (connected) console.error(`Redis pub/sub ${target} (${role}): ${error.message}`);
    });
    await client.connect();
    return client;
  } catch (error) {
    throw new Error(`Redis pub/sub: cannot connect the ${role} to ${target}: ${(error as Error).message}`, { cause: error });
  }
}

/** The URL without its password, for messages; node-redis itself rejects what is not a redis:// URL. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(REDIS_URL is not a URL)';
  }
}
