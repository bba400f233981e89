/**
 * Every word of the chat panel in an online game.
 */
export const CHAT = {
  title: 'Chat',
  channels: 'Conversations',
  public: 'Everyone',
  publicHint: 'Everyone at the table and anyone watching reads this.',
  privateHint: (power: string) => `Only you and ${power} read this.`,
  unread: (count: number) => `${count} new`,
  unreadLabel: (count: number) => `${count} unread ${count === 1 ? 'message' : 'messages'}`,
  empty: 'No messages yet.',
  inputLabel: (to: string) => `Message to ${to}`,
  send: 'Send',
  hint: (max: number) => `Enter sends. At most ${max} characters.`,
  /** Who wrote a line, the reader's own marked. */
  author: (power: string, mine: boolean) => (mine ? `${power} (You)` : power),
  /** When a line was written, in the reader's own clock format. */
  time: (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
  spectatorNote: 'Spectators read the public chat and cannot write in it.',
  offNote: 'The host has turned chat off for this match.',
  refused: {
    off: 'Not sent: the host has turned chat off.',
    tooLong: (max: number) => `Not sent: a message can be at most ${max} characters.`,
    tooFast: 'Not sent: too many messages at once. Wait a few seconds, then send again.',
    empty: 'Type a message first.',
    other: (why: string) => `Not sent: ${why}.`,
  },
};
