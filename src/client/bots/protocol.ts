/** Messages between the page and the bot worker. */
import type { PowerId } from '../../game/powers.js';
import type { Action, SeatView } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import type { BotLevel } from '../../bots/levels.js';

/**
 * The page sends the match's scenario once, then one question per bot decision.
 * (The worker is not bundled with the scenarios: the page already has them.)
 */
export type BotRequest =
  | { kind: 'scenario'; scenario: Scenario }
  | {
      kind: 'decide';
      id: number;
      power: PowerId;
      level: BotLevel;
      /** Seeds the bot's own randomness so a decision is reproducible. */
      seed: string;
      /** Exactly what a person in this seat would see. */
      view: SeatView;
    };

/** The bot's action with its one-line rationale, which stays in this page until the reveal makes the orders public. */
export type BotReply = { id: number; action: Action; rationale: string } | { id: number; error: string };
