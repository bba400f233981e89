/**
 * The words of the reveal in English: the round resolving step by step, on the map and
 * beside it. Power, track and order names come from en.ts; card titles and theatre
 * names from the scenario; the log's sentences from LOG_TEXT.
 */
import { signed } from './en-game.js';

/** Each step of the resolution: its title and what the rules do at it, in one sentence. */
export const REVEAL_STEP = {
  orders: {
    title: 'The orders',
    rule: 'Every power’s orders are revealed at once, and each power pays for its own.',
  },
  reactions: {
    title: 'Reactions',
    rule: 'Cards that cancel another power’s cards act first, then cards that shield a power’s relations for the round.',
  },
  diplomacy: {
    title: 'Diplomacy',
    rule: 'Engagements improve relations (engaging each other is a summit), then pressure worsens them. Across the blocs they move Polarisation.',
  },
  aid: {
    title: 'Aid and sanctions',
    rule: (sanction: number) => `Holds pay out and aid arrives, then each pressure costs its target ${sanction} Capital. Aid sent to Ukraine pushes the Front back.`,
  },
  military: {
    title: 'Forces',
    rule: 'Forces are withdrawn and deployed, then new ones are built. A missile test raises Capability and Tension.',
  },
  cards: {
    title: 'Policy cards',
    rule: 'The cards played take effect, in seat order: China, Russia, North Korea, United States, Japan, South Korea.',
  },
  posture: {
    title: 'Posture',
    rule: 'A force moved in next to a hostile power raises Tension; one pulled back from there lowers it. The forces at the Ukraine Front move the Front.',
  },
  crisis: {
    title: 'Crisis',
    rule: (at: number) => `Tension is at ${at} or more: a crisis card is drawn, and the powers it names choose to escalate or calm it.`,
  },
  roundEnd: {
    title: 'End of the round',
    rule: 'If nothing raised Tension this round, it eases. Then every power scores its objectives.',
  },
  summary: {
    title: 'The round in sum',
    rule: 'What the round changed, from the reveal to its end.',
  },
} as const;

/** What a step's marks say on the map, next to the arrow or on the capital. */
export const REVEAL_MARK = {
  engage: 'engages',
  summit: 'summit',
  pressure: 'pressure',
  sanction: 'sanction',
  aid: (amount: number) => `aid ${amount}`,
  deploy: 'deploys',
  withdraw: 'withdraws',
  buildForce: 'builds a force',
  buildCapability: 'missile test',
  hold: (gain: number) => `holds ${signed(gain)}`,
  card: (title: string) => `“${title}”`,
  cancelled: (title: string) => `“${title}” cancelled`,
  /** A badge on a capital names its power: "North Korea: missile test". */
  onCapital: (power: string, label: string) => `${power}: ${label}`,
};

export const REVEAL_PLAYER = {
  /** The panel's heading. */
  heading: (round: number) => `Round ${round}: the reveal`,
  stepOf: (step: number, steps: number) => `Step ${step} of ${steps}`,
  /** Announced when a step is shown: "Step 2 of 7, Diplomacy." followed by its lines. */
  announce: (step: number, steps: number, title: string, lines: readonly string[]) =>
    [`Step ${step} of ${steps}: ${title}.`, ...lines].join(' '),
  back: '← Back',
  next: 'Next →',
  play: 'Play',
  pause: 'Pause',
  skip: 'Skip to the sum',
  replay: '↻ Replay',
  continue: 'Continue',
  continueToRound: (round: number) => `Continue to round ${round}`,
  continueToResults: 'Continue to the results',
  /** The button that opens the last reveal again once it is closed. */
  watchAgain: (round: number) => `↻ Watch round ${round}’s reveal again`,
  /** Under the first step: how to read the map's marks. */
  mapKey: 'On the map, each order leaves its power’s capital: a smooth arrow engages, a zigzag presses, a hollow arrow carries aid, a thick one moves a force; cards, builds and holds are written on the capital.',
  why: 'Why',
  nothingChanged: 'Nothing changed at this step.',
  changes: 'Changes',
  tracksNow: 'The tracks after this step',
  relationChange: (pair: string, from: number, to: number) => `${pair} ${signed(from)} → ${signed(to)}`,
  trackChange: (name: string, from: number, to: number) => `${name} ${from} → ${to}`,
  trackChangeFront: (name: string, from: number, to: number) => `${name} ${signed(from)} → ${signed(to)}`,
  pair: (a: string, b: string) => `${a}–${b}`,
  noOrders: 'No orders',
  holds: (power: string, gain: number) => `${power} holds: ${signed(gain)} Capital.`,
  points: 'Points this round',
  tracksChanged: 'Tracks',
  relationsChanged: 'Relations',
  /** Keyboard help under the buttons. */
  keys: 'Keys: ← and → step, Space plays or pauses, End skips to the sum.',
  pending: 'The crisis is being decided: the round ends when every power named has chosen.',
  war: 'War: the game ends here, and the rest of the round is not played.',
};

/** The hot-seat screen that shows the reveal once to everyone at the table, between two people's turns. */
export const REVEAL_TABLE = {
  title: (round: number) => `Round ${round} is revealed`,
  note: 'For everyone at the table: no hand or secret is on this screen.',
};
