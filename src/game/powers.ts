/**
 * The six powers, their seats and the fifteen pairs between them.
 *
 * Seat mapping (boardgame.io playerID → power) is fixed for every scenario so that
 * logs, saved games and bots always agree on who sits where:
 *   "0" CHN · "1" RUS · "2" PRK · "3" USA · "4" JPN · "5" KOR
 * and, in a classroom exercise (a 7-player match), "6" is Control, the teacher.
 */
export const POWERS = ['CHN', 'RUS', 'PRK', 'USA', 'JPN', 'KOR'] as const;
export type PowerId = (typeof POWERS)[number];

export type SeatId = '0' | '1' | '2' | '3' | '4' | '5';
export const SEATS: readonly SeatId[] = ['0', '1', '2', '3', '4', '5'];

export function powerOfSeat(seat: string | null | undefined): PowerId | null {
  if (seat == null) return null;
  const index = SEATS.indexOf(seat as SeatId);
  return index < 0 ? null : POWERS[index]!;
}

/** Control's seat in a classroom exercise: not a power; sees everything and runs the exercise. */
export const CONTROL_SEAT = '6';

export function isControlSeat(seat: string | null | undefined): boolean {
  return seat === CONTROL_SEAT;
}

export function seatOfPower(power: PowerId): SeatId {
  return SEATS[POWERS.indexOf(power)]!;
}

export function isPowerId(value: unknown): value is PowerId {
  return typeof value === 'string' && (POWERS as readonly string[]).includes(value);
}

/** A relation key, always in POWERS order so each pair has exactly one key ("CHN-PRK", never "PRK-CHN"). */
export type PairKey = `${PowerId}-${PowerId}`;

export function pairKey(a: PowerId, b: PowerId): PairKey {
  return POWERS.indexOf(a) < POWERS.indexOf(b) ? `${a}-${b}` : `${b}-${a}`;
}

export const PAIRS: readonly PairKey[] = POWERS.flatMap((a, i) =>
  POWERS.slice(i + 1).map((b) => pairKey(a, b)),
);

/** Targets that are not powers: aid may be sent to Ukraine. */
export const UKRAINE = 'UKR' as const;
export type AidTarget = PowerId | typeof UKRAINE;
