/**
 * boardgame.io's own MCTSBot as a baseline for the bot tournaments. It is given the
 * master's full state (hidden hands, deck order, the random generator): it cheats,
 * which only makes it a stiffer baseline. It is configured the library's way, through
 * `ai.enumerate`, with moves built from `legalChoices` and `legalOrders`.
 *
 * Two adaptations, both because MCTSBot was written for turn-taking two-player games:
 *  - every seat is active at once here, and its playouts always ask the first active
 *    seat ("0") to move; so seat "0" enumerates for whichever seat the match waits for
 *    next (each move names its own seat), and every other seat enumerates nothing;
 *  - it credits a win to the seat named in `gameover.winner`, so the game it searches
 *    reports the winning seat rather than the winning power.
 * Three orders a round from some fifty legal ones is tens of thousands of plans, too
 * many to enumerate; a seat's plans are a fixed number of random legal plans (seeded
 * by the state) plus holding three times.
 */
import type { Game } from 'boardgame.io';
import { MCTSBot } from 'boardgame.io/ai';
import { InitializeGame } from 'boardgame.io/internal';
import { awaiting, legalChoices } from '../game/actions.js';
import { createTrianglesGame } from '../game/game.js';
import { seatOfPower, type PowerId } from '../game/powers.js';
import type { Action, GameState, Order } from '../game/types.js';
import type { Scenario } from '../scenario/schema.js';
import { randomPolicy } from '../bots/random.js';

export interface MctsSettings {
  iterations: number;
  playoutDepth: number;
  /** Random legal plans offered per orders step, besides holding. */
  plans: number;
}

const HOLD: Order = { kind: 'hold' };

function moveFor(power: PowerId, action: Action) {
  const args = action.type === 'decide' ? [action.option] : [action.orders];
  return { type: 'MAKE_MOVE' as const, payload: { type: action.type === 'decide' ? 'decide' : 'submitOrders', args, playerID: seatOfPower(power) } };
}

function enumerateFor(sc: Scenario, settings: MctsSettings) {
  return (G: GameState, _ctx: unknown, playerID: string) => {
    const power = awaiting(G)[0];
    if (playerID !== '0' || !power) return [];
    const choices = legalChoices(sc, G, power);
    if ('options' in choices) return choices.options.map((option) => moveFor(power, { type: 'decide', option }));
    const plans: Order[][] = [[HOLD, HOLD, HOLD].slice(0, sc.rules.ordersPerRound)];
    for (let i = 0; i < settings.plans; i++) plans.push(randomPolicy(`${G.log.length}/${power}/${i}`).orders(sc, G, power));
    return plans.map((orders) => moveFor(power, { type: 'orders', orders }));
  };
}

export interface MctsBaseline {
  /** The action MCTSBot picks for the seat the match waits for next, from the full state. */
  act(G: GameState, power: PowerId): Promise<Action>;
}

export function mctsBaseline(sc: Scenario, settings: MctsSettings, seed: string): MctsBaseline {
  const rules = createTrianglesGame({ scenarios: new Map([[sc.id, sc]]), defaultScenario: sc.id, newSeed: () => seed });
  const game: Game<GameState> = {
    ...rules,
    endIf: ({ G }) => (G.result ? { winner: G.result.winner ? seatOfPower(G.result.winner) : undefined } : undefined),
  };
  const enumerate = enumerateFor(sc, settings);
  const start = InitializeGame({ game, numPlayers: 6, setupData: { seed } });
  return {
    async act(G, power) {
      if (awaiting(G)[0] !== power) throw new Error(`MCTSBot can only move for the first seat due, not ${power}`);
      const bot = new MCTSBot({ game, enumerate, seed: `${seed}/${G.log.length}`, iterations: settings.iterations, playoutDepth: settings.playoutDepth });
      const { action } = await bot.play({ ...start, G: structuredClone(G) }, '0');
      const { type, args } = (action as ReturnType<typeof moveFor>).payload;
      return type === 'decide' ? { type: 'decide', option: args[0] as string } : { type: 'orders', orders: args[0] as Order[] };
    },
  };
}
