/**
 * Control's token for each exercise, kept in this browser only (localStorage, one key
 * per exercise, so a teacher running parallel groups holds every token), never in an
 * address a projector or a shared screen might show. The private Control link carries
 * it to another device in the address's fragment (`#key=TOKEN`), which browsers never
 * send to a server; the page takes it into storage and out of the address at once.
 */
import { classroomLink } from './route.js';

const key = (code: string) => `triangles.control.${code}`;

/** `/?control=new` opens the create-exercise form: codes are six characters, so no exercise has this one. */
export const NEW_EXERCISE = 'NEW';

export function newExerciseLink(origin: string = window.location.origin): string {
  return classroomLink('control', NEW_EXERCISE.toLowerCase(), origin);
}

export function readControlToken(storage: Storage, code: string): string | null {
  try {
    return storage.getItem(key(code)) || null;
  } catch {
    // Storage a browser refuses (private mode, blocked cookies) holds no token.
    return null;
  }
}

export function writeControlToken(storage: Storage, code: string, token: string): void {
  storage.setItem(key(code), token);
}

export function forgetControlToken(storage: Storage, code: string): void {
  storage.removeItem(key(code));
}

/** The link that opens Control's page for this exercise on any device. */
export function privateControlLink(code: string, token: string, origin: string = window.location.origin): string {
  return `${classroomLink('control', code, origin)}#key=${encodeURIComponent(token)}`;
}

/** Take a token that arrived in the address's fragment into storage, and take it out of the address (and its history entry). */
export function takeTokenFromAddress(storage: Storage, code: string): void {
  if (!window.location.hash) return;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (token) writeControlToken(storage, code, token);
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(null, '', url.href.replace(/#$/, ''));
}
