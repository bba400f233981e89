/**
 * The chat protocol on the game's socket namespace ('/triangles'), shared by the
 * server (src/server/chat.ts) and the browser client, which may not import server code.
 * Types and constants only.
 *
 *   client → 'triangles:chat:join'     ...ChatJoinArgs   (a seat with its credentials, or a spectator)
 *   server → 'triangles:chat:history'  ChatLine[]        (every stored line this reader may read)
 *   client → 'triangles:chat:send'     ...ChatSendArgs   (only after joining as a seat)
 *   server → 'triangles:chat:message'  ChatLine          (to every socket that may read it)
 *   server → 'triangles:refused'       string            (why a join or send was refused)
 *
 * A line can arrive both live and in the history of a join made at the same moment:
 * clients keep lines by `seq`, which orders a match's lines.
 */
import type { PowerId } from '../game/powers.js';

export const CHAT_JOIN = 'triangles:chat:join';
export const CHAT_HISTORY = 'triangles:chat:history';
export const CHAT_SEND = 'triangles:chat:send';
export const CHAT_MESSAGE = 'triangles:chat:message';
/** The socket guard's answer to any refused packet, chat or not. */
export const REFUSED = 'triangles:refused';

/** Longest line, in UTF-16 code units (what `String.length` counts). */
export const CHAT_MAX_LENGTH = 500;

/** Everyone at the table (and spectators), or one other power. */
export type ChatTarget = 'all' | PowerId;

/** 'public', or the two powers of a private talk in POWERS order joined by '+' ("CHN+RUS"). */
export type ChatChannel = 'public' | `${PowerId}+${PowerId}`;

export interface ChatLine {
  seq: number;
  channel: ChatChannel;
  from: PowerId;
  text: string;
  /** Milliseconds since 1970, set by the server. */
  at: number;
}

/** playerID null (and no credentials) joins as a spectator, who reads public lines only. */
export type ChatJoinArgs = [matchID: string, playerID: string | null, credentials?: string];

export type ChatSendArgs = [matchID: string, message: { to: ChatTarget; text: string }];

/** How chat refusals start (chat.ts); the socket's other refusals are about the game. */
export const CHAT_REFUSAL_PREFIX = /^chat (join )?refused: /;

export function isChatRefusal(reason: string): boolean {
  return CHAT_REFUSAL_PREFIX.test(reason);
}
