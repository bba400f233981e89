/**
 * Orders chosen but not yet locked in, kept in this browser per match and seat with the
 * step they were chosen for, so a reload during the step gives them back (solo, hot-seat
 * and online; a classroom team's draft is the seat's, kept by the server). Only the
 * latest step's draft is kept: one for another step is from a step that has passed.
 */
import type { PowerId } from '../game/powers.js';
import type { Order } from '../game/types.js';
import { readStoredRecord } from './net/onlineSeats.js';

const PREFIX = 'triangles.draft.';

/** One seat's kept draft in one match. */
export interface SeatDrafts {
  /** What was kept for this step, unchecked (the rules decide whether it still stands); null when nothing was. */
  read(step: string): unknown;
  /** Keep the orders chosen for this step (none: forget the draft). */
  write(step: string, orders: readonly Order[]): void;
}

const keyOf = (match: string, power: PowerId) => `${PREFIX}${match}.${power}`;

export function seatDrafts(storage: Storage, match: string, power: PowerId): SeatDrafts {
  const key = keyOf(match, power);
  return {
    read: (step) => {
      const kept = readStoredRecord(storage, key);
      if (kept?.step === step) return kept.orders;
      if (kept) storage.removeItem(key);
      return null;
    },
    write: (step, orders) => {
      if (orders.length) storage.setItem(key, JSON.stringify({ step, orders }));
      else storage.removeItem(key);
    },
  };
}

/** Forget every seat's draft in a match (it is over, or a new game takes its name). */
export function clearDrafts(storage: Storage, match: string): void {
  const prefix = `${PREFIX}${match}.`;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key?.startsWith(prefix));
  for (const key of keys) storage.removeItem(key!);
}

/** The name a match played in this browser keeps its drafts under: its seed, which a resumed save keeps. */
export const localMatchName = (seed: string) => `local-${seed}`;
