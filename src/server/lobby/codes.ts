/**
 * Match codes double as match IDs: short enough to read out in a room, from letters
 * and digits that cannot be confused (no 0/O, 1/I/L), drawn from crypto so nobody
 * can guess the next one.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

export function newMatchCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A code as a person typed it ("abc-234 ") in canonical form, or null if it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
