/**
 * Chat on the game's socket: public lines, private lines between two powers and, in a
 * classroom exercise, each team's own channel; each read only by those it is meant
 * for (chatModel's `mayRead`: Control reads all), stored with the match, and refused
 * while the host has chat turned off or Control has muted the channel. The protocol is
 * in src/view/chatProtocol.ts; refusals go back as codes the client words itself.
 *
 * The socket guard hands our events to `handlers`. A line is stored, then published on
 * the match's `CHAT-<id>` pub/sub channel; every server process subscribed to it (those
 * with the match's chat readers) hands it to its own sockets that may read it. Mutes
 * are kept in the match's lobby record and published the same way. With one process
 * the pub/sub is in memory.
 */
import type { GenericPubSub } from 'boardgame.io/server';
import type { Server } from 'boardgame.io';
import type { Socket } from 'socket.io';
import { CONTROL_SEAT, POWERS, isControlSeat, isPowerId, powerOfSeat, type PowerId } from '../game/powers.js';
import { channelOf, chatChannels, isChatChannel, mayRead, teamOf } from '../view/chatModel.js';
import {
  CHAT_HISTORY,
  CHAT_JOIN,
  CHAT_MAX_LENGTH,
  CHAT_MESSAGE,
  CHAT_MUTE,
  CHAT_MUTED,
  CHAT_REFUSED,
  CHAT_SEND,
  CONTROL,
  type ChatChannel,
  type ChatHistory,
  type ChatLine,
  type ChatReader,
  type ChatRefusal,
  type ChatRefusalCode,
} from '../view/chatProtocol.js';
import { authenticateSeat, sameHash } from './auth.js';
import { memberOf, type Exercise } from './exercise/members.js';
import { lobbyOf, playerOf, type MatchMetadata } from './lobby/matchInfo.js';
import type { Rate } from './limits.js';
import { RateLimiter } from './lobby/rateLimit.js';
import { LobbyError, type LobbyService } from './lobby/service.js';
import { checkCredentials, checkMatch, checkSeat } from './socketGuard.js';
import type { MatchStore } from './storage/types.js';

export interface ChatLimits {
  /** Lines and mutes, per seat: a seat's devices share them. */
  lines: Rate;
  /** Joins, per client address: each reads the match's chat from the store. */
  joins: Rate;
}

/** What travels on a match's chat channel between processes. */
/** A line, or the muted channels after `channel` was muted or unmuted (told only to those who read it). */
type ChatEvent = { line: ChatLine } | { muted: ChatChannel[]; channel: ChatChannel };

/** A seat's reader or Control: someone who may write. */
type Writer = PowerId | typeof CONTROL;

/** A socket of this process that joined a match's chat. */
interface Reader {
  socket: Socket;
  matchID: string;
  who: ChatReader;
  /** The token this socket proved its seat with: checked again on each line, so a seat given up since may no longer send. */
  credentials: unknown;
  /** This socket's last line, stored and published (or refused). */
  sending: Promise<unknown>;
}

type Outcome = ChatRefusal | null;

const refuse = (code: ChatRefusalCode, detail: string): ChatRefusal => ({ code, detail });

export class ChatHub {
  private readonly readers = new Map<string, Reader>();
  /** Socket ids of this process per match; the match's channel is subscribed while there are any. */
  private readonly local = new Map<string, Set<string>>();
  /** Redis confirms a subscription later: a join waits for it before reading the history. */
  private readonly subscribed = new Map<string, Promise<void>>();
  // Kept per seat (the match and the power, or Control), not per socket: a seat's devices,
  // or ten sockets opened on it, share one budget.
  private readonly sends: RateLimiter;
  // Each join reads the store, each mute writes the match record: both are limited too.
  private readonly joins: RateLimiter;
  private readonly mutes: RateLimiter;

  /** The socket guard's `custom` hooks: each answers its own refusals. */
  readonly handlers: Record<string, (socket: Socket, args: unknown[]) => Promise<void>> = {
    [CHAT_JOIN]: (socket, args) => this.answer(socket, () => this.join(socket, args)),
    [CHAT_SEND]: (socket, args) => this.answer(socket, () => this.send(socket, args)),
    [CHAT_MUTE]: (socket, args) => this.answer(socket, () => this.mute(socket, args)),
  };

  constructor(
    private readonly lobby: LobbyService,
    private readonly store: MatchStore,
    private readonly pubSub: GenericPubSub<ChatEvent>,
    limits: ChatLimits,
    /** The socket's client address (clientAddress.ts): a join names no seat until it is checked. */
    private readonly addressOf: (socket: Socket) => string,
  ) {
    this.sends = new RateLimiter(limits.lines);
    this.joins = new RateLimiter(limits.joins);
    this.mutes = new RateLimiter(limits.lines);
  }

  close(): void {
    for (const matchID of this.local.keys()) void this.pubSub.unsubscribeAll(channelName(matchID));
    this.local.clear();
    this.readers.clear();
  }

  private async answer(socket: Socket, handle: () => Promise<Outcome>): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await handle();
    } catch (error) {
      outcome = error instanceof LobbyError ? refuse('noMatch', error.message) : refuse('failed', (error as Error).message);
    }
    if (outcome) socket.emit(CHAT_REFUSED, outcome);
  }

  private async join(socket: Socket, [matchID, playerID, credentials]: unknown[]): Promise<Outcome> {
    const problem = checkMatch(matchID) ?? (isControlSeat(playerID as string) ? null : checkSeat(playerID)) ?? checkCredentials(credentials);
    if (problem) return refuse('malformed', problem);
    if (!this.joins.take(this.addressOf(socket))) return refuse('tooFast', 'too many joins from this address, wait a moment');
    const metadata = await this.lobby.metadata(matchID as string);
    const who: ChatReader = isControlSeat(playerID as string) ? CONTROL : powerOfSeat(playerID as string | null | undefined);
    const exercise = lobbyOf(metadata)!.exercise;
    if (who === CONTROL && !exercise) return refuse('notExercise', 'only a classroom exercise has Control');
    if (who !== null && !authenticateSeat(credentials, seatOf(metadata, who))) return refuse('credentials', `those are not ${nameOf(who)}'s credentials`);
    await this.register({ socket, matchID: matchID as string, who, credentials, sending: Promise.resolve() });
    const history: ChatHistory = {
      channels: chatChannels(who, Boolean(exercise)),
      muted: (exercise?.muted ?? []).filter((channel) => mayRead(channel, who)),
      lines: (await this.store.listChat(matchID as string)).filter((line) => mayRead(line.channel as ChatChannel, who)) as ChatLine[],
    };
    socket.emit(CHAT_HISTORY, history);
    return null;
  }

  private async send(socket: Socket, [matchID, message]: unknown[]): Promise<Outcome> {
    const reader = this.joined(socket, matchID);
    if ('code' in reader) return reader;
    if (!isWriter(reader)) return refuse('spectator', 'spectators may only read the public chat');
    const line = readLine(message, reader.who);
    if ('code' in line) return line;
    if (!this.sends.take(seatKey(reader))) return refuse('tooFast', 'too many messages from this seat, wait a moment');
    // The guard checks packets concurrently: one socket's lines are stored and published in the order sent.
    const sent = reader.sending.then(() => this.storeAndPublish(reader, line));
    reader.sending = sent.catch(() => undefined);
    return sent;
  }

  private async storeAndPublish(reader: Reader & { who: Writer }, line: { channel: ChatChannel; text: string }): Promise<Outcome> {
    const metadata = await this.lobby.metadata(reader.matchID);
    const info = lobbyOf(metadata)!;
    if (teamOf(line.channel) && !info.exercise) return refuse('notExercise', 'team channels are only in classroom exercises');
    if (!authenticateSeat(reader.credentials, seatOf(metadata, reader.who))) return refuse('credentials', `${nameOf(reader.who)}'s seat has changed hands; join again`);
    // Control's statements go out whatever the switches say: turning chat off and muting silence the teams.
    if (reader.who !== CONTROL) {
      if (!info.settings.chat) return refuse('off', 'the host has turned chat off');
      if (info.exercise?.muted?.includes(line.channel)) return refuse('muted', `Control has muted ${line.channel}`);
    }
    const stored = { ...line, from: reader.who, author: authorOf(metadata, reader.who, reader.credentials), at: Date.now() };
    const seq = await this.store.appendChat(reader.matchID, stored);
    await this.pubSub.publish(channelName(reader.matchID), { line: { seq, ...stored } });
    return null;
  }

  /** Control mutes or unmutes a channel: kept in the match's record, so a restarted server (or another process) keeps it. */
  private async mute(socket: Socket, [matchID, channel, muted]: unknown[]): Promise<Outcome> {
    const reader = this.joined(socket, matchID);
    if ('code' in reader) return reader;
    if (reader.who !== CONTROL) return refuse('notControl', 'only Control mutes a conversation');
    if (!isChatChannel(channel)) return refuse('malformed', 'the channel must be "public", two powers like "CHN+RUS" or a team like "team:CHN"');
    if (typeof muted !== 'boolean') return refuse('malformed', '"muted" must be true or false');
    if (!this.mutes.take(seatKey(reader))) return refuse('tooFast', 'too many mutes, wait a moment');
    const now = await this.lobby.change(reader.matchID, (metadata) => {
      if (!authenticateSeat(reader.credentials, seatOf(metadata, CONTROL))) return null;
      const exercise = metadata.triangles.exercise!;
      const set = new Set(exercise.muted ?? []);
      if (muted) set.add(channel);
      else set.delete(channel);
      exercise.muted = chatChannels(CONTROL, true).filter((c) => set.has(c));
      return exercise.muted;
    });
    if (!now) return refuse('credentials', "those are no longer Control's credentials");
    await this.pubSub.publish(channelName(reader.matchID), { muted: now, channel });
    return null;
  }

  /**
   * Control moved a member to another team: their sockets here that read the old team's
   * chat are closed (the game's sockets are closed too, exercise/sockets.ts), so they
   * stop hearing its team channel at once, not only at their next line.
   */
  dropMember(matchID: string, power: PowerId, tokenHash: string): void {
    for (const id of [...(this.local.get(matchID) ?? [])]) {
      const reader = this.readers.get(id);
      if (reader?.who === power && sameHash(reader.credentials, tokenHash)) reader.socket.disconnect(true);
    }
  }

  /** The reader this socket joined `matchID` as, or why there is none. */
  private joined(socket: Socket, matchID: unknown): Reader | ChatRefusal {
    const problem = checkMatch(matchID);
    if (problem) return refuse('malformed', problem);
    const reader = this.readers.get(socket.id);
    return reader && reader.matchID === matchID ? reader : refuse('notJoined', "join the match's chat first");
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
      this.subscribed.set(matchID, Promise.resolve(this.pubSub.subscribe(channelName(matchID), (event) => this.deliver(matchID, event))));
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

  private deliver(matchID: string, event: ChatEvent): void {
    for (const id of this.local.get(matchID) ?? []) {
      const reader = this.readers.get(id);
      if (!reader) continue;
      if ('line' in event) {
        if (mayRead(event.line.channel, reader.who)) reader.socket.emit(CHAT_MESSAGE, event.line);
      } else if (mayRead(event.channel, reader.who)) reader.socket.emit(CHAT_MUTED, event.muted.filter((channel) => mayRead(channel, reader.who)));
    }
  }
}

/** A writer's seat: whose budget its lines come out of. */
function seatKey(reader: Reader): string {
  return `${reader.matchID}/${reader.who}`;
}

function isWriter(reader: Reader): reader is Reader & { who: Writer } {
  return reader.who !== null;
}

/** The seat whose credentials a writer proves: a power's, or Control's (seat "6", opened by the control token). */
function seatOf(metadata: MatchMetadata, who: Writer): Server.PlayerMetadata | undefined {
  return who === CONTROL ? metadata.players[Number(CONTROL_SEAT)] : playerOf(metadata, who);
}

/** Who wrote the line: the member of a classroom team whose token it was, the player of an online seat; Control is Control. */
function authorOf(metadata: MatchMetadata, who: Writer, credentials: unknown): string | null {
  if (who === CONTROL) return null;
  if (metadata.triangles.exercise) return memberOf(metadata as Exercise, who, credentials)?.name ?? null;
  return playerOf(metadata, who)?.name ?? null;
}

function nameOf(who: Writer): string {
  return who === CONTROL ? 'Control' : who;
}

function channelName(matchID: string): string {
  return `CHAT-${matchID}`;
}

/** A line as sent, checked; or what is wrong with it. */
function readLine(message: unknown, from: Writer): { channel: ChatChannel; text: string } | ChatRefusal {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse('malformed', 'the message must be an object { to, text }');
  const { to, text } = message as { to?: unknown; text?: unknown };
  if (to !== 'all' && to !== 'team' && !isPowerId(to)) return refuse('malformed', `"to" must be "all", "team" or one of ${POWERS.join(', ')}`);
  if (from === CONTROL && to !== 'all') return refuse('notControl', 'Control writes public statements only');
  if (to === from) return refuse('malformed', 'a private message needs another power than your own');
  if (typeof text !== 'string') return refuse('malformed', 'the text must be a string');
  const trimmed = text.trim();
  if (trimmed === '') return refuse('empty', 'the text is empty');
  if (trimmed.length > CHAT_MAX_LENGTH) return refuse('tooLong', `the text is too long (${trimmed.length} characters, at most ${CHAT_MAX_LENGTH})`);
  // One line of plain text: no line breaks, escapes or other control characters.
  if (/\p{Cc}/u.test(trimmed)) return refuse('malformed', 'the text may not contain control characters or line breaks');
  return { channel: from === CONTROL ? 'public' : channelOf(from, to), text: trimmed };
}
