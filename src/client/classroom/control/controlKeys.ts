/**
 * Control's token for each exercise, kept in this browser (localStorage, per code),
 * and the private Control link that carries it to another device: the token rides in
 * the address's fragment (`#key=TOKEN`), which browsers never send to a server; the
 * page takes it into storage and removes it from the address at once.
 */
import { classroomLink } from '../route.js';

const PREFIX = 'triangles.control.';

/** `/?control=new` opens the create-exercise form: codes are six characters, so no exercise has this one. */
export const NEW_EXERCISE = 'NEW';

export function newExerciseLink(origin: string = window.location.origin): string {
  return classroomLink('control', NEW_EXERCISE.toLowerCase(), origin);
}

export function readControlKey(storage: Storage, code: string): string | null {
  return storage.getItem(PREFIX + code);
}

export function writeControlKey(storage: Storage, code: string, token: string): void {
  storage.setItem(PREFIX + code, token);
}

export function forgetControlKey(storage: Storage, code: string): void {
  storage.removeItem(PREFIX + code);
}

/** The link that opens Control's page for this exercise on any device. */
export function privateControlLink(code: string, token: string, origin: string = window.location.origin): string {
  return `${classroomLink('control', code, origin)}#key=${encodeURIComponent(token)}`;
}

/** Take a token that arrived in the address's fragment into storage, and take it out of the address (and its history entry). */
export function takeKeyFromAddress(storage: Storage, code: string): void {
  if (!window.location.hash) return;
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key');
  if (key) writeControlKey(storage, code, key);
  const url = new URL(window.location.href);
  url.hash = '';
  window.history.replaceState(null, '', url.href.replace(/#$/, ''));
}
