/**
 * One game of an analysis, played by the self-play driver and measured. Game `g` of
 * seed `S` is set up from `S/g` and each seat's player seeded `S/g/POWER`, as
 * `npm run balance` always did, so a game is the same whoever plays it and wherever
 * (a worker thread or the main one), and a paired game with one seat changed shares
 * the deal and the other seats' seeds.
 */
import type { Bot } from '../../bots/bot.js';
import { playToEnd } from '../../bots/play.js';
import { POWERS, type PowerId } from '../../game/powers.js';
import { setupState } from '../../game/setup.js';
import type { GameState } from '../../game/types.js';
import type { Scenario } from '../../scenario/schema.js';
import { measureGame, type GameMeasures } from './gameMeasures.js';
import { seatPolicy, type Seats } from './seats.js';

export interface GameSpec {
  seed: string;
  game: number;
  rounds: number;
  seats: Seats;
}

/** The master state's hands, added to what each seat has held so far. */
function noteHands(G: GameState, held: Record<PowerId, Set<string>>): void {
  for (const p of POWERS) for (const card of G.seats[p].hand) held[p].add(card);
}

/** Play the game to its end; `times` collects each bot decision's duration in ms. */
export function playGame(sc: Scenario, spec: GameSpec, times?: number[]): GameMeasures {
  const gameSeed = `${spec.seed}/${spec.game}`;
  const timed = (bot: Bot): Bot =>
    times
      ? (scenario, view, power) => {
          const start = performance.now();
          const choice = bot(scenario, view, power);
          times.push(performance.now() - start);
          return choice;
        }
      : bot;
  const policies = Object.fromEntries(POWERS.map((p) => [p, seatPolicy(spec.seats[p], `${gameSeed}/${p}`, timed)])) as Record<PowerId, ReturnType<typeof seatPolicy>>;
  const G = setupState(sc, { seed: gameSeed, rounds: spec.rounds });
  const held = Object.fromEntries(POWERS.map((p) => [p, new Set<string>()])) as Record<PowerId, Set<string>>;
  // A card enters a hand only between actions (the deal, the draw at a round's end) and
  // leaves it only by an action, so looking after each one misses none.
  noteHands(G, held);
  playToEnd(sc, G, policies, { afterAction: (state) => noteHands(state, held) });
  return measureGame(sc, G, held);
}
