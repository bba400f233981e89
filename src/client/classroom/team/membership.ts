/**
 * This browser's place in each classroom exercise, kept in localStorage per exercise
 * code like an online seat (onlineSeats.ts): the member's id (Control moves members by
 * it) and the seat with the member's own token, so a reload comes back to the same team.
 */
import { isHeldSeat, readStoredRecord, type HeldSeat } from '../../net/onlineSeats.js';

const PREFIX = 'triangles.exercise.';

export interface Membership {
  memberId: string;
  /** The team's seat; `credentials` is this member's token. */
  seat: HeldSeat;
}

export function readMembership(storage: Storage, code: string): Membership | null {
  const data = readStoredRecord(storage, PREFIX + code);
  if (!data) return null;
  const { memberId, seat } = data;
  return typeof memberId === 'string' && isHeldSeat(seat) ? { memberId, seat } : null;
}

export function writeMembership(storage: Storage, code: string, membership: Membership | null): void {
  if (membership) storage.setItem(PREFIX + code, JSON.stringify(membership));
  else storage.removeItem(PREFIX + code);
}
