/**
 * What the controller (app.ts) asks of each screen. Screens render into the root
 * element they are given and report what the person did through these callbacks.
 *
 * Stable hooks for browser tests (data-testid), kept by every screen:
 *  start:    start-form, start-power (radio, value = power id), start-hotseat (checkbox per power, value = power id),
 *            start-seed (input), start-game (button), resume-game (button), discard-save (button), open-rules (button)
 *  game:     game-screen, map (the map's container), prompt, tracks, headline, hand, objectives, log,
 *            order-kind (button, data-kind), option (button, data-order = JSON of the order), chosen-order (li, with a
 *            remove button inside), submit-orders (button), decision-option (button, data-option = option id),
 *            reveal (the account of the last round), open-rules (button), quit (button)
 *  hand-over: handover, handover-ready (button)
 *  end:      end-screen, ranking, new-game (button)
 *  rules:    rules-page (a dialog), close-rules (button)
 *  problem:  problem, problem-action (button)
 */
import type { BotLevel } from '../../bots/levels.js';
import type { PowerId } from '../../game/powers.js';
import type { Reason } from '../../game/reasons.js';
import type { Action } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { LocalMatch } from '../net/localMatch.js';
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
}

export interface GameScreenProps {
  match: LocalMatch;
  power: PowerId;
  /** Returns why the action was refused, or null once it is accepted. */
  onAct(action: Action): Reason | null;
  onRules(): void;
  onQuit(): void;
}

export interface GameScreen {
  /** The match changed: redraw from the seat's current view. */
  update(): void;
  destroy(): void;
}

export interface EndScreenProps {
  match: LocalMatch;
  onNewGame(): void;
  onRules(): void;
}

export type ProblemKind = 'scenarioBroken' | 'saveDoesNotReplay';
