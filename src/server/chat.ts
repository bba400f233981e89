/**
 * Chat on the game's socket: public lines, and private lines between two powers, each
 * read only by those it is meant for, stored with the match, and refused while the
 * host has chat turned off. The protocol is in src/view/chatProtocol.ts.
 *
 * The socket guard calls `handlers` for our events, so every packet has been through
 * it. A line is stored, then published on the match's `CHAT-<id>` pub/sub channel;
 * every server process subscribed to it (those with the match's chat readers) hands
 * it to its own sockets that may read it. With one process the pub/sub is in memory.
 */
import type { GenericPubSub } from 'boardgame.io/server';
import type { Socket } from 'socket.io';
import { POWERS, isPowerId, pairKey, powerOfSeat, type PowerId } from '../game/powers.js';
import { CHAT_HISTORY, CHAT_JOIN, CHAT_MAX_LENGTH, CHAT_MESSAGE, CHAT_SEND, type ChatChannel, type ChatLine } from '../view/chatProtocol.js';
import { authenticateSeat } from './auth.js';
import { lobbyOf, playerOf, type MatchMetadata } from './lobby/matchInfo.js';
import { RateLimiter } from './lobby/rateLimit.js';
import { LobbyError, type LobbyService } from './lobby/service.js';
import { checkCredentials, checkMatch, checkSeat, type Check } from './socketGuard.js';
import type { MatchStore } from './storage/types.js';

export interface ChatLimits {
  /** Lines a socket may send at once, and how many a minute after that. */
  burst: number;
  perMinute: number;
}

export const DEFAULT_CHAT_LIMITS: ChatLimits = { burst: 5, perMinute: 30 };

/** A socket of this process that joined a match's chat. */
interface Reader {
  socket: Socket;
  matchID: string;
  /** null for a spectator. */
  power: PowerId | null;
  /** The token this socket proved its seat with: checked again on each line, so a seat given up since may no longer send. */
  credentials: unknown;
  /** This socket's last line, stored and published (or refused). */
  sending: Promise<unknown>;
}

export class ChatHub {
  private readonly readers = new Map<string, Reader>();
  /** Socket ids of this process per match; the match's channel is subscribed while there are any. */
  private readonly local = new Map<string, Set<string>>();
  /** Redis confirms a subscription later: a join waits for it before reading the history. */
  private readonly subscribed = new Map<string, Promise<void>>();
  private readonly sends: RateLimiter;
  // Each join reads the store: joins are limited too.
  private readonly joins: RateLimiter;

  /** The socket guard's `custom` hooks. */
  readonly handlers: Record<string, (socket: Socket, args: unknown[]) => Promise<Check>> = {
    [CHAT_JOIN]: (socket, args) => this.join(socket, args),
    [CHAT_SEND]: (socket, args) => this.send(socket, args),
  };

  constructor(
    private readonly lobby: LobbyService,
    private readonly store: MatchStore,
    private readonly pubSub: GenericPubSub<ChatLine>,
    limits: ChatLimits = DEFAULT_CHAT_LIMITS,
  ) {
    this.sends = new RateLimiter(limits.burst, limits.perMinute);
    this.joins = new RateLimiter(limits.burst, limits.perMinute);
  }

  close(): void {
    for (const matchID of this.local.keys()) void this.pubSub.unsubscribeAll(channelName(matchID));
    this.local.clear();
    this.readers.clear();
  }

  private async join(socket: Socket, [matchID, playerID, credentials]: unknown[]): Promise<Check> {
    const problem = checkMatch(matchID) ?? checkSeat(playerID) ?? checkCredentials(credentials);
    if (problem) return `chat join refused: ${problem}`;
    if (!this.joins.take(socket.id)) return 'chat join refused: too many joins, wait a moment';
    const metadata = await this.metadata(matchID as string);
    if (typeof metadata === 'string') return `chat join refused: ${metadata}`;
    const power = powerOfSeat(playerID as string | null | undefined);
    if (power && !authenticateSeat(credentials, playerOf(metadata, power))) return `chat join refused: those are not ${power}'s credentials`;
    await this.register({ socket, matchID: matchID as string, power, credentials, sending: Promise.resolve() });
    const history = (await this.store.listChat(matchID as string)).filter((line) => mayRead(line.channel, power));
    socket.emit(CHAT_HISTORY, history);
    return null;
  }

  private async send(socket: Socket, [matchID, message]: unknown[]): Promise<Check> {
    const problem = checkMatch(matchID);
    if (problem) return `chat refused: ${problem}`;
    const reader = this.readers.get(socket.id);
    if (!reader || reader.matchID !== matchID) return "chat refused: join the match's chat first";
    if (!isSeat(reader)) return 'chat refused: spectators may only read the public chat';
    const line = readLine(message, reader.power);
    if (typeof line === 'string') return `chat refused: ${line}`;
    if (!this.sends.take(socket.id)) return 'chat refused: too many messages, wait a moment';
    // The guard checks packets concurrently: one socket's lines are stored and published in the order sent.
    const sent = reader.sending.then(() => this.storeAndPublish(reader, line));
    reader.sending = sent.catch(() => undefined);
    return sent;
  }

  private async storeAndPublish(reader: Reader & { power: PowerId }, line: { channel: ChatChannel; text: string }): Promise<Check> {
    const metadata = await this.metadata(reader.matchID);
    if (typeof metadata === 'string') return `chat refused: ${metadata}`;
    if (!lobbyOf(metadata)!.settings.chat) return 'chat refused: the host has turned chat off';
    if (!authenticateSeat(reader.credentials, playerOf(metadata, reader.power))) return `chat refused: ${reader.power}'s seat has changed hands; join again`;
    const stored = { ...line, from: reader.power, at: Date.now() };
    const seq = await this.store.appendChat(reader.matchID, stored);
    await this.pubSub.publish(channelName(reader.matchID), { seq, ...stored });
    return null;
  }

  private async metadata(matchID: string): Promise<MatchMetadata | string> {
    try {
      return await this.lobby.metadata(matchID);
    } catch (error) {
      if (error instanceof LobbyError) return error.message;
      throw error;
    }
  }

  private async register(reader: Reader): Promise<void> {
    const { socket, matchID } = reader;
    // A socket reads one match's chat: joining again (another seat, another match) replaces it.
    if (this.readers.has(socket.id)) this.forget(socket.id);
    else socket.once('disconnect', () => this.forget(socket.id));
    this.readers.set(socket.id, reader);
    const ids = this.local.get(matchID) ?? new Set<string>();
    if (ids.size === 0) {
      this.local.set(matchID, ids);
      this.subscribed.set(matchID, Promise.resolve(this.pubSub.subscribe(channelName(matchID), (line) => this.deliver(matchID, line))));
    }
    ids.add(socket.id);
    await this.subscribed.get(matchID);
  }

  private forget(socketID: string): void {
    const reader = this.readers.get(socketID);
    if (!reader) return;
    this.readers.delete(socketID);
    const ids = this.local.get(reader.matchID);
    ids?.delete(socketID);
    if (ids?.size !== 0) return;
    this.local.delete(reader.matchID);
    this.subscribed.delete(reader.matchID);
    void this.pubSub.unsubscribeAll(channelName(reader.matchID));
  }

  private deliver(matchID: string, line: ChatLine): void {
    for (const id of this.local.get(matchID) ?? []) {
      const reader = this.readers.get(id);
      if (reader && mayRead(line.channel, reader.power)) reader.socket.emit(CHAT_MESSAGE, line);
    }
  }
}

function isSeat(reader: Reader): reader is Reader & { power: PowerId } {
  return reader.power !== null;
}

function channelName(matchID: string): string {
  return `CHAT-${matchID}`;
}

/** Public lines are for everyone; a private line only for its two powers (never spectators). */
function mayRead(channel: string, power: PowerId | null): boolean {
  return channel === 'public' || (power !== null && channel.split('+').includes(power));
}

/** The two powers in POWERS order (as relation keys are), so each pair has one channel whoever writes first. */
function privateChannel(a: PowerId, b: PowerId): ChatChannel {
  return pairKey(a, b).replace('-', '+') as ChatChannel;
}

/** A line as sent, checked; or what is wrong with it. */
function readLine(message: unknown, from: PowerId): { channel: ChatChannel; text: string } | string {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return 'the message must be an object { to, text }';
  const { to, text } = message as { to?: unknown; text?: unknown };
  if (to !== 'all' && !isPowerId(to)) return `"to" must be "all" or one of ${POWERS.join(', ')}`;
  if (to === from) return 'a private message needs another power than your own';
  if (typeof text !== 'string') return 'the text must be a string';
  const trimmed = text.trim();
  if (trimmed === '') return 'the text is empty';
  if (trimmed.length > CHAT_MAX_LENGTH) return `the text is too long (${trimmed.length} characters, at most ${CHAT_MAX_LENGTH})`;
  // One line of plain text: no line breaks, escapes or other control characters.
  if (/\p{Cc}/u.test(trimmed)) return 'the text may not contain control characters or line breaks';
  return { channel: to === 'all' ? 'public' : privateChannel(from, to), text: trimmed };
}
