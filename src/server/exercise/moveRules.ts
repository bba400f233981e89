/**
 * Which device of a team may make which move. The master only knows that a token opens
 * the seat (auth.ts); in an exercise every member drafts, but only the captain locks in
 * the team's orders and decisions. The socket guard asks here before a move goes on.
 */
import { powerOfSeat } from '../../game/powers.js';
import type { Check } from '../socketGuard.js';
import type { KnownExercises } from './known.js';
import { memberOf } from './members.js';

const CAPTAIN_MOVES = new Set(['submitOrders', 'decide']);

export async function checkExerciseMove(known: KnownExercises, matchID: string, playerID: string, type: string, credentials: unknown): Promise<Check> {
  const metadata = await known.metadata(matchID);
  const power = powerOfSeat(playerID);
  // Control's seat has one token, checked by the master like any seat's.
  if (!metadata || !power) return null;
  const member = memberOf(metadata, power, credentials);
  if (!member) return `only a member of ${power}'s team may move for it`;
  if (CAPTAIN_MOVES.has(type) && !member.captain) return `only ${power}'s captain may lock in the team's ${type === 'decide' ? 'decision' : 'orders'}; members draft`;
  return null;
}
