/**
 * The chat as one reader sees it, as data: which conversations it has, who may read
 * each (the server asks here too), the lines of each in order, how many are unread,
 * and which Control has muted. No DOM and no socket: the panel draws this, the chat
 * client fills it.
 */
import { PAIRS, POWERS, isPowerId, pairKey, type PowerId } from '../game/powers.js';
import { CONTROL, type ChatChannel, type ChatLine, type ChatReader, type ChatTarget } from './chatProtocol.js';

/** Named as the server names it: the two powers in POWERS order, joined by '+'. */
export function privateChannel(a: PowerId, b: PowerId): ChatChannel {
  return pairKey(a, b).replace('-', '+') as ChatChannel;
}

export function teamChannel(power: PowerId): ChatChannel {
  return `team:${power}`;
}

/** The team a team channel belongs to, or null for another channel. */
export function teamOf(channel: ChatChannel): PowerId | null {
  return channel.startsWith('team:') ? (channel.slice(5) as PowerId) : null;
}

/** The two powers of a private channel, or null for another channel. */
export function pairOf(channel: ChatChannel): [PowerId, PowerId] | null {
  const parts = channel.split('+');
  return parts.length === 2 ? (parts as [PowerId, PowerId]) : null;
}

/** A channel's name as it arrives from outside, checked. */
export function isChatChannel(value: unknown): value is ChatChannel {
  if (value === 'public') return true;
  if (typeof value !== 'string') return false;
  if (value.startsWith('team:')) return isPowerId(value.slice(5));
  const pair = value.split('+');
  return pair.length === 2 && isPowerId(pair[0]) && isPowerId(pair[1]) && pair[0] !== pair[1] && privateChannel(pair[0], pair[1]) === value;
}

/**
 * The conversations a reader has: the public one; in an exercise (`teams`), its own
 * team's; then one with each other power. Control has every one; a spectator only the public.
 */
export function chatChannels(reader: ChatReader, teams: boolean): ChatChannel[] {
  if (reader === null) return ['public'];
  if (reader === CONTROL) return ['public', ...POWERS.map(teamChannel), ...PAIRS.map((key) => key.replace('-', '+') as ChatChannel)];
  const others = POWERS.filter((p) => p !== reader).map((p) => privateChannel(reader, p));
  return ['public', ...(teams ? [teamChannel(reader)] : []), ...others];
}

/** Public lines are for everyone; a team's for its members; a private line for its two powers; Control reads them all. */
export function mayRead(channel: ChatChannel, reader: ChatReader): boolean {
  if (channel === 'public' || reader === CONTROL) return true;
  if (reader === null) return false;
  return teamOf(channel) === reader || (pairOf(channel)?.includes(reader) ?? false);
}

/** Whom a line written in this conversation goes to; null where the reader may only read (Control outside the public one, a spectator). */
export function targetOf(channel: ChatChannel, reader: ChatReader): ChatTarget | null {
  if (reader === null) return null;
  if (channel === 'public') return 'all';
  if (reader === CONTROL) return null;
  if (teamOf(channel)) return 'team';
  return pairOf(channel)!.find((p) => p !== reader)!;
}

/** The channel a line to `to` from `from` goes in. */
export function channelOf(from: PowerId, to: ChatTarget): ChatChannel {
  if (to === 'all') return 'public';
  if (to === 'team') return teamChannel(from);
  return privateChannel(from, to);
}

/**
 * Lines kept by `seq` (a line can come both live and in a join's history); per
 * conversation the newest line the reader has seen; the reader's conversations and
 * which are muted, as the server last said.
 *
 * In an exercise a power's lines come from any of its team's devices: a line is this
 * reader's own only if this device sent it (`sending`, matched when it comes back).
 */
export class ChatLog {
  private readonly bySeq = new Map<number, ChatLine>();
  private readonly seen = new Map<ChatChannel, number>();
  private readonly own = new Set<number>();
  private readonly pending: Array<{ channel: ChatChannel; text: string }> = [];
  private muted = new Set<ChatChannel>();
  /** Until the server says otherwise: what an online match's reader has. */
  channels: ChatChannel[];

  constructor(readonly reader: ChatReader) {
    this.channels = chatChannels(reader, false);
  }

  /** True when this reader's side plays as a team (several devices on one seat). */
  get teams(): boolean {
    return this.channels.some((c) => teamOf(c) !== null);
  }

  /** The server's history: the conversations, what is muted, and the lines. True if anything changed. */
  reset(channels: readonly ChatChannel[], muted: readonly ChatChannel[]): boolean {
    const changed = channels.join() !== this.channels.join() || !sameSet(this.muted, muted);
    this.channels = [...channels];
    this.muted = new Set(muted);
    return changed;
  }

  setMuted(muted: readonly ChatChannel[]): boolean {
    const changed = !sameSet(this.muted, muted);
    this.muted = new Set(muted);
    return changed;
  }

  isMuted(channel: ChatChannel): boolean {
    return this.muted.has(channel);
  }

  /** This device is sending `text` in `channel`: when it comes back, it is the reader's own. */
  sending(channel: ChatChannel, text: string): void {
    this.pending.push({ channel, text });
  }

  /** Adds lines; true if any was new. */
  add(lines: readonly ChatLine[]): boolean {
    let added = false;
    for (const line of lines) {
      if (this.bySeq.has(line.seq)) continue;
      this.bySeq.set(line.seq, line);
      const sent = line.from === this.reader ? this.pending.findIndex((p) => p.channel === line.channel && p.text === line.text) : -1;
      if (sent >= 0) {
        this.pending.splice(sent, 1);
        this.own.add(line.seq);
      }
      added = true;
    }
    return added;
  }

  /** The reader wrote it: this device for a team's member, the seat (or Control, one person) otherwise. */
  isMine(line: ChatLine): boolean {
    return this.teams && this.reader !== CONTROL ? this.own.has(line.seq) : line.from === this.reader;
  }

  lines(channel: ChatChannel): ChatLine[] {
    return [...this.bySeq.values()].filter((l) => l.channel === channel).sort((a, b) => a.seq - b.seq);
  }

  /** Lines from others since the reader last had this conversation open. */
  unread(channel: ChatChannel): number {
    const seen = this.seen.get(channel) ?? 0;
    return this.lines(channel).filter((l) => l.seq > seen && !this.isMine(l)).length;
  }

  markRead(channel: ChatChannel): void {
    this.seen.set(channel, Math.max(0, ...this.lines(channel).map((l) => l.seq)));
  }
}

function sameSet(a: ReadonlySet<ChatChannel>, b: readonly ChatChannel[]): boolean {
  return a.size === new Set(b).size && b.every((c) => a.has(c));
}
