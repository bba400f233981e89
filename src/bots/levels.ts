/**
 * The bot levels and the one door to them. A level is a maker of bots from a seed;
 * a level plugs in by adding its name to BOT_LEVELS and its maker to MAKERS, and
 * every caller (the browser worker, the CLIs, the tests) gets it through `createBot`
 * or `botActionFor`.
 */
import type { PowerId } from '../game/powers.js';
import type { SeatView } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import type { Bot, BotChoice } from './bot.js';
import { easyBot } from './easy.js';
import { hardBot } from './hard.js';
import { normalBot } from './normal.js';

export const BOT_LEVELS = ['easy', 'normal', 'hard'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

const MAKERS: Record<BotLevel, (seed: string) => Bot> = {
  easy: easyBot,
  normal: normalBot,
  hard: (seed) => hardBot(seed),
};

export function isBotLevel(value: unknown): value is BotLevel {
  return typeof value === 'string' && (BOT_LEVELS as readonly string[]).includes(value);
}

export function createBot(level: BotLevel, seed: string): Bot {
  return MAKERS[level](seed);
}

/** For the browser's bot worker: one seat's action and rationale, from its view alone. */
export function botActionFor(level: BotLevel, sc: Scenario, view: SeatView, power: PowerId, seed: string): BotChoice {
  return createBot(level, seed)(sc, view, power);
}
