/** What the game server needs from a storage back end: boardgame.io's API plus chat and shutdown. */
import type { Async } from 'boardgame.io/internal';

/** One chat line as the server hands it over; `channel` names who may read it (public, or a pair of powers). */
export interface ChatMessage {
  channel: string;
  from: string;
  /** The display name of the person who wrote it (a classroom team has several), or null. */
  author: string | null;
  text: string;
  at: number;
}

/** A stored chat line; `seq` orders the lines of one match (1, 2, 3, ...). */
export interface StoredChatMessage extends ChatMessage {
  seq: number;
}

export interface MatchStore extends Async {
  connect(): Promise<void>;
  /** Stores a chat line with the match and returns its sequence number within the match. */
  appendChat(matchID: string, message: ChatMessage): Promise<number>;
  /** Every chat line of the match, oldest first; filtering by reader is the caller's job. */
  listChat(matchID: string): Promise<StoredChatMessage[]>;
  close(): Promise<void>;
}
