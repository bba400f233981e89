/**
 * This browser's place in each online match, kept in localStorage per match code:
 * the seat's credentials (so a reload or a lost connection comes back to the same
 * seat) and, for the match's creator, the host token. Nothing here is shown to others.
 */
import { isPowerId, type PowerId } from '../../game/powers.js';

const PREFIX = 'triangles.online.';

export interface HeldSeat {
  power: PowerId;
  playerID: string;
  credentials: string;
  name: string;
}

export interface OnlinePlace {
  seat: HeldSeat | null;
  hostToken: string | null;
}

const NOWHERE: OnlinePlace = { seat: null, hostToken: null };

/** A record kept as JSON under `key`, or null when there is none or it does not parse (edited by hand, another version). */
export function readStoredRecord(storage: Storage, key: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function readPlace(storage: Storage, code: string): OnlinePlace {
  const data = readStoredRecord(storage, PREFIX + code);
  if (!data) return NOWHERE;
  const { seat, hostToken } = data;
  return { seat: isHeldSeat(seat) ? seat : null, hostToken: typeof hostToken === 'string' ? hostToken : null };
}

export function writePlace(storage: Storage, code: string, change: Partial<OnlinePlace>): OnlinePlace {
  const place = { ...readPlace(storage, code), ...change };
  storage.setItem(PREFIX + code, JSON.stringify(place));
  return place;
}

/** The name last used online, offered again in the next match. */
export function lastName(storage: Storage): string {
  return storage.getItem(`${PREFIX}name`) ?? '';
}

export function rememberName(storage: Storage, name: string): void {
  storage.setItem(`${PREFIX}name`, name);
}

export function isHeldSeat(value: unknown): value is HeldSeat {
  if (typeof value !== 'object' || value === null) return false;
  const seat = value as Record<string, unknown>;
  return isPowerId(seat.power) && typeof seat.playerID === 'string' && typeof seat.credentials === 'string' && typeof seat.name === 'string';
}
