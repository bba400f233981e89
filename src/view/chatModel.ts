/**
 * The chat as one seat (or a spectator) reads it, as data: which conversations it has,
 * the lines of each in order, and how many are unread. No DOM and no socket: the panel
 * draws this, the chat client fills it.
 */
import { POWERS, pairKey, type PowerId } from '../game/powers.js';
import { CHAT_REFUSAL_PREFIX, type ChatChannel, type ChatLine, type ChatTarget } from './chatProtocol.js';

/** The public conversation, then one with each other power; a spectator has only the public one. */
export function chatChannels(me: PowerId | null): ChatChannel[] {
  if (!me) return ['public'];
  return ['public', ...POWERS.filter((p) => p !== me).map((p) => privateChannel(me, p))];
}

/** Named as the server names it: the two powers in POWERS order, joined by '+'. */
export function privateChannel(a: PowerId, b: PowerId): ChatChannel {
  return pairKey(a, b).replace('-', '+') as ChatChannel;
}

/** Whom a line written in this conversation goes to. */
export function targetOf(channel: ChatChannel, me: PowerId): ChatTarget {
  if (channel === 'public') return 'all';
  return channel.split('+').find((p) => p !== me) as PowerId;
}

export type RefusalKind = 'off' | 'tooLong' | 'tooFast' | 'other';

/** What a chat refusal from the server (src/server/chat.ts) is about, so it can be said in words. */
export function refusalKind(reason: string): RefusalKind {
  if (reason.includes('turned chat off')) return 'off';
  if (reason.includes('too long')) return 'tooLong';
  if (reason.includes('too many')) return 'tooFast';
  return 'other';
}

/** The server's reason without its "chat refused: " prefix, for the words of an unexpected refusal. */
export function refusalDetail(reason: string): string {
  return reason.replace(CHAT_REFUSAL_PREFIX, '');
}

/**
 * Lines kept by `seq` (a line can come both live and in a join's history), and per
 * conversation the newest line the reader has seen.
 */
export class ChatLog {
  private readonly bySeq = new Map<number, ChatLine>();
  private readonly seen = new Map<ChatChannel, number>();

  constructor(readonly me: PowerId | null) {}

  /** Adds lines; true if any was new. */
  add(lines: readonly ChatLine[]): boolean {
    let added = false;
    for (const line of lines) {
      if (this.bySeq.has(line.seq)) continue;
      this.bySeq.set(line.seq, line);
      added = true;
    }
    return added;
  }

  lines(channel: ChatChannel): ChatLine[] {
    return [...this.bySeq.values()].filter((l) => l.channel === channel).sort((a, b) => a.seq - b.seq);
  }

  /** Lines from others since the reader last had this conversation open. */
  unread(channel: ChatChannel): number {
    const seen = this.seen.get(channel) ?? 0;
    return this.lines(channel).filter((l) => l.seq > seen && l.from !== this.me).length;
  }

  markRead(channel: ChatChannel): void {
    this.seen.set(channel, Math.max(0, ...this.lines(channel).map((l) => l.seq)));
  }
}
