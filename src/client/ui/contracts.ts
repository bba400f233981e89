/**
 * What the controller (app.ts) asks of each screen. Screens render into the root
 * element they are given and report what the person did through these callbacks.
 *
 * Stable hooks for browser tests (data-testid), kept by every screen:
 *  start:    play-online (button), start-form, start-power (radio, value = power id), start-hotseat (checkbox per power, value = power id),
 *            start-seed (input), start-game (button), resume-game (button), discard-save (button), open-rules (button),
 *            run-exercise (the link to Control's create-exercise form)
 *  game:     game-screen, map (the map's container), prompt, tracks, headline, hand (its cards: li with data-card = card id and
 *            data-state = playable, unplayable, chosen or idle), objectives, log,
 *            order-kind (button, data-kind), option (button, data-order = JSON of the order), chosen-order (li, with a
 *            remove button inside), submit-orders (button), decision-option (button, data-option = option id),
 *            reveal (the account of the last round), open-rules (button), quit (button), watching (a spectator's banner),
 *            reveal-player (the round resolving, data-round, data-step, data-steps, data-step-id), reveal-step (its body,
 *            data-step-id), reveal-power (a power's orders on the first step, data-power), reveal-pill (a step's button),
 *            reveal-back, reveal-next, reveal-play, reveal-skip, reveal-replay, reveal-continue, reveal-watch-again (buttons),
 *            locked-by-other (a team member's note naming the captain, who alone locks in); online while the
 *            connection is down: offline-note (what a move made now does), data-offline="true" on submit-orders and
 *            decision-option, queued-move (a move made offline, not sent yet);
 *            chat (online), chat-channel (button, data-channel), chat-lines, chat-line (data-from), chat-input, chat-send,
 *            chat-error, chat-spectator
 *  hand-over: handover, handover-ready (button); reveal-screen (the table's reveal between two people, with the reveal-* hooks)
 *  end:      end-screen, ranking, new-game (button), end-seed (a read-only input holding the seed), copy-seed (button)
 *  rules:    rules-page (a dialog), close-rules (button)
 *  problem:  problem, problem-action (button)
 *  online:   online-home, create-form, seat-kind (select per power, data-power), create-public (checkbox), create-match
 *            (button), join-form, join-code (input), join-submit (button), public-matches, open-match (button, data-code),
 *            lobby-notice, lobby-back (button); waiting-room (data-code), room-code, room-link, room-status, waiting-host,
 *            player-name (input), seat-row (data-power), take-seat (button, data-power), start-match, leave-seat,
 *            watch-match (buttons), online-status (the connection notice over an online game), room-settings (the settings
 *            in words), settings-form (the host's), setting-chat, setting-grace, setting-timer, setting-round-seconds, save-settings
 */
import type { BotLevel } from '../../bots/levels.js';
import type { PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { Action, Order, Readable } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { SeatDrafts } from '../drafts.js';
import type { Rationales } from '../../view/revealSteps.js';
import type { Match } from '../net/match.js';
import type { LoadResult, SavedGame } from '../save.js';

export interface StartChoice {
  scenario: string;
  /** The seats people play on this device: one for solo, several for hot-seat. */
  humans: PowerId[];
  botLevel: BotLevel;
  seed?: string;
  rounds?: number;
}

export interface StartScreenProps {
  scenarios: Scenario[];
  saved: LoadResult;
  /** A seed from the URL, or the text of one that was not valid. */
  seed: { seed: string | null; error: string | null };
  onStart(choice: StartChoice): void;
  onResume(save: SavedGame): void;
  onDiscardSave(): void;
  onRules(): void;
  /** Go to the online lobby. */
  onOnline(): void;
}

export interface GameScreenProps {
  match: Match;
  /** The seat whose view is shown (a spectator's view is the same whichever seat is named). */
  power: PowerId;
  /** A spectator online: no hand, no orders, no move; a banner says so. */
  watching?: boolean;
  /** The chat panel of an online game, kept by the controller across redraws; none in solo and hot-seat play. */
  chat?: HTMLElement | null;
  /** The round timer of an online match whose host set one, kept by the controller across redraws. */
  timer?: HTMLElement | null;
  /** A classroom team's seat: its draft is shared by the team's devices, and only the captain locks in. */
  team?: TeamSeat | null;
  /** Where this seat's orders chosen but not locked in are kept, so a reload gives them back (none for a team or a spectator). */
  drafts?: SeatDrafts | null;
  /** The round's reveal on this screen (none: no reveal player, as on a classroom team's device for now). */
  reveal?: ScreenReveal | null;
  /** Returns why the action was refused, or null once it is accepted. */
  onAct(action: Action): Reason | null;
  onRules(): void;
  onQuit(): void;
}

/**
 * A seat played by a team on several devices (a classroom exercise). The draft lives
 * in the seat's view (`seats[power].draft`), so every member sees each edit; the
 * captain's device locks in the orders and decisions, the others draft.
 */
export interface TeamSeat {
  /** Save the team's draft; why it was refused, or null once it is sent. */
  saveDraft(orders: Order[]): Reason | null;
  /** Null when this device is the captain's; otherwise the captain's name, who alone locks in. */
  captain(): string | null;
  /** Kept by the page above the move: the team, its clock and its brief. */
  panel: HTMLElement;
}

/** What a game screen's reveal asks of the controller, which keeps it across screens. */
export interface ScreenReveal {
  /** The round whose reveal should open now, or null. */
  due(view: Readable): number | null;
  /** The bots' rationales for a revealed round, where this device ran the bots. */
  rationales(round: number): Rationales;
  /** The reveal of this round was closed. */
  seenRound(round: number): void;
}

export interface GameScreen {
  /** The match changed: redraw from the seat's current view. */
  update(): void;
  destroy(): void;
}

export interface EndScreenProps {
  match: Match;
  /** The seed the match was set up with, to replay it; null when this device never knew it (an online match). */
  seed: string | null;
  onNewGame(): void;
  onRules(): void;
}

export type ProblemKind = 'scenarioBroken' | 'saveDoesNotReplay' | 'classroomBroken';
