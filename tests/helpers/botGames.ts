/** Whole games played by bots, and the statistics the bot-level tests judge them by. */
import type { Bot } from '../../src/bots/bot.js';
import { botPolicy } from '../../src/bots/botPolicy.js';
import { createBot, type BotLevel } from '../../src/bots/levels.js';
import { playToEnd } from '../../src/bots/play.js';
import type { Policy } from '../../src/bots/policy.js';
import { POWERS, type PowerId } from '../../src/game/powers.js';
import { setupState } from '../../src/game/setup.js';
import type { GameState } from '../../src/game/types.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** Every seat played by the bot `bot(power)` makes for it. */
export function botSeats(bot: (power: PowerId) => Bot): Record<PowerId, Policy> {
  return Object.fromEntries(POWERS.map((p) => [p, botPolicy(bot(p))])) as Record<PowerId, Policy>;
}

/**
 * Whole games with `level` in every seat (game g seeded `${seed}/${g}`, its seats
 * `${seed}/${g}/${power}`), collecting the master state before every action some seat is due to take.
 */
export function snapshots(sc: Scenario, level: BotLevel, games: number, seed: string): GameState[] {
  const out: GameState[] = [];
  for (let g = 0; g < games; g++) {
    const G = setupState(sc, { seed: `${seed}/${g}` });
    out.push(structuredClone(G));
    playToEnd(sc, G, botSeats((p) => createBot(level, `${seed}/${g}/${p}`)), { afterAction: (state) => state.step.kind !== 'over' && out.push(structuredClone(state)) });
  }
  return out;
}

/** The mean final score of the powers `side` holds less the mean of the others'. */
export function scoreGap(G: GameState, side: (power: PowerId) => boolean): number {
  const mean = (mine: boolean) => {
    const powers = POWERS.filter((p) => side(p) === mine);
    return powers.reduce((s, p) => s + G.powers[p].vp, 0) / powers.length;
  };
  return mean(true) - mean(false);
}
