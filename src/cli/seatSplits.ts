/**
 * Which three seats one side holds in a three-against-three series. A fixed split
 * (the even seats against the odd) always puts the same powers on the same side, and
 * powers whose objectives pull one track opposite ways (Russia and the United States
 * on the Ukraine Front) then score for or against their own side's other seat: one
 * side's mistake as Russia shows up as its gain as the United States. So game pairs
 * go through the ten ways to split the six powers into two threes, and within a pair
 * the sides swap seats, so each power is played by each side equally often.
 */
import { POWERS, type PowerId } from '../game/powers.js';

/** The ten three-power sets that hold China (each split once, by its side with China). */
const SPLITS: readonly (readonly PowerId[])[] = POWERS.slice(1).flatMap((a, i, rest) => rest.slice(i + 1).map((b) => [POWERS[0], a, b]));

/** True when `power` is on the first side in game `game` (game pairs 2k, 2k + 1 share split k mod 10). */
export function onFirstSide(game: number, power: PowerId): boolean {
  return SPLITS[Math.floor(game / 2) % SPLITS.length]!.includes(power) === (game % 2 === 0);
}

export const SPLIT_COUNT = SPLITS.length;
