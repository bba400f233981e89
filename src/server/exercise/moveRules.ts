/**
 * Which device of a team may make which move. The master only knows that a token opens
 * the seat (auth.ts); in an exercise every member drafts, but only the captain locks in
 * the team's orders and decisions. The socket guard asks here before a move goes on.
 */
import { powerOfSeat } from '../../game/powers.js';
import { lobbyOf, type MatchMetadata } from '../lobby/matchInfo.js';
import type { Check } from '../socketGuard.js';
import { memberOf, type Exercise } from './members.js';

const CAPTAIN_MOVES = new Set(['submitOrders', 'decide']);

export function checkExerciseMove(metadata: MatchMetadata, playerID: string, type: string, credentials: unknown): Check {
  const power = powerOfSeat(playerID);
  // Control's seat has one token, checked like any seat's.
  if (!lobbyOf(metadata)?.exercise || !power) return null;
  const member = memberOf(metadata as Exercise, power, credentials);
  if (!member) return `only a member of ${power}'s team may move for it`;
  if (CAPTAIN_MOVES.has(type) && !member.captain) return `only ${power}'s captain may lock in the team's ${type === 'decide' ? 'decision' : 'orders'}; members draft`;
  return null;
}
