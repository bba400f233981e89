/**
 * The chat protocol on the game's socket namespace ('/triangles'), shared by the
 * server (src/server/chat.ts) and the browser client, which may not import server code.
 * Types and constants only.
 *
 *   client → 'triangles:chat:join'     ...ChatJoinArgs   (a seat with its credentials, Control, or a spectator)
 *   server → 'triangles:chat:history'  ChatHistory       (the reader's conversations and every stored line it may read)
 *   client → 'triangles:chat:send'     ...ChatSendArgs   (only after joining as a seat or as Control)
 *   server → 'triangles:chat:message'  ChatLine          (to every socket that may read it)
 *   client → 'triangles:chat:mute'     ...ChatMuteArgs   (Control only, in an exercise)
 *   server → 'triangles:chat:muted'    ChatChannel[]     (after a mute or unmute: the reader's muted conversations)
 *   server → 'triangles:chat:refused'  ChatRefusal       (why a join, line or mute was refused)
 *
 * A line can arrive both live and in the history of a join made at the same moment:
 * clients keep lines by `seq`, which orders a match's lines.
 */
import type { PowerId } from '../game/powers.js';

export const CHAT_JOIN = 'triangles:chat:join';
export const CHAT_HISTORY = 'triangles:chat:history';
export const CHAT_SEND = 'triangles:chat:send';
export const CHAT_MESSAGE = 'triangles:chat:message';
export const CHAT_MUTE = 'triangles:chat:mute';
export const CHAT_MUTED = 'triangles:chat:muted';
export const CHAT_REFUSED = 'triangles:chat:refused';
/** The socket guard's answer to any other refused packet (the game's). */
export const REFUSED = 'triangles:refused';

/** Longest line, in UTF-16 code units (what `String.length` counts). */
export const CHAT_MAX_LENGTH = 500;

/** Control, the teacher of a classroom exercise: reads every conversation, writes public statements. */
export const CONTROL = 'control';

/** Who reads: a power's seat (every member of its team, in an exercise), Control, or a spectator (null). */
export type ChatReader = PowerId | typeof CONTROL | null;

/** Everyone at the table (and spectators), the writer's own team (exercises), or one other power. */
export type ChatTarget = 'all' | 'team' | PowerId;

/**
 * 'public'; the two powers of a private talk in POWERS order joined by '+' ("CHN+RUS");
 * or one power's team channel ("team:CHN"), which only exercises have.
 */
export type ChatChannel = 'public' | `${PowerId}+${PowerId}` | `team:${PowerId}`;

export interface ChatLine {
  seq: number;
  channel: ChatChannel;
  from: PowerId | typeof CONTROL;
  /** The name of the person who wrote it (which member of a classroom team; the player online), or null. */
  author: string | null;
  text: string;
  /** Milliseconds since 1970, set by the server. */
  at: number;
}

export interface ChatHistory {
  /** The conversations this reader has, in the order to show them. */
  channels: ChatChannel[];
  /** Those of them Control has muted. */
  muted: ChatChannel[];
  lines: ChatLine[];
}

/** playerID null (and no credentials) joins as a spectator, who reads public lines only; "6" with the control token joins as Control. */
export type ChatJoinArgs = [matchID: string, playerID: string | null, credentials?: string];

export type ChatSendArgs = [matchID: string, message: { to: ChatTarget; text: string }];

export type ChatMuteArgs = [matchID: string, channel: ChatChannel, muted: boolean];

/** What a refusal is about, for the client to say in its own words (src/view/text/en-chat.ts). */
export const CHAT_REFUSALS = [
  /** A packet no client of ours sends: wrong types, unknown channel, a line to oneself. */
  'malformed',
  'noMatch',
  /** Not the seat's (or Control's) credentials, or the seat has changed hands since the join. */
  'credentials',
  'notJoined',
  'spectator',
  /** Only Control mutes, and Control writes only public statements. */
  'notControl',
  /** Team channels (and so Control) exist only in classroom exercises. */
  'notExercise',
  'tooFast',
  'empty',
  'tooLong',
  'off',
  'muted',
  /** The server could not store or read: try again. */
  'failed',
] as const;
export type ChatRefusalCode = (typeof CHAT_REFUSALS)[number];

export interface ChatRefusal {
  code: ChatRefusalCode;
  /** The server's own account, for developers and logs; never shown as it is. */
  detail: string;
}
