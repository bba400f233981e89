/**
 * Every word of the chat panel in an online game or a classroom exercise.
 */
import { CHAT_MAX_LENGTH, type ChatRefusalCode } from '../chatProtocol.js';
import { possessive } from './en-game.js';

export const CHAT = {
  title: 'Chat',
  channels: 'Conversations',
  public: 'Everyone',
  team: 'Your team',
  control: 'Control',
  /** Control's headings over its many conversations. */
  teamsHeading: 'Teams',
  pairsHeading: 'Between two powers',
  pairChoose: 'Choose two powers…',
  /** One of Control's fifteen pairs in its list, with what a button would show. */
  pairOption: (pair: string, muted: boolean, unread: number) => [pair, muted ? '(muted)' : '', unread ? `(${unread} new)` : ''].filter(Boolean).join(' '),
  pair: (a: string, b: string) => `${a} – ${b}`,
  publicHint: 'Everyone at the table and anyone watching reads this.',
  privateHint: (power: string) => `Only you and ${power} read this.`,
  /** In an exercise Control reads every conversation, and the hints say so. */
  exercisePrivateHint: (power: string) => `Only your team, ${possessive(power)} team and Control read this.`,
  teamHint: "Only your team's members and Control read this.",
  controlTeamHint: (power: string) => `${possessive(power)} team talks here: only its members and you read this.`,
  controlPairHint: (a: string, b: string) => `${a} and ${b} talk here: only their teams and you read this.`,
  unread: (count: number) => `${count} new`,
  unreadLabel: (count: number) => `${count} unread ${count === 1 ? 'message' : 'messages'}`,
  mutedTag: 'muted',
  mutedNote: 'Control has muted this conversation: no one can write in it for now.',
  mute: 'Mute this conversation',
  unmute: 'Unmute this conversation',
  controlReadOnly: 'You read this conversation; you write only to everyone.',
  empty: 'No messages yet.',
  inputLabel: (to: string) => `Message to ${to}`,
  statementLabel: 'Statement to everyone',
  send: 'Send',
  hint: (max: number) => `Enter sends. At most ${max} characters.`,
  /** Who wrote a line: the power, and the person when the line names one; the reader's own marked. */
  author: (power: string, person: string | null, mine: boolean) => `${person ? `${person} · ${power}` : power}${mine ? ' (You)' : ''}`,
  /** When a line was written, in the reader's own clock format. */
  time: (at: Date) => at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
  spectatorNote: 'Spectators read the public chat and cannot write in it.',
  offNote: 'The host has turned chat off for this match.',
  /** The server's refusals, by code (src/view/chatProtocol.ts). */
  refused: {
    malformed: 'Not sent: the server could not read that message. Reload the page and try again.',
    noMatch: 'Not sent: this match no longer exists.',
    credentials: 'Not sent: this device no longer holds its seat. Reload the page to join again.',
    notJoined: 'Not sent: still connecting to the chat. Try again in a moment.',
    spectator: 'Spectators read the public chat and cannot write in it.',
    notControl: 'Only Control can do that.',
    notExercise: 'Team conversations exist only in classroom exercises.',
    tooFast: 'Not sent: too many messages at once. Wait a few seconds, then send again.',
    empty: 'Type a message first.',
    tooLong: `Not sent: a message can be at most ${CHAT_MAX_LENGTH} characters.`,
    off: 'Not sent: the host has turned chat off.',
    muted: 'Not sent: Control has muted this conversation.',
    failed: 'Not sent: the server could not store it. Try again.',
  } satisfies Record<ChatRefusalCode, string>,
};
