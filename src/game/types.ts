/**
 * The match state G and the shapes of orders and decisions.
 *
 * Layout rule that keeps secrecy simple: everything public sits at the top level;
 * everything one seat may see sits under `seats[power]`; everything no seat may see
 * (deck order, the random generator, headlines not yet revealed) sits under `secret`.
 * `playerView` then only has to drop `secret`, drop other seats, and mask covert forces.
 */
import type { Effect } from '../scenario/schema.js';
import type { AidTarget, PairKey, PowerId } from './powers.js';
import type { RngState } from './rng.js';

export const TRACKS = ['tension', 'polarisation', 'front', 'capability'] as const;
export type TrackId = (typeof TRACKS)[number];
export type Tracks = Record<TrackId, number>;

export type Order =
  | { kind: 'engage'; target: PowerId }
  | { kind: 'pressure'; target: PowerId }
  | { kind: 'aid'; target: AidTarget; amount: number }
  | { kind: 'deploy'; theatre: string }
  | { kind: 'withdraw'; theatre: string }
  | { kind: 'build'; what: 'force' | 'capability' }
  | { kind: 'card'; card: string; target?: PowerId }
  | { kind: 'hold' };
export type OrderKind = Order['kind'];
export const ORDER_KINDS: readonly OrderKind[] = ['engage', 'pressure', 'aid', 'deploy', 'withdraw', 'build', 'card', 'hold'];

/** Forces one power has in one theatre: `covert` ones are unknown to everyone else until revealed. */
export interface Stack {
  open: number;
  covert: number;
}

/** What the match is waiting for. */
export type Step =
  | { kind: 'decide'; card: string; deck: 'headline' | 'crisis'; powers: PowerId[] }
  | { kind: 'orders' }
  | { kind: 'over' };

export interface PublicPower {
  capital: number;
  income: number;
  vp: number;
  reserve: number;
  handCount: number;
  /** Policy cards played, face up, in the order played. */
  discard: string[];
}

/** What only this seat (and Control) may see. */
export interface SeatSecrets {
  hand: string[];
  agenda: string;
  /** Orders locked in this round, until the reveal. */
  orders: Order[] | null;
  /** This seat's choice in the open decision, until the reveal. */
  choice: string | null;
  /**
   * Orders a team is still drafting (possibly fewer than a round needs), shared by the
   * team's devices; absent when there is none. Gone once orders are locked in.
   */
  draft?: Order[];
}

/** A public entry in the match log; `code` is a message id the view translates. */
export interface LogEntry {
  round: number;
  code: string;
  power?: PowerId;
  target?: AidTarget;
  card?: string;
  theatre?: string;
  track?: TrackId;
  value?: number;
  option?: string;
  /** Words Control wrote (an inject's title, an adjudication's reason), shown as written. */
  text?: string;
}

/**
 * A command of Control, the teacher running a classroom exercise (see control.ts).
 * Times (`at`, ms since the epoch) come from Control's side: the rules never read a clock.
 */
export type ControlCommand =
  | { kind: 'pause'; at: number }
  | { kind: 'resume'; at: number }
  | { kind: 'setTimer'; seconds: number; at: number }
  | { kind: 'extend'; seconds: number }
  | { kind: 'advance' }
  | { kind: 'inject'; card: string }
  | { kind: 'inject'; title: string; text: string; effects: Effect[] }
  | { kind: 'adjudicate'; track: TrackId; value: number; reason: string }
  | { kind: 'adjudicate'; relation: [PowerId, PowerId]; value: number; reason: string }
  | { kind: 'end' };

/**
 * A Control command as the round's record keeps it for the debrief. A headline put on
 * top is recorded without its card, which stays secret until it comes up (the round it
 * opens is then marked `injected`); an adjudication keeps the value it replaced; an
 * advance keeps whom it acted for.
 */
export type ControlRecord =
  | Exclude<ControlCommand, { kind: 'inject'; card: string } | { kind: 'adjudicate' } | { kind: 'advance' }>
  | { kind: 'queueHeadline' }
  | { kind: 'advance'; step: 'decide' | 'orders'; powers: PowerId[] }
  | (Extract<ControlCommand, { kind: 'adjudicate' }> & { from: number });

/**
 * The exercise clock, public so every screen can show it. While it runs, `deadline` is
 * when the step's time is up; while paused, `left` holds the time that was left.
 * Both are null when no timer is set for the current step.
 */
export interface Clock {
  paused: boolean;
  deadline: number | null;
  left: number | null;
}

/** Kept for every finished round so the debrief can be drawn from the stored match alone. */
export interface RoundRecord {
  round: number;
  headline: string;
  crisis: string | null;
  choices: Partial<Record<PowerId, string>>;
  crisisChoices: Partial<Record<PowerId, string>>;
  orders: Partial<Record<PowerId, Order[]>>;
  /** Objectives each power met when the round was scored. */
  scored: Partial<Record<PowerId, string[]>>;
  tracks: Tracks;
  relations: Record<PairKey, number>;
  vp: Record<PowerId, number>;
  /** Control's commands given during this round, in order (classroom exercises only). */
  control?: ControlRecord[];
  /** This round's headline was put on top by Control. */
  injected?: true;
  /**
   * The crisis deck was shuffled whole before this round's draw: it ran out, or no card
   * left in it could be drawn (a crisis `requires` unmet). Public, like the draws, so the
   * cards still in the deck are known to all.
   */
  crisisReshuffled?: true;
}

export interface WarRecord {
  round: number;
  culprit: PowerId | null;
}

export interface FinalResult {
  /** Powers from first to last; ties share a place and keep seat order. */
  ranking: { power: PowerId; vp: number; place: number }[];
  winner: PowerId | null;
  war: WarRecord | null;
  /** Revealed at the end: each power's agenda and whether it was met. */
  agendas: Record<PowerId, { agenda: string; met: boolean; points: number }>;
}

export interface GameState {
  scenario: string;
  /** How many rounds this match lasts (the classroom short form may be shorter). */
  rounds: number;
  round: number;
  step: Step;
  tracks: Tracks;
  /** Tracks at the start of the round, for "rose this round" objectives. */
  roundStart: Tracks;
  relations: Record<PairKey, number>;
  powers: Record<PowerId, PublicPower>;
  /** theatre → power → forces. Covert counts are masked for other seats by playerView. */
  forces: Record<string, Partial<Record<PowerId, Stack>>>;
  headline: string | null;
  crisis: string | null;
  /** Powers that have locked in this step (public: everyone sees who is still thinking). */
  ready: PowerId[];
  flags: string[];
  stats: {
    /** "RUS>PRK" → Capital given over the game. */
    aidGiven: Record<string, number>;
    aidReceivedThisRound: Partial<Record<PowerId, number>>;
    roundsAtFront: Partial<Record<PowerId, number>>;
  };
  /** Effects that last until the end of the round. */
  /** `provoked`: the first power whose provocation this round may spark a crisis (rules.crisisEvents). */
  roundFx: { shielded: PowerId[]; cancelled: PowerId[]; tensionRaised: boolean; provoked?: PowerId };
  history: RoundRecord[];
  log: LogEntry[];
  war: WarRecord | null;
  result: FinalResult | null;
  /** The exercise clock; absent until Control first sets or pauses it. */
  clock?: Clock;
  seats: Record<PowerId, SeatSecrets>;
  secret: {
    rng: RngState;
    decks: Record<PowerId, string[]>;
    /** Headline id for each round still to come (pools already drawn). */
    headlines: string[];
    crises: string[];
    /** Headlines Control put on top, first in first out: they come before `headlines`. */
    injects?: string[];
  };
}

/**
 * The public table: everything the resolution of orders, effects and decisions and the
 * round's close read and write (src/game/resolution.ts). The master state is a table,
 * and so is a seat's view: a bot foresees its own acts by running the rules'
 * resolution on an imagined copy of its view (src/bots/foresee.ts), so the bots can
 * never play a different game from the rules.
 */
export type Table = Omit<GameState, 'secret' | 'seats'>;

/** A seat's view: the same shape with `secret` gone and other seats' secrets removed. */
export type SeatView = Omit<GameState, 'secret' | 'seats'> & {
  /** The seat this view is for (null for a spectator). */
  viewer: PowerId | null;
  seats: Partial<Record<PowerId, SeatSecrets>>;
  /** Other powers' covert forces, per theatre, without saying whose (their `covert` counts read 0). */
  unknownForces: Record<string, number>;
};

/**
 * Control's view: everything, including every seat's secrets, deck order, headlines to
 * come and queued injects; only the random generator's state is left out (it would
 * predict every later shuffle, which even Control has no use for).
 */
export type ControlView = Omit<GameState, 'secret'> & {
  viewer: 'control';
  secret: Omit<GameState['secret'], 'rng'>;
  /** Always 0: Control sees every covert force where it stands. Kept so a view is read alike everywhere. */
  unknownForces: Record<string, number>;
};

/** Anything the legality and scoring functions can read: the full state or a view. */
export type Readable = GameState | SeatView | ControlView;

/** What Control's checks read: the full state or Control's view. */
export type Overseen = GameState | ControlView;

export type Action = { type: 'orders'; orders: Order[] } | { type: 'decide'; option: string };
